import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CasebookApi } from './pages/CasebookApi';
import { CaseDetail } from './pages/CaseDetail';
import { CasesPage } from './pages/CasesPage';
import { NoteEditor } from './pages/NoteEditor';
import { buildBook } from '../node/support/sourceBuilders';

const CROCKER = buildBook({ title: 'Taming Intractable Conflicts: Mediation in the Hardest Cases' });
const ZARTMAN = {
  type: 'article-journal',
  title: 'The Timing of Peace Initiatives: Hurting Stalemates and Ripe Moments',
  author: [{ family: 'Zartman', given: 'I. William' }],
  issued: { 'date-parts': [[2001]] },
  'container-title': 'Global Review of Ethnopolitics',
  volume: '1',
  issue: '1',
  page: '8-18',
};

test('footnotes number in document order, survive a reload formatted, and mark their source as cited', async ({ casebook, request }) => {
  const { page } = casebook;
  const api = new CasebookApi(request, casebook.url);
  const crocker = await api.call('sources.create', { csl: CROCKER });
  await api.call('sources.create', { csl: ZARTMAN });
  await api.createCases([{ title: 'Sudan North–South talks, 2002–2005' }]);
  await page.reload();

  const cases = new CasesPage(page);
  const detail = new CaseDetail(page);
  const note = new NoteEditor(page, detail.pane);
  await cases.openCase('Sudan North–South talks, 2002–2005');

  await note.text.click();
  await page.keyboard.type('Mediators waited for a ripe moment. The Machakos Protocol followed.');
  await note.caretAfter('The Machakos Protocol followed.');
  await note.insertFootnote([{ search: 'crocker', expect: 'Taming Intractable Conflicts', locator: '45', quote: 'ripeness is <b>necessary</b>, not sufficient' }]);
  await expect(note.markers()).toHaveCount(1);
  await expect.poll(() => note.markerNames()).toEqual(['Footnote 1: Crocker, Hampson and Aall 2004, p. 45']);

  // A second footnote BEFORE the first: the first becomes 2.
  await note.caretAfter('ripe moment.');
  await note.insertFootnote([{ search: 'zartman ripe', expect: 'Ripe Moments', locator: '8–10' }]);
  await expect(note.markers()).toHaveCount(2);
  await expect.poll(() => note.markerNames()).toEqual(['Footnote 1: Zartman 2001, pp. 8–10', 'Footnote 2: Crocker, Hampson and Aall 2004, p. 45']);
  await note.expectSaved();

  await new AppShell(page).reload();
  await cases.openCase('Sudan North–South talks, 2002–2005');
  await expect(note.markers()).toHaveCount(2);
  await expect.poll(() => note.markerNames()).toEqual(['Footnote 1: Zartman 2001, pp. 8–10', 'Footnote 2: Crocker, Hampson and Aall 2004, p. 45']);
  await expect(note.text).toHaveText('Mediators waited for a ripe moment. The Machakos Protocol followed.');
  await expect(note.markers().first()).toHaveAttribute('data-number', '1');
  // Chicago (notes) is the default style: full notes with the page.
  await expect(note.footnote(1)).toContainText('Zartman');
  await expect(note.footnote(1)).toContainText('Ripe Moments');
  await expect(note.footnote(2)).toContainText('Crocker');
  await expect(note.footnote(2)).toContainText('Taming Intractable Conflicts');
  await expect(note.footnote(2)).toContainText('45');
  // The quote shows as text, markup and all.
  await expect(note.footnote(2)).toContainText('“ripeness is <b>necessary</b>, not sufficient”');
  await expect(note.area.locator('b')).toHaveCount(0);

  const source = await api.call('sources.get', { id: crocker.id });
  expect(source.citedIn).toBe(1);
  expect(source.citations).toEqual([expect.objectContaining({ caseTitle: 'Sudan North–South talks, 2002–2005', locator: '45', label: 'page' })]);
});

test('deleting a footnote marker removes the footnote; undo brings it back', async ({ casebook, request }) => {
  const { page } = casebook;
  const api = new CasebookApi(request, casebook.url);
  const crocker = await api.call('sources.create', { csl: CROCKER });
  await api.createCases([{ title: 'Aceh, 2005' }]);
  await page.reload();
  const cases = new CasesPage(page);
  const detail = new CaseDetail(page);
  const note = new NoteEditor(page, detail.pane);
  await cases.openCase('Aceh, 2005');

  await note.text.click();
  await page.keyboard.type('The tsunami changed the calculus.');
  await note.insertFootnote([{ search: 'hampson', locator: '12' }]);
  await expect(note.markers()).toHaveCount(1);
  await note.expectSaved();
  await expect.poll(async () => (await api.call('sources.get', { id: crocker.id })).citedIn).toBe(1);

  await page.keyboard.press('Backspace');
  await expect(note.markers()).toHaveCount(0);
  await expect(note.area).toHaveCount(0);
  await note.expectSaved();
  await expect.poll(async () => (await api.call('sources.get', { id: crocker.id })).citedIn).toBe(0);

  await page.keyboard.press('Control+z');
  await expect(note.markers()).toHaveCount(1);
  await note.expectSaved();
  await expect.poll(async () => (await api.call('sources.get', { id: crocker.id })).citedIn).toBe(1);
});
