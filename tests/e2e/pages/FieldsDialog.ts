import { expect, type Locator, type Page } from '@playwright/test';

/** The Fields manager dialog. */
export class FieldsDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Fields' });
  }

  /** Adds a field; `options` for select types. */
  async addField(name: string, type: string, options: string[] = []): Promise<void> {
    const form = this.dialog.getByRole('form', { name: 'New field' });
    await form.getByLabel('Field name').fill(name);
    await form.getByLabel('Field type').selectOption({ label: type });
    if (options.length) await form.getByLabel('Options (one per line)').fill(options.join('\n'));
    await form.getByRole('button', { name: 'Add field' }).click();
    await expect.poll(() => this.fieldNames()).toContain(name);
  }

  /** The fields' names, in their order. */
  async fieldNames(): Promise<string[]> {
    return this.dialog
      .getByRole('list', { name: 'Fields' })
      .getByRole('textbox', { name: /^Name of field/ })
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  }

  async deleteField(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Delete field ${name}` }).click();
    await this.page.getByRole('dialog', { name: `Delete the field “${name}”?` }).getByRole('button', { name: 'Delete field' }).click();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
