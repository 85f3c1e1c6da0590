import { expect, type Locator, type Page } from '@playwright/test';

/** The detail pane beside the grid: fields of one case, its tags, actors and note. */
export class CaseDetail {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: 'Case detail' });
  }

  field(label: string): Locator {
    return this.pane.getByLabel(label, { exact: true });
  }

  /** Types a value into a text field and leaves it, which saves it. */
  async fill(label: string, value: string): Promise<void> {
    const field = this.field(label);
    await field.fill(value);
    await field.blur();
  }

  async select(label: string, option: string): Promise<void> {
    await this.field(label).selectOption({ label: option });
  }

  async check(label: string, checked = true): Promise<void> {
    await this.pane.getByRole('checkbox', { name: label, exact: true }).setChecked(checked);
  }

  async addTag(tag: string): Promise<void> {
    const input = this.field('Tags');
    await input.fill(tag);
    await input.press('Enter');
    await expect(this.tag(tag)).toBeVisible();
  }

  /** The chip of one tag (found by its remove button, so the name matches exactly). */
  tag(name: string): Locator {
    return this.tags().filter({ has: this.page.getByRole('button', { name: `Remove tag ${name}`, exact: true }) });
  }

  tags(): Locator {
    return this.pane.getByRole('list', { name: 'Current tags' }).getByRole('listitem');
  }

  /** Creates an actor and links it to the case with a role. */
  async linkNewActor(actor: { name: string; abbreviation?: string; kind?: string; role?: string }): Promise<void> {
    await this.pane.getByRole('button', { name: 'Link actor…' }).click();
    const picker = this.pane.getByRole('group', { name: 'Link an actor' });
    if (actor.role) await picker.getByLabel('Role in this case').fill(actor.role);
    await picker.getByRole('button', { name: 'New actor…' }).click();
    await picker.getByLabel('Actor name').fill(actor.name);
    if (actor.abbreviation) await picker.getByLabel('Abbreviation').fill(actor.abbreviation);
    if (actor.kind) await picker.getByLabel('Kind').selectOption({ label: actor.kind });
    await picker.getByRole('button', { name: 'Create and link' }).click();
    await expect(this.pane.getByRole('button', { name: `Unlink ${actor.name}` })).toBeVisible();
  }

  note(): Locator {
    return this.pane.getByRole('textbox', { name: 'Case note' });
  }

  noteToolbar(): Locator {
    return this.pane.getByRole('toolbar', { name: 'Formatting' });
  }

  async formatButton(label: string): Promise<void> {
    await this.noteToolbar().getByRole('button', { name: label, exact: true }).click();
  }

  /** Waits for the note editor's own save indicator. */
  async expectNoteSaved(): Promise<void> {
    await expect(this.pane.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
  }

  errors(): Locator {
    return this.pane.getByRole('alert');
  }
}
