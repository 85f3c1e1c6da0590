import { expect, type Locator, type Page } from '@playwright/test';
import { JOB_TIMEOUT } from './ShareDialogs';

/** File ▸ Backups…: the list, Back up now, and Restore… with its preview of what would be lost. */
export class BackupsDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Backups', exact: true });
  }

  /** Body rows of the backups table. */
  rows(): Locator {
    return this.dialog.getByRole('table').getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** Rows whose "Why" is `reason` ("Backed up by you", "Before a merge", "Before a restore" …). */
  rowsFor(reason: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('cell', { name: reason, exact: true }) });
  }

  async backUpNow(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Back up now', exact: true }).click();
    await expect(this.announcement()).toHaveText(/^Backed up and checked: /, { timeout: JOB_TIMEOUT });
  }

  announcement(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /^Backed up/ });
  }

  /** Restore… on a row: shows the preview of what would be lost. */
  async startRestore(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Restore the backup of/ }).click();
    await expect(this.confirmTitle()).toBeVisible({ timeout: JOB_TIMEOUT });
  }

  confirmTitle(): Locator {
    return this.dialog.getByRole('heading', { name: /^Restore the backup of / });
  }

  /** The sentences of what a restore would lose. */
  loss(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /(lost|loses nothing)/ });
  }

  async confirmRestore(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Restore this backup', exact: true }).click();
    await expect(this.dialog).toHaveCount(0, { timeout: JOB_TIMEOUT });
  }

  async cancelRestore(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.confirmTitle()).toHaveCount(0);
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(this.dialog).toHaveCount(0);
  }
}
