import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CaseDetail } from './pages/CaseDetail';
import { CasesPage } from './pages/CasesPage';
import { FieldsDialog } from './pages/FieldsDialog';

test('a new case keeps its fields, a new custom field and a formatted note across a reload', async ({ casebook }) => {
  const { page } = casebook;
  const shell = new AppShell(page);
  const cases = new CasesPage(page);
  const detail = new CaseDetail(page);
  const fields = new FieldsDialog(page);

  await expect(cases.grid.getByText('No cases yet')).toBeVisible();

  await shell.openFieldsManager();
  await fields.addField('Mandate', 'Text');
  await fields.addField('Outcome', 'Single select', ['Success', 'Partial', 'Failure']);
  await fields.close();

  await cases.newCase();
  await expect(detail.field('Title')).toBeFocused();
  await expect(detail.field('Title')).toHaveValue('Untitled case');
  await detail.fill('Title', 'Operation Atalanta, 2008');
  await expect(cases.row('Operation Atalanta, 2008')).toBeVisible();

  await detail.fill('Summary', 'EU naval operation against piracy off the Somali coast.');
  await detail.fill('Period start', '2008-12');
  await detail.fill('Period end', '2008-13');
  await expect(detail.errors()).toContainText('2008-13 is not a real calendar date');
  await detail.fill('Period end', '2014');
  await expect(detail.errors()).toHaveCount(0);
  await detail.fill('Region', 'Horn of Africa');
  await detail.select('Status', 'In progress');
  await detail.addTag('piracy');
  await detail.addTag('maritime security');
  await detail.linkNewActor({ name: 'European Union Naval Force Somalia', abbreviation: 'EUNAVFOR', kind: 'Mission', role: 'lead operation' });
  await detail.fill('Mandate', 'Protect World Food Programme shipments');
  await detail.select('Outcome', 'Partial');

  const note = detail.note();
  await note.click();
  await detail.formatButton('Heading 2');
  await page.keyboard.type('Background');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The operation began in ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('December 2008');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Enter');
  await detail.formatButton('Bulleted list');
  await page.keyboard.type('escort of WFP ships');
  await page.keyboard.press('Enter');
  await page.keyboard.type('deterrence patrols');
  await detail.expectNoteSaved();

  await shell.reload();
  await expect(cases.row('Operation Atalanta, 2008')).toBeVisible();
  await cases.openCase('Operation Atalanta, 2008');

  await expect(detail.field('Title')).toHaveValue('Operation Atalanta, 2008');
  await expect(detail.field('Summary')).toHaveValue('EU naval operation against piracy off the Somali coast.');
  await expect(detail.field('Period start')).toHaveValue('2008-12');
  await expect(detail.field('Period end')).toHaveValue('2014');
  await expect(detail.field('Region')).toHaveValue('Horn of Africa');
  await expect(detail.field('Status')).toHaveValue('in_progress');
  await expect(detail.tags()).toHaveCount(2);
  await expect(detail.tag('piracy')).toBeVisible();
  await expect(detail.tag('maritime security')).toBeVisible();
  await expect(detail.field('Role of EUNAVFOR')).toHaveValue('lead operation');
  await expect(detail.field('Mandate')).toHaveValue('Protect World Food Programme shipments');
  await expect(detail.field('Outcome')).toHaveValue('Partial');

  const saved = detail.note();
  await expect(saved.getByRole('heading', { level: 2, name: 'Background' })).toBeVisible();
  await expect(saved.locator('strong, b').filter({ hasText: 'December 2008' })).toBeVisible();
  await expect(saved.getByRole('listitem')).toHaveText(['escort of WFP ships', 'deterrence patrols']);

  // The new field is a column too.
  await cases.setColumnVisible('Outcome', true);
  await expect(cases.grid.getByRole('columnheader', { name: /Outcome/ })).toBeVisible();
  await expect(cases.row('Operation Atalanta, 2008').getByRole('gridcell', { name: 'Partial' })).toBeVisible();
});
