import { expect, type Locator, type Page } from '@playwright/test';

/** A sharing job (copy, merge, backup) runs in a job process: seconds on a busy machine. */
export const JOB_TIMEOUT = 60_000;

/**
 * File ▸ Save a Copy… and File ▸ Export for a Colleague… (the same dialog): scope, where to write
 * (typed into "Save to" where the host has no save dialog), progress and Cancel, the report.
 */
export class SaveCopyDialog {
  constructor(
    readonly page: Page,
    readonly title: 'Save a Copy' | 'Export for a Colleague' = 'Save a Copy',
  ) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.title, exact: true });
  }

  scopeOption(which: 'all' | 'cases'): Locator {
    const group = this.dialog.getByRole('group', { name: 'What' });
    return which === 'all' ? group.getByRole('radio', { name: /^The whole knowledge base/ }) : group.getByRole('radio', { name: /^Selected cases/ });
  }

  get pathField(): Locator {
    return this.dialog.getByLabel('Save to (full path)');
  }

  /** Types where to save and saves; does not wait for the job. */
  async startSaveTo(path: string): Promise<void> {
    await this.pathField.fill(path);
    await this.dialog.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async saveTo(path: string): Promise<void> {
    await this.startSaveTo(path);
    await this.expectSaved(path);
  }

  /** The question asked when the typed file exists. */
  overwriteQuestion(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /already exists/ });
  }

  async replace(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Replace', exact: true }).click();
  }

  saved(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /^Saved to / });
  }

  async expectSaved(path: string): Promise<void> {
    await expect(this.saved()).toHaveText(`Saved to ${path}`, { timeout: JOB_TIMEOUT });
  }

  /** "Saved and checked (quick_check): …" and what follows. */
  report(): Locator {
    return this.saved().locator('..');
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(this.dialog).toHaveCount(0);
  }
}

/** File ▸ Merge from File…: the colleague's file, the merge with progress, the report, Undo, history. */
export class MergeDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Merge from File', exact: true });
  }

  get pathField(): Locator {
    return this.dialog.getByLabel('Colleague’s file (full path)');
  }

  get mergeButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Merge', exact: true });
  }

  /** Types the colleague's file and merges; does not wait for the job. */
  async startMerge(path: string): Promise<void> {
    await this.pathField.fill(path);
    await this.mergeButton.click();
  }

  /** Where the host has native dialogs (Electron): Choose… (the test answers the dialog), then Merge. */
  async chooseAndMerge(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Choose…', exact: true }).click();
    await this.mergeButton.click();
    await expect(this.report()).toBeVisible({ timeout: JOB_TIMEOUT });
  }

  /** Merges and waits for the report. */
  async mergeFrom(path: string): Promise<void> {
    await this.startMerge(path);
    await expect(this.report()).toBeVisible({ timeout: JOB_TIMEOUT });
  }

  report(): Locator {
    return this.dialog.getByRole('region', { name: 'Merge report' });
  }

  /** The report's headline ("From Bea: 1 added, 2 updated, …"). */
  headline(): Locator {
    return this.report().getByRole('status');
  }

  /** The count in the report's table: row Added/Updated/Deleted, column Cases/Sources/Other records. */
  count(row: 'Added' | 'Updated' | 'Deleted', column: 'Cases' | 'Sources' | 'Other records'): Locator {
    const columns = ['Cases', 'Sources', 'Other records'];
    return this.report()
      .getByRole('row', { name: new RegExp(`^${row}\\b`) })
      .getByRole('cell')
      .nth(columns.indexOf(column));
  }

  async reviewConflicts(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^Review conflicts/ }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  earlierMerges(): Locator {
    return this.dialog.getByRole('region', { name: 'Earlier merges' });
  }

  /** Undo… on the report or in the history, then confirms. */
  async undoNewest(): Promise<void> {
    const fromReport = this.dialog.getByRole('button', { name: 'Undo merge…', exact: true });
    if ((await fromReport.count()) > 0) await fromReport.click();
    else await this.earlierMerges().getByRole('button', { name: /^Undo the merge from/ }).click();
    await this.dialog.getByRole('button', { name: 'Undo merge', exact: true }).click();
    await expect(this.dialog.getByRole('status').filter({ hasText: /^Undid the merge/ })).toBeVisible({ timeout: JOB_TIMEOUT });
  }

  /** What the undo did, under "Undid the merge from …". */
  undoSummary(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /^Undid the merge/ }).locator('..');
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(this.dialog).toHaveCount(0);
  }
}

/** File ▸ Settings…: the name changes are signed with. */
export class SettingsDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings', exact: true });
  }

  async setDisplayName(name: string): Promise<void> {
    const field = this.dialog.getByLabel('Your name', { exact: true });
    await expect(field).toBeEnabled();
    await field.fill(name);
    await this.dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.dialog).toHaveCount(0);
  }
}

/** The banners under the header: conflicts waiting, a knowledge base in a cloud-sync folder. */
export class ShareBanners {
  constructor(readonly page: Page) {}

  conflicts(): Locator {
    return this.page.getByRole('status').filter({ hasText: /merge conflicts? waits? for review/ });
  }

  async review(): Promise<void> {
    await this.conflicts().getByRole('button', { name: 'Review', exact: true }).click();
  }

  cloudWarning(): Locator {
    return this.page.getByRole('region', { name: 'Cloud sync warning' });
  }
}
