import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { newId } from '../../common/ids';
import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CasebookApi } from './pages/CasebookApi';
import { CasesPage } from './pages/CasesPage';
import { ExportDialog } from './pages/ExportDialog';
import { SourcesPage } from './pages/SourcesPage';

// Every export runs in a job process (Node, citeproc, the renderers): seconds each on a busy machine.
test.describe.configure({ timeout: 180_000 });
test.use({ sample: true });

const PIRACY = 'Horn of Africa piracy, 2009';

/** A folder of the test's own (the fixture removes it with the knowledge base). */
function folderOf(kbPath: string): string {
  return dirname(kbPath);
}

test('sources go out as BibTeX, BibLaTeX, RIS and CSL-JSON, each to the file the user typed', async ({ casebook }) => {
  const { page } = casebook;
  const dir = folderOf(casebook.kbPath);
  const exporter = new ExportDialog(page);

  await new AppShell(page).chooseMenu('File', 'Export…');
  await expect(exporter.dialog).toBeVisible();
  // Nothing is selected: the whole knowledge base, every source.
  await expect(exporter.scopeOption('Selected cases')).toBeDisabled();
  await expect(exporter.scopeOption('The whole knowledge base')).toBeChecked();
  await expect(exporter.sourcesOption('all')).toBeChecked();

  await exporter.chooseFormat('bibtex');
  // Sources as data: no style applies.
  await expect(exporter.style).toBeDisabled();
  await expect(exporter.locale).toBeDisabled();
  await exporter.exportTo(join(dir, 'sources.bib'));
  await expect(exporter.report()).toContainText(/\d+ sources/);
  const bibtex = readFileSync(join(dir, 'sources.bib'), 'utf8');
  expect(bibtex).toContain('@article{crocker2011collective,');
  expect(bibtex).toContain('@book{crocker2011rewiring,');
  expect(bibtex).toMatch(/^\s*title\s*=\s*\{/m);

  await exporter.exportAnother();
  await exporter.chooseFormat('biblatex');
  await exporter.exportTo(join(dir, 'sources-latex.bib'));
  const biblatex = readFileSync(join(dir, 'sources-latex.bib'), 'utf8');
  expect(biblatex).toContain('crocker2011collective');
  expect(biblatex).toMatch(/^@\w+\{/m);

  await exporter.exportAnother();
  await exporter.chooseFormat('ris');
  await exporter.exportTo(join(dir, 'sources.ris'));
  const ris = readFileSync(join(dir, 'sources.ris'), 'utf8');
  expect(ris).toMatch(/^TY {2}- /m);
  expect(ris).toMatch(/^ER {2}- ?$/m);

  await exporter.exportAnother();
  await exporter.chooseFormat('csl-json');
  await exporter.exportTo(join(dir, 'sources.json'));
  const items = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as { id: string; title?: string }[];
  expect(Array.isArray(items)).toBe(true);
  expect(items.length).toBeGreaterThan(5);
  expect(items.map((i) => i.id)).toContain('crocker2011collective');
  await exporter.done();
});

test('a bibliography goes out as HTML, plain text and RTF in the chosen style, and copies to the clipboard', async ({ casebook, context }) => {
  const { page } = casebook;
  const dir = folderOf(casebook.kbPath);
  const exporter = new ExportDialog(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(casebook.url).origin });

  await new AppShell(page).chooseMenu('File', 'Export…');
  await exporter.chooseFormat('bibliography', 'html');
  await expect(exporter.style).toBeEnabled();
  await exporter.chooseStyle('apa');
  await exporter.exportTo(join(dir, 'bibliography.html'));
  const html = readFileSync(join(dir, 'bibliography.html'), 'utf8');
  expect(html.toLowerCase()).toContain('<!doctype html>');
  expect(html).toContain('Crocker');

  await exporter.exportAnother();
  await exporter.chooseFormat('bibliography', 'text');
  await exporter.exportTo(join(dir, 'bibliography.txt'));
  const text = readFileSync(join(dir, 'bibliography.txt'), 'utf8');
  expect(text).toContain('Crocker');
  expect(text).not.toMatch(/<\/?[a-z]+[^>]*>/i);

  await exporter.exportAnother();
  await exporter.chooseFormat('bibliography', 'rtf');
  await exporter.locale.selectOption('de-DE');
  await exporter.exportTo(join(dir, 'bibliography.rtf'));
  const rtf = readFileSync(join(dir, 'bibliography.rtf'), 'utf8');
  expect(rtf.startsWith('{\\rtf1')).toBe(true);
  expect(rtf).toContain('Crocker');

  // Copy: no file, the text on the clipboard, "Copied" announced.
  await exporter.exportAnother();
  await exporter.chooseFormat('bibliography', 'text');
  await exporter.copy();
  await expect(exporter.announcement()).toHaveText(/^Copied to the clipboard: \d+ sources\.$/, { timeout: 60_000 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Crocker');

  await exporter.chooseFormat('bibtex');
  await exporter.copy();
  await expect(exporter.announcement()).toHaveText(/^Copied/, { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('@article{crocker2011collective,');

  // Word and Markdown are files of their own: nothing to copy.
  await exporter.chooseFormat('docx');
  await expect(exporter.copyButton).toHaveCount(0);
});

test('the selected case goes out as a Word document with real footnotes, Markdown for Pandoc, and a web page', async ({ casebook }) => {
  const { page } = casebook;
  const dir = folderOf(casebook.kbPath);
  const cases = new CasesPage(page);
  const exporter = new ExportDialog(page);

  await cases.openCase(PIRACY);
  await page.getByRole('toolbar', { name: 'Case actions' }).getByRole('button', { name: 'Export…', exact: true }).click();
  await expect(exporter.scopeOption('Selected cases')).toBeChecked();
  await expect(exporter.scopeOption('Selected cases')).toHaveAccessibleName('Selected cases (1)');
  await expect(exporter.scopeOption('The open case')).toHaveAccessibleName(`The open case: ${PIRACY}`);
  await expect(exporter.sourcesOption('cited')).toBeChecked();

  await exporter.chooseFormat('docx');
  await exporter.exportTo(join(dir, 'piracy.docx'));
  await expect(exporter.report()).toContainText(/1 case, \d+ sources?, \d+ footnotes?/);
  const docx = readFileSync(join(dir, 'piracy.docx'));
  expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  const zip = await JSZip.loadAsync(docx);
  const footnotes = await zip.file('word/footnotes.xml')?.async('string');
  expect(footnotes, 'word/footnotes.xml').toBeDefined();
  // Word's two separator footnotes, then the case's own.
  expect((footnotes ?? '').match(/<w:footnote\b/g)?.length ?? 0).toBeGreaterThan(2);
  expect(await zip.file('word/document.xml')?.async('string')).toContain('Horn of Africa piracy');

  await exporter.exportAnother();
  await exporter.chooseFormat('markdown');
  await exporter.exportTo(join(dir, 'piracy.md'));
  await expect(exporter.report()).toContainText('Beside it: piracy.json, piracy.csl.');
  const markdown = readFileSync(join(dir, 'piracy.md'), 'utf8');
  expect(markdown).toContain('Horn of Africa piracy');
  expect(markdown).toMatch(/\[@[\w:.-]+/);
  expect(readdirSync(dir)).toEqual(expect.arrayContaining(['piracy.md', 'piracy.json', 'piracy.csl']));
  expect(Array.isArray(JSON.parse(readFileSync(join(dir, 'piracy.json'), 'utf8')))).toBe(true);
  expect(readFileSync(join(dir, 'piracy.csl'), 'utf8')).toContain('<style');

  await exporter.exportAnother();
  await exporter.chooseFormat('html');
  await exporter.exportTo(join(dir, 'piracy.html'));
  const page_ = readFileSync(join(dir, 'piracy.html'), 'utf8');
  expect(page_.trimStart().toLowerCase().startsWith('<!doctype html>')).toBe(true);
  expect(page_).toContain('Horn of Africa piracy');
  await exporter.done();
});

test('a long export shows its progress and Cancel leaves no file', async ({ casebook, request }, testInfo) => {
  const { page } = casebook;
  const dir = folderOf(casebook.kbPath);
  const api = new CasebookApi(request, casebook.url);
  // Thousands of sources make formatting a bibliography take a while.
  const entries = Array.from(
    { length: 4000 },
    (_, i) => `@book{bulk${i},\n  author = {Author${i}, Ann and Writer${i}, Bo},\n  title = {Report number ${i} on maritime security},\n  publisher = {Institute},\n  address = {Oslo},\n  year = {${1990 + (i % 30)}}\n}\n`,
  );
  const big = testInfo.outputPath('bulk.bib');
  writeFileSync(big, entries.join('\n'));
  const preview = await api.call('import.preview', { jobId: newId(), text: readFileSync(big, 'utf8'), fileName: 'bulk.bib' });
  await api.call('import.commit', { jobId: newId(), previewId: preview.previewId });

  const exporter = new ExportDialog(page);
  await new AppShell(page).chooseMenu('File', 'Export…');
  await exporter.chooseFormat('bibliography', 'html');
  const target = join(dir, 'everything.html');
  await exporter.startExportTo(target);
  await expect(exporter.progressBar()).toBeVisible();
  await exporter.cancelJob();
  await expect(exporter.error()).toHaveText('Cancelled. Nothing was written.', { timeout: 30_000 });
  await expect(exporter.progressBar()).toHaveCount(0);
  // Back where it was, the typed path kept, so the user can try again.
  await expect(exporter.pathField).toHaveValue(target);
  expect(existsSync(target)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.startsWith('everything'))).toEqual([]);
});

test('styles: an invalid .csl is refused with the reason, a valid one is added and chosen, a style without a bibliography is explained', async ({ casebook }, testInfo) => {
  const { page } = casebook;
  const exporter = new ExportDialog(page);
  await new AppShell(page).chooseMenu('File', 'Export…');
  await exporter.chooseFormat('docx');

  const broken = testInfo.outputPath('broken.csl');
  writeFileSync(broken, '<style xmlns="http://purl.org/net/xbiblio/csl"><info><title>Broken</title>');
  await exporter.addStyleFile(broken);
  await expect(exporter.error()).toContainText('broken.csl');

  const notes = testInfo.outputPath('casebook-notes.csl');
  writeFileSync(
    notes,
    `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-GB">
  <info>
    <title>Casebook Test Notes</title>
    <id>http://example.org/styles/casebook-test-notes</id>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout suffix="." delimiter="; ">
      <names variable="author"><name form="short"/></names>
      <text variable="title" prefix=", " font-style="italic"/>
    </layout>
  </citation>
</style>
`,
  );
  await exporter.addStyleFile(notes);
  await expect(exporter.announcement()).toHaveText('Added the style “Casebook Test Notes (added)”.');
  await expect(exporter.error()).toHaveCount(0);
  await expect(exporter.style.locator('option:checked')).toHaveText('Casebook Test Notes (added)');
  await expect(exporter.note()).toHaveText('Casebook Test Notes has no bibliography; the dossier will have footnotes only.');

  // Found by typing; a bibliography cannot be made in a style without one.
  await exporter.findStyle('international affairs');
  await expect(exporter.style).toHaveValue('international-affairs');
  await expect(exporter.note()).toHaveText('International Affairs has no bibliography; the dossier will have footnotes only.');
  await exporter.chooseFormat('bibliography');
  await expect(exporter.note()).toHaveText('International Affairs has no bibliography: choose another style to export one.');
  await expect(exporter.exportButton).toBeDisabled();
  await expect(exporter.copyButton).toBeDisabled();
  await exporter.chooseStyle('chicago-author-date');
  await expect(exporter.note()).toHaveCount(0);
  await expect(exporter.exportButton).toBeEnabled();
});

test('Ctrl+E opens the export for a tag; Enter exports, Escape closes; a file can be kept in sync', async ({ casebook }) => {
  const { page } = casebook;
  const dir = folderOf(casebook.kbPath);
  const cases = new CasesPage(page);
  const exporter = new ExportDialog(page);
  await cases.grid.waitFor();

  await cases.focusGrid();
  await page.keyboard.press('Control+e');
  await expect(exporter.dialog).toBeVisible();
  // The chosen scope has focus, so the dialog is usable from the keyboard at once.
  await expect(exporter.dialog.getByRole('group', { name: 'What' }).getByRole('radio', { checked: true })).toBeFocused();
  await exporter.chooseTag('maritime');
  await expect(exporter.scopeOption('Cases tagged')).toBeChecked();
  await expect(exporter.sourcesOption('cited')).toBeChecked();
  await exporter.chooseFormat('csl-json');
  await exporter.formatOption('csl-json').press('Enter');
  await expect(exporter.pathField).toBeFocused();
  await expect(exporter.pathField).toHaveValue(join(dir, 'maritime.json'));
  await exporter.pathField.press('Enter');
  await exporter.expectSaved(join(dir, 'maritime.json'));
  const tagged = JSON.parse(readFileSync(join(dir, 'maritime.json'), 'utf8')) as { id: string }[];
  expect(tagged.length).toBeGreaterThan(0);

  await exporter.exportAnother();
  await exporter.keepInSync(join(dir, 'library.bib'), 'BibLaTeX (.bib)');
  await expect(exporter.announcement()).toHaveText('Keeping library.bib in sync with the sources.', { timeout: 60_000 });
  await expect(exporter.syncSection).toContainText(join(dir, 'library.bib'));
  expect(readFileSync(join(dir, 'library.bib'), 'utf8')).toContain('crocker2011collective');

  await page.keyboard.press('Escape');
  await expect(exporter.dialog).toHaveCount(0);

  // The setting stays with the knowledge base; it can be stopped.
  await page.keyboard.press('Control+e');
  await expect(exporter.syncSection).toContainText('library.bib');
  await exporter.stopSync();
  await expect(exporter.announcement()).toHaveText('No file is kept in sync any more.');
  await expect(exporter.syncSection.getByRole('button', { name: 'Keep in sync…' })).toBeVisible();
  await exporter.close();
});

test('the Sources view copies the bibliography and opens the export for its sources', async ({ casebook, context }) => {
  const { page } = casebook;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(casebook.url).origin });
  const sources = new SourcesPage(page);
  const exporter = new ExportDialog(page);
  await sources.show();

  await sources.toolbar.getByRole('button', { name: 'Copy bibliography' }).click();
  await expect(new AppShell(page).toast(/^Copied the bibliography \(\d+ sources\) to the clipboard\./)).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Crocker');

  await sources.toolbar.getByRole('button', { name: 'Export…', exact: true }).click();
  await expect(exporter.formatOption('bibtex')).toBeChecked();
  await expect(exporter.scopeOption('The whole knowledge base')).toBeChecked();
  await exporter.close();
});
