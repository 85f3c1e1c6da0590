import { expect, type Locator, type Page } from '@playwright/test';
import { CasesPage } from './CasesPage';

/** The Trash: the same grid listing trashed cases, with Restore and Delete forever. */
export class TrashPage extends CasesPage {
  constructor(page: Page) {
    super(page, 'Trash');
  }

  async restore(title: string): Promise<void> {
    await this.row(title).click();
    await this.page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(this.row(title)).toHaveCount(0);
  }

  async deleteForever(title: string): Promise<void> {
    await this.row(title).click();
    await this.page.getByRole('button', { name: 'Delete forever', exact: true }).click();
    await this.confirmDialog().getByRole('button', { name: 'Delete forever' }).click();
    await expect(this.row(title)).toHaveCount(0);
  }

  confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Delete forever?' });
  }

  emptyMessage(): Locator {
    return this.grid.getByText('The Trash is empty.');
  }
}
