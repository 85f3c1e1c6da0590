import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** The Import sources dialog: choose, drop or paste; preview with duplicates and problems; import; report. */
export class ImportDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import sources' });
  }

  /** Picks a file with the dialog's file picker. */
  async chooseFile(path: string): Promise<void> {
    await this.dialog.getByLabel('Choose file', { exact: true }).setInputFiles(path);
  }

  /**
   * Drops a file on the window as a user dragging it from the file manager would: a DataTransfer
   * built in the page, with dragenter, dragover and drop events on the body.
   */
  async dropFile(path: string, type = 'text/plain'): Promise<void> {
    const text = readFileSync(path, 'utf8');
    const transfer = await this.page.evaluateHandle(
      ({ text, name, type }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type }));
        return dt;
      },
      { text, name: basename(path), type },
    );
    for (const event of ['dragenter', 'dragover', 'drop']) {
      await this.page.dispatchEvent('body', event, { dataTransfer: transfer });
    }
    await transfer.dispose();
  }

  /** Drags a file over the window without dropping it (the drop overlay shows). */
  async dragOver(path: string): Promise<void> {
    const transfer = await this.page.evaluateHandle((name) => {
      const dt = new DataTransfer();
      dt.items.add(new File([''], name, { type: 'text/plain' }));
      return dt;
    }, basename(path));
    for (const event of ['dragenter', 'dragover']) await this.page.dispatchEvent('body', event, { dataTransfer: transfer });
    await transfer.dispose();
  }

  /** The overlay shown while files are dragged over the window. */
  dropOverlay(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Drop a \.bib/ });
  }

  async paste(text: string, format?: 'BibTeX' | 'BibLaTeX' | 'RIS' | 'CSL-JSON'): Promise<void> {
    await this.dialog.getByRole('tab', { name: 'Paste' }).click();
    await this.dialog.getByLabel('BibTeX, RIS or CSL-JSON').fill(text);
    if (format) await this.dialog.getByLabel('Format').selectOption({ label: format });
    await this.dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  }

  progressBar(): Locator {
    return this.dialog.getByRole('progressbar');
  }

  async cancelJob(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  }

  /** A number from the preview's summary: Entries, New, Duplicates, Errors. */
  summary(label: 'Entries' | 'New' | 'Duplicates' | 'Errors'): Locator {
    return this.dialog.getByLabel('Import summary').locator('div').filter({ has: this.page.getByText(label, { exact: true }) }).locator('dd');
  }

  async expectSummary(counts: Partial<Record<'Entries' | 'New' | 'Duplicates' | 'Errors', number>>): Promise<void> {
    // The first answer waits for the job process to start and parse, which takes a few seconds on a busy machine.
    await expect(this.dialog.getByLabel('Import summary')).toBeVisible({ timeout: 30_000 });
    for (const [label, n] of Object.entries(counts) as ['Entries' | 'New' | 'Duplicates' | 'Errors', number][]) {
      await expect(this.summary(label), label).toHaveText(n.toLocaleString('en-US'));
    }
  }

  /** Problems listed with their line ("Line 40: entry `smith2001` …"). */
  problems(): Locator {
    return this.dialog.getByRole('region', { name: /^Problems/ }).getByRole('listitem');
  }

  duplicates(): Locator {
    return this.dialog.getByRole('region', { name: 'Duplicates' }).getByRole('listitem');
  }

  /** The entries table row showing `text` (a title or citekey). */
  entry(text: string): Locator {
    return this.dialog.getByRole('table').getByRole('row').filter({ hasText: text });
  }

  async chooseForDuplicate(key: string, choice: 'Skip' | 'Merge' | 'Keep both'): Promise<void> {
    await this.dialog.getByLabel(`What to do with ${key}`).selectOption({ label: choice });
  }

  async chooseForAllDuplicates(choice: 'Skip' | 'Merge' | 'Keep both'): Promise<void> {
    await this.dialog.getByLabel('For every duplicate').selectOption({ label: choice });
  }

  async commit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  }

  /** "Imported 12, merged 1, skipped 2." */
  report(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /^Imported \d/ });
  }

  /** Waits for the commit's report (the job process writes everything first). */
  async expectReport(text: string): Promise<void> {
    await expect(this.report()).toHaveText(text, { timeout: 30_000 });
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }
}
