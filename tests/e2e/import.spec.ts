import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ImportDialog } from './pages/ImportDialog';
import { SourcesPage } from './pages/SourcesPage';

const files = join(dirname(fileURLToPath(import.meta.url)), 'files');

// Every preview and commit starts a job process (Node + the parsers): seconds each on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('a .bib chosen with the file picker is previewed with its broken entry named by line, then imported into the Sources table', async ({ casebook }) => {
  const { page } = casebook;
  const sources = new SourcesPage(page);
  const importer = new ImportDialog(page);
  let scriptRan = false;
  page.on('dialog', (d) => {
    scriptRan = true;
    void d.dismiss();
  });

  await sources.show();
  await expect(sources.emptyMessage()).toBeVisible();
  await sources.openImport();
  await importer.chooseFile(join(files, 'peacekeeping.bib'));

  await importer.expectSummary({ Entries: 3, New: 3, Duplicates: 0, Errors: 1 });
  await expect(importer.problems()).toHaveText([/^Line 33: entry `smith2001` has no closing brace/]);
  await expect(importer.entry('Understanding Peacekeeping')).toContainText('bellamy2010');
  await expect(importer.entry('Fighting Pirates')).toContainText('Journal article');
  // A hostile title is shown as the text it is.
  await expect(importer.entry("<script>alert('pwned')</script>")).toContainText('UN Security Council');

  await importer.commit();
  await importer.expectReport('Imported 3, merged 0, skipped 0.');
  await importer.done();

  await sources.expectCount(3);
  await expect(sources.row('Understanding Peacekeeping')).toContainText('Bellamy');
  await expect(sources.row('kraska2009')).toContainText('World Policy Journal');
  await expect(sources.row('unsc2008')).toContainText("<script>alert('pwned')</script>");
  expect(scriptRan).toBe(false);

  // Sorted and searched in SQLite, like the cases table.
  await sources.sortBy('Year');
  await expect.poll(() => sources.column(2)).toEqual(['2008', '2009', '2010']);
  await sources.sortBy('Year');
  await expect.poll(() => sources.column(2)).toEqual(['2010', '2009', '2008']);
  await sources.search('Kraska');
  await sources.expectCount(1);
  await expect(sources.row('kraska2009')).toBeVisible();
});

test('files dropped on the window open the import; a duplicate is marked with its reason and Skip leaves it out', async ({ casebook }) => {
  const { page } = casebook;
  const sources = new SourcesPage(page);
  const importer = new ImportDialog(page);

  // Dropped from the Cases view: the import opens, and the Sources view shows the result.
  await importer.dragOver(join(files, 'peacekeeping.bib'));
  await expect(importer.dropOverlay()).toBeVisible();
  await importer.dropFile(join(files, 'peacekeeping.bib'));
  await expect(importer.dropOverlay()).toHaveCount(0);
  await importer.expectSummary({ Entries: 3, Errors: 1 });
  await importer.commit();
  await importer.expectReport('Imported 3, merged 0, skipped 0.');
  await sources.expectCount(3);

  // A second file dropped on the open dialog is previewed there.
  await importer.dropFile(join(files, 'more-piracy.bib'));
  await importer.expectSummary({ Entries: 2, New: 1, Duplicates: 1, Errors: 0 });
  await expect(importer.duplicates()).toHaveCount(1);
  await expect(importer.duplicates().first()).toContainText('kraska2009fighting');
  await expect(importer.duplicates().first()).toContainText('duplicates kraska2009');
  await expect(importer.duplicates().first()).toContainText('same DOI');
  await importer.chooseForAllDuplicates('Keep both');
  await importer.chooseForDuplicate('kraska2009fighting', 'Skip');
  await importer.commit();
  await importer.expectReport('Imported 1, merged 0, skipped 1.');
  await importer.done();

  await sources.expectCount(4);
  await expect(sources.row('Somalia: The Trouble with Puntland')).toContainText('International Crisis Group');
  await expect(sources.row('kraska2009fighting')).toHaveCount(0);
  await expect(sources.row('kraska2009')).toHaveCount(1);
});

test('a file that is not a bibliography is refused when dropped, and pasted RIS is imported', async ({ casebook }) => {
  const { page } = casebook;
  const sources = new SourcesPage(page);
  const importer = new ImportDialog(page);
  await sources.show();

  await importer.dropFile(join(files, 'notes.txt'));
  await expect(page.getByRole('alert').filter({ hasText: 'notes.txt' })).toContainText('imports .bib, .bibtex, .ris and .json files');
  await expect(importer.dialog).toHaveCount(0);

  await new AppShell(page).chooseMenu('File', 'Import sources…');
  await importer.paste(
    ['TY  - RPRT', 'AU  - International Crisis Group', 'TI  - Somalia: To Move Beyond the Failed State', 'PY  - 2008', 'PB  - International Crisis Group', 'ER  - ', ''].join('\n'),
    'RIS',
  );
  await importer.expectSummary({ Entries: 1, New: 1, Errors: 0 });
  await importer.commit();
  await importer.expectReport('Imported 1, merged 0, skipped 0.');
  await importer.done();
  await expect(sources.row('Somalia: To Move Beyond the Failed State')).toBeVisible();
});

test('a long import shows its progress and can be cancelled with nothing imported', async ({ casebook }, testInfo) => {
  const { page } = casebook;
  const sources = new SourcesPage(page);
  const importer = new ImportDialog(page);
  const big = testInfo.outputPath('big.bib');
  const entries = Array.from(
    { length: 6000 },
    (_, i) => `@book{author${i},\n  author = {Author${i}, Ann},\n  title = {Report number ${i} on maritime security},\n  publisher = {Institute},\n  year = {${1990 + (i % 30)}}\n}\n`,
  );
  writeFileSync(big, entries.join('\n'));

  await sources.show();
  await sources.openImport();
  await importer.chooseFile(big);
  await expect(importer.progressBar()).toBeVisible();
  // The job process reports how far it got.
  await expect(importer.progressBar()).toHaveAttribute('aria-valuetext', /^[\d,]+ of [\d,]+$/, { timeout: 15_000 });
  await importer.cancelJob();
  await expect(importer.error()).toHaveText('Cancelled. Nothing was imported.', { timeout: 15_000 });
  await expect(importer.progressBar()).toHaveCount(0);
  await importer.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(importer.dialog).toHaveCount(0);
  await sources.expectCount(0);
});
