import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CasebookApi } from './pages/CasebookApi';
import { CaseDetail } from './pages/CaseDetail';
import { SourcesPage } from './pages/SourcesPage';

// A fresh host per test and a dozen saves through the UI: allow for a busy machine.
test.describe.configure({ timeout: 60_000 });

test('a new source gets its type’s fields, an institutional author and a citekey that must be unique', async ({ casebook }) => {
  const { page } = casebook;
  const shell = new AppShell(page);
  const sources = new SourcesPage(page);
  await sources.show();

  await sources.newSource();
  await sources.setType('UN document / resolution');
  await expect(sources.field('Authority')).toBeVisible();
  await sources.setField('Title', 'Resolution 1851 (2008)');
  await sources.setField('Document number', 'S/RES/1851 (2008)');
  await sources.addName('Author');
  await sources.setInstitution('Author', 1, 'UN Security Council');
  await sources.setField('Citekey', 'unsc1851');

  await expect(sources.row('unsc1851')).toContainText('UN Security Council');
  await expect(sources.row('unsc1851')).toContainText('Resolution 1851 (2008)');
  await expect(sources.row('unsc1851')).toContainText('UN document / resolution');

  // A second source may not take the same citekey; the server says so at the field.
  await sources.newSource();
  await sources.setField('Citekey', 'unsc1851');
  await expect(sources.detail.getByRole('alert')).toContainText('unsc1851');
  await sources.setField('Citekey', 'bellamy2010');
  await expect(sources.row('bellamy2010')).toBeVisible();

  // Everything was saved to the file: it is all there after a reload.
  await shell.reload();
  await sources.show();
  await sources.open('unsc1851');
  await expect(sources.name('Author', 1).getByLabel('Institution name')).toHaveValue('UN Security Council');
  await expect(sources.field('Document number')).toHaveValue('S/RES/1851 (2008)');
  await sources.setInstitution('Author', 1, 'Council of the EU');
  await expect(sources.row('unsc1851')).toContainText('Council of the EU');
});

test('a cited source lists where it is cited, jumps to the case, and refuses deletion naming the case', async ({ casebook, request }) => {
  const { page, url } = casebook;
  const api = new CasebookApi(request, url);
  const source = await api.call('sources.create', {
    csl: { type: 'book', title: 'Understanding Peacekeeping', author: [{ family: 'Bellamy', given: 'Alex J.' }], issued: { 'date-parts': [[2010]] } },
    citekey: 'bellamy2010',
  });
  const [caseId] = await api.createCases([{ title: 'Horn of Africa piracy, 2009' }]);
  if (!caseId) throw new Error('no case created');
  const footnote = {
    type: 'footnote',
    version: 1,
    commentary: '',
    citations: [
      { id: '0192f0c0-0000-7000-8000-000000000001', sourceId: source.id, locator: '212', label: 'page', prefix: '', suffix: '', quote: 'Consent is the bedrock of peacekeeping.' },
    ],
  };
  const text = { type: 'text', version: 1, text: 'Consent matters.', format: 0, style: '', mode: 'normal', detail: 0 };
  const paragraph = { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text, footnote] };
  await api.call('notes.save', { caseId, note: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [paragraph] } } });
  await api.call('sources.create', { csl: { type: 'book', title: 'An uncited book' }, citekey: 'uncited2020' });

  const shell = new AppShell(page);
  const sources = new SourcesPage(page);
  await shell.reload();
  await sources.show();
  await expect(sources.row('bellamy2010')).toContainText('1');
  await sources.open('bellamy2010');
  await expect(sources.citedIn()).toContainText('Horn of Africa piracy, 2009');
  await expect(sources.citedIn()).toContainText('p. 212');
  await expect(sources.detail.getByRole('region', { name: 'Quotes' })).toContainText('Consent is the bedrock of peacekeeping.');

  await sources.detail.getByRole('button', { name: 'Delete source', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete source?' });
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm.getByRole('alert')).toContainText('Horn of Africa piracy, 2009');
  await confirm.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(sources.row('bellamy2010')).toBeVisible();

  await sources.citedIn().getByRole('button', { name: 'Horn of Africa piracy, 2009' }).click();
  await expect(new CaseDetail(page).field('Title')).toHaveValue('Horn of Africa piracy, 2009');

  // An uncited source is deleted after confirming.
  await sources.show();
  await sources.open('uncited2020');
  await sources.deleteOpenSource();
  await expect(sources.row('uncited2020')).toHaveCount(0);
  await sources.expectCount(1);
});
