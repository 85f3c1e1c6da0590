import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newId } from '../../common/ids';
import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { BackupsDialog } from './pages/BackupsDialog';
import { CaseDetail } from './pages/CaseDetail';
import { CasebookApi } from './pages/CasebookApi';
import { CasesPage } from './pages/CasesPage';
import { ConflictReview } from './pages/ConflictReview';
import { MergeDialog, SaveCopyDialog, SettingsDialog, ShareBanners } from './pages/ShareDialogs';
import { asColleague } from './support/colleagueHost';

// Copies, merges and backups run in a job process, and a colleague gets a host of their own.
test.describe.configure({ timeout: 180_000 });

const PIRACY = 'Horn of Africa piracy, 2009';
const PIRACY_THEIRS = 'Horn of Africa piracy, 2008–2011';
const DARFUR = 'UN–AU cooperation in Darfur';
const PSI = 'Proliferation Security Initiative, 2003';

/** A complete SQLite database file starts with this header. */
function isSqliteFile(path: string): boolean {
  return existsSync(path) && readFileSync(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';
}

test('Save a Copy writes a checked copy, asks before replacing a file, and Export for a Colleague takes the selected case', async ({ casebook, request }) => {
  const { page } = casebook;
  const dir = dirname(casebook.kbPath);
  const api = new CasebookApi(request, casebook.url);
  await api.createCases([{ title: PIRACY }, { title: DARFUR }]);
  const shell = new AppShell(page);
  await shell.reload();

  await shell.chooseMenu('File', 'Save a Copy…');
  const copy = new SaveCopyDialog(page, 'Save a Copy');
  await expect(copy.scopeOption('all')).toBeChecked();
  await expect(copy.scopeOption('all')).toHaveAccessibleName(/2 cases/);
  // Offered beside the open file, under a name of its own.
  await expect(copy.pathField).toHaveValue(join(dir, 'test copy.casebook'));
  const target = join(dir, 'for-the-archive.casebook');
  await copy.saveTo(target);
  await expect(copy.report()).toContainText(/Saved and checked \(quick_check\): 2 cases, 0 sources, [\d.]+ (bytes|KB|MB)\./);
  expect(isSqliteFile(target)).toBe(true);
  await copy.done();

  // The same file again: nothing is replaced without asking.
  await shell.chooseMenu('File', 'Save a Copy…');
  await copy.startSaveTo(target);
  await expect(copy.overwriteQuestion()).toContainText('“for-the-archive.casebook” already exists');
  await copy.replace();
  await copy.expectSaved(target);
  await copy.done();

  // Export for a Colleague starts from the cases selected in the list.
  const cases = new CasesPage(page);
  await cases.openCase(DARFUR);
  await shell.chooseMenu('File', 'Export for a Colleague…');
  const forColleague = new SaveCopyDialog(page, 'Export for a Colleague');
  await expect(forColleague.scopeOption('cases')).toBeChecked();
  await expect(forColleague.scopeOption('cases')).toHaveAccessibleName('Selected cases (1) with the sources they cite');
  const forBea = join(dir, 'for-bea.casebook');
  await forColleague.saveTo(forBea);
  await expect(forColleague.report()).toContainText('Saved and checked (quick_check): 1 case, 0 sources');
  expect(isSqliteFile(forBea)).toBe(true);
  await forColleague.done();
});

test('a colleague’s file merges in: a conflict is resolved field by field, and the merge can be undone', async ({ casebook, request }) => {
  const { page } = casebook;
  const dir = dirname(casebook.kbPath);
  const api = new CasebookApi(request, casebook.url);
  const shell = new AppShell(page);
  const cases = new CasesPage(page);
  const detail = new CaseDetail(page);

  await shell.chooseMenu('File', 'Settings…');
  await new SettingsDialog(page).setDisplayName('Ann Analyst');

  const [piracyId, darfurId] = await api.createCases([
    { title: PIRACY, summary: 'Shared summary', region: 'Gulf of Aden' },
    { title: DARFUR, summary: '' },
  ]);
  if (!piracyId || !darfurId) throw new Error('the cases were not created');

  // The colleague's file: a copy made by Casebook, so the two files share their history.
  const theirs = join(dir, 'bea.casebook');
  await api.call('kb.saveCopy', { jobId: newId(), path: theirs, scope: { kind: 'all' } });
  await asColleague(request, theirs, 'Bea Keller', async (bea) => {
    await bea.call('cases.update', { id: piracyId, patch: { title: PIRACY_THEIRS, summary: 'Their summary' } });
    await bea.call('cases.update', { id: darfurId, patch: { summary: 'UNAMID, the hybrid mission' } });
  });
  // Meanwhile, on our side, the same case changes too.
  await api.call('cases.update', { id: piracyId, patch: { summary: 'Our summary', region: 'Somali coast' } });
  await shell.reload();

  await page.keyboard.press('Control+Shift+M');
  const merge = new MergeDialog(page);
  await expect(merge.dialog).toContainText('Their file is not changed');
  await merge.mergeFrom(theirs);
  await expect(merge.headline()).toHaveText(/^From .+: .*1 conflict to review\.$/);
  await expect(merge.count('Updated', 'Cases')).toHaveText('1');
  await expect(merge.report()).toContainText('1 record changed on both sides waits for your review');
  await expect(merge.report()).toContainText(/backed up .*before the merge: \S+/);
  await merge.reviewConflicts();

  const review = new ConflictReview(page);
  await expect(review.options()).toHaveCount(1);
  await expect(review.group(PIRACY)).toBeVisible();
  await expect(review.columnHeaders()).toHaveText([/^Field$/, /^Yours \(Ann Analyst, /, /^Theirs \(Bea Keller, /]);
  await expect(review.fieldRow('Title')).toContainText(PIRACY_THEIRS);
  await expect(review.fieldRow('Summary')).toContainText('Our summary');
  await expect(review.fieldRow('Summary')).toContainText('Their summary');
  // Yours unless told otherwise.
  await expect(review.choice('Title', 'yours')).toBeChecked();
  await expect(review.choice('Summary', 'yours')).toBeChecked();
  await review.choose('Title', 'theirs');
  await review.resolve();
  await expect(review.empty()).toBeVisible();
  await review.close();
  await expect(new ShareBanners(page).conflicts()).toHaveCount(0);

  // Their title, our summary and region; their change to the other case came in by itself.
  await cases.openCase(PIRACY_THEIRS);
  await expect(detail.field('Title')).toHaveValue(PIRACY_THEIRS);
  await expect(detail.field('Summary')).toHaveValue('Our summary');
  await expect(detail.field('Region')).toHaveValue('Somali coast');
  await cases.openCase(DARFUR);
  await expect(detail.field('Summary')).toHaveValue('UNAMID, the hybrid mission');

  await shell.chooseMenu('File', 'Merge from File…');
  await expect(merge.earlierMerges()).toContainText(/From .+: /);
  await merge.undoNewest();
  await merge.done();
  // The case the merge changed is back as it was (the open case reloads); the conflict's
  // resolution was the analyst's own decision after the merge, and stays.
  await expect(detail.field('Summary')).toHaveValue('');
  await cases.openCase(PIRACY_THEIRS);
  await expect(detail.field('Title')).toHaveValue(PIRACY_THEIRS);
  await expect(detail.field('Summary')).toHaveValue('Our summary');
});

test('a merge refuses a damaged file, says why, and leaves the knowledge base as it was', async ({ casebook }) => {
  const { page } = casebook;
  const damaged = join(dirname(casebook.kbPath), 'from-bea.casebook');
  writeFileSync(damaged, 'This is not a knowledge base, whatever its name says.\n');
  await new AppShell(page).chooseMenu('File', 'Merge from File…');
  const merge = new MergeDialog(page);
  await merge.startMerge(damaged);
  await expect(merge.error()).toContainText('Nothing was merged', { timeout: 60_000 });
  await expect(merge.report()).toHaveCount(0);
  await expect(merge.earlierMerges()).toContainText('No merges yet.');
});

test('Backups: back up now, and a restore says first what it would lose', async ({ casebook, request }) => {
  const { page } = casebook;
  const api = new CasebookApi(request, casebook.url);
  const shell = new AppShell(page);
  const cases = new CasesPage(page);
  await api.createCases([{ title: PIRACY }]);
  await shell.reload();

  await shell.chooseMenu('File', 'Backups…');
  const backups = new BackupsDialog(page);
  await backups.backUpNow();
  await expect(backups.rowsFor('Backed up by you')).toHaveCount(1);
  await backups.close();

  await api.createCases([{ title: DARFUR }, { title: PSI }]);
  await shell.reload();
  await cases.expectCount(3);

  await shell.chooseMenu('File', 'Backups…');
  await backups.startRestore(backups.rowsFor('Backed up by you'));
  await expect(backups.loss()).toContainText('2 cases changed or created since this backup will be lost:');
  await expect(backups.loss()).toContainText(`“${DARFUR}”`);
  await expect(backups.loss()).toContainText(`“${PSI}”`);
  await expect(backups.dialog).toContainText('A backup of the current state is taken first');
  await backups.cancelRestore();
  await expect(backups.rowsFor('Backed up by you')).toHaveCount(1);

  await backups.startRestore(backups.rowsFor('Backed up by you'));
  await backups.confirmRestore();
  await cases.expectCount(1);
  await expect(cases.row(PIRACY)).toBeVisible();

  await shell.chooseMenu('File', 'Backups…');
  await expect(backups.rowsFor('Before a restore')).toHaveCount(1);
});

test('while another window has the file open, merging is off and says why', async ({ casebook, request }) => {
  const { page } = casebook;
  const api = new CasebookApi(request, casebook.url);
  const shell = new AppShell(page);
  const shared = join(dirname(casebook.kbPath), 'shared.casebook');
  await api.call('kb.saveCopy', { jobId: newId(), path: shared, scope: { kind: 'all' } });

  await asColleague(request, shared, 'Bea Keller', async () => {
    // Bea's window holds the file: ours opens it read-only.
    await api.call('kb.open', { path: shared });
    await expect(page.getByRole('status').filter({ hasText: /^Read-only\./ })).toContainText('is open in another Casebook window');
    await shell.chooseMenu('File', 'Merge from File…');
    const merge = new MergeDialog(page);
    await merge.pathField.fill(casebook.kbPath);
    await expect(merge.mergeButton).toBeDisabled();
    await expect(merge.mergeButton).toHaveAttribute('title', /^Read-only: “shared” is open in another Casebook window/);
    await expect(merge.mergeButton).toHaveAccessibleDescription(/^Read-only: “shared” is open in another Casebook window/);
    await merge.close();
  });
});

test('a knowledge base in a Dropbox folder shows the sync warning until it is dismissed', async ({ casebook, request }) => {
  const { page } = casebook;
  const api = new CasebookApi(request, casebook.url);
  const banners = new ShareBanners(page);
  await expect(banners.cloudWarning()).toHaveCount(0);

  const dropbox = join(dirname(casebook.kbPath), 'Dropbox');
  mkdirSync(dropbox);
  await api.call('kb.create', { path: join(dropbox, 'research.casebook') });
  await expect(banners.cloudWarning()).toContainText('This knowledge base is in a Dropbox folder. Sync services can corrupt or fork a file that is open');
  await expect(banners.cloudWarning().getByRole('button', { name: 'Work on a local copy' })).toBeVisible();
  await banners.cloudWarning().getByRole('button', { name: /^Dismiss/ }).click();
  await expect(banners.cloudWarning()).toHaveCount(0);
});
