import { expect, type Locator, type Page } from '@playwright/test';
import { EXPORT_FORMAT_LABELS, type BibliographyFormat, type ExportFormat } from '../../../common/domain/exports';

const BIBLIOGRAPHY_LABELS: Record<BibliographyFormat, string> = { html: 'HTML', text: 'Plain text', rtf: 'RTF' };

export type ScopeLabel = 'Selected cases' | 'The open case' | 'Cases tagged' | 'The whole knowledge base';

/**
 * File ▸ Export…: scope, sources, format, style and locale; Export… to a file (typed into "Save to"
 * where the host has no save dialog) with progress and Cancel; Copy; the file kept in sync.
 */
export class ExportDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export', exact: true });
  }

  scopeOption(label: ScopeLabel): Locator {
    return this.dialog.getByRole('group', { name: 'What' }).getByRole('radio', { name: new RegExp(`^${escape(label)}`) });
  }

  async chooseScope(label: ScopeLabel): Promise<void> {
    await this.scopeOption(label).check();
  }

  async chooseTag(tag: string): Promise<void> {
    await this.dialog.getByLabel('Tag', { exact: true }).selectOption(tag);
  }

  sourcesOption(which: 'cited' | 'all'): Locator {
    const group = this.dialog.getByRole('group', { name: 'Sources' });
    return which === 'all' ? group.getByRole('radio', { name: 'All sources in the knowledge base' }) : group.getByRole('radio', { name: /cited/ });
  }

  formatOption(format: ExportFormat): Locator {
    return this.dialog.getByRole('group', { name: 'Format' }).getByRole('radio', { name: EXPORT_FORMAT_LABELS[format], exact: true });
  }

  async chooseFormat(format: ExportFormat, bibliography?: BibliographyFormat): Promise<void> {
    await this.formatOption(format).check();
    if (bibliography) {
      await this.dialog.getByRole('radiogroup', { name: 'Bibliography as' }).getByRole('radio', { name: BIBLIOGRAPHY_LABELS[bibliography], exact: true }).check();
    }
  }

  get style(): Locator {
    return this.dialog.getByLabel('Style', { exact: true });
  }

  get locale(): Locator {
    return this.dialog.getByLabel('Locale', { exact: true });
  }

  /** Picks a style by its id once the catalogue has loaded. */
  async chooseStyle(id: string): Promise<void> {
    await this.findStyle('');
    await expect(this.style.locator(`option[value="${id}"]`)).toHaveCount(1, { timeout: 15_000 });
    await this.style.selectOption(id);
  }

  async findStyle(text: string): Promise<void> {
    await this.dialog.getByRole('searchbox', { name: 'Find a style' }).fill(text);
  }

  /** The note about a style without a bibliography. */
  note(): Locator {
    return this.dialog.getByRole('note');
  }

  get exportButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Export…', exact: true });
  }

  get copyButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Copy', exact: true });
  }

  /** The "Save to (full path)" field the browser host shows instead of a save dialog. */
  get pathField(): Locator {
    return this.dialog.getByLabel('Save to (full path)');
  }

  /** Export… then, in the browser host, types where to save and saves. Does not wait for the job. */
  async startExportTo(path: string): Promise<void> {
    await this.exportButton.click();
    await this.pathField.fill(path);
    await this.dialog.getByRole('button', { name: 'Save', exact: true }).click();
  }

  /** Exports to `path` and waits for the report. */
  async exportTo(path: string): Promise<void> {
    await this.startExportTo(path);
    await this.expectSaved(path);
  }

  /** "Saved to /…/file.bib" once the job process has written the file. */
  saved(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /^Saved to / });
  }

  async expectSaved(path: string): Promise<void> {
    // A job process starts for each export: seconds on a busy machine.
    await expect(this.saved()).toHaveText(`Saved to ${path}`, { timeout: 60_000 });
  }

  /** The counts and warnings under "Saved to". */
  report(): Locator {
    return this.saved().locator('..');
  }

  async exportAnother(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Export another', exact: true }).click();
    await expect(this.exportButton).toBeVisible();
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  async copy(): Promise<void> {
    await this.copyButton.click();
  }

  /** The live region's "Copied to the clipboard: …" and other announcements. */
  announcement(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /^(Copied|Added|Keeping|No file)/ });
  }

  progressBar(): Locator {
    return this.dialog.getByRole('progressbar');
  }

  async cancelJob(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }

  async addStyleFile(path: string): Promise<void> {
    await this.dialog.getByLabel('Style file (.csl)').setInputFiles(path);
  }

  get syncSection(): Locator {
    return this.dialog.getByRole('region', { name: 'Keep a .bib or .json file in sync' });
  }

  /** Sets the file kept in sync, typing its path (browser host). */
  async keepInSync(path: string, format: 'BibTeX (.bib)' | 'BibLaTeX (.bib)' | 'CSL-JSON (.json)'): Promise<void> {
    await this.syncSection.getByLabel('Sync format').selectOption({ label: format });
    await this.syncSection.getByRole('button', { name: 'Keep in sync…' }).click();
    await this.syncSection.getByLabel('Sync file (full path)').fill(path);
    await this.syncSection.getByRole('button', { name: 'Keep in sync', exact: true }).click();
  }

  async stopSync(): Promise<void> {
    await this.syncSection.getByRole('button', { name: 'Stop keeping in sync' }).click();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(this.dialog).toHaveCount(0);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
