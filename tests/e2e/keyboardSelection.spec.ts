import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CaseDetail } from './pages/CaseDetail';
import { CasebookApi } from './pages/CasebookApi';
import { CasesPage } from './pages/CasesPage';

const TITLES = ['Case A', 'Case B', 'Case C', 'Case D', 'Case E', 'Case F'];

test('keyboard navigation, multi-select and Delete with Undo', async ({ casebook, request }) => {
  const { page, url } = casebook;
  await new CasebookApi(request, url).createCases(TITLES.map((title) => ({ title })));
  const shell = new AppShell(page);
  const cases = new CasesPage(page);
  const detail = new CaseDetail(page);
  await shell.reload();
  await cases.expectCount(6);
  await expect(cases.grid).toHaveAttribute('aria-rowcount', '7');

  await cases.focusGrid();
  await expect(cases.selectedRows()).toHaveText([/Case A/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(cases.selectedRows()).toHaveText([/Case C/]);
  await page.keyboard.press('End');
  await expect(cases.selectedRows()).toHaveText([/Case F/]);
  await page.keyboard.press('Home');
  await expect(cases.selectedRows()).toHaveText([/Case A/]);

  // Shift extends the selection; Ctrl-click adds a row.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(cases.selectedRows()).toHaveText([/Case B/, /Case C/, /Case D/]);
  await cases.row('Case F').click({ modifiers: ['Control'] });
  await expect(cases.selectedRows()).toHaveCount(4);
  await cases.row('Case F').click({ modifiers: ['Control'] });
  await expect(cases.selectedRows()).toHaveCount(3);

  await page.keyboard.press('Delete');
  await expect(shell.toast('Moved 3 cases to the Trash')).toBeVisible();
  await cases.expectCount(3);
  await expect.poll(() => cases.titles()).toEqual(['Case A', 'Case E', 'Case F']);

  await shell.toast('Moved 3 cases to the Trash').getByRole('button', { name: 'Undo' }).click();
  await cases.expectCount(6);
  await expect.poll(() => cases.titles()).toEqual(TITLES);

  // Shift-click selects a range; Ctrl+A selects everything.
  await cases.row('Case B').click();
  await cases.row('Case E').click({ modifiers: ['Shift'] });
  await expect(cases.selectedRows()).toHaveCount(4);
  await cases.focusGrid();
  await page.keyboard.press('Control+a');
  await expect(cases.selectedRows()).toHaveCount(6);

  // Enter opens the active case with its title ready for editing.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(detail.field('Title')).toBeFocused();
  await expect(detail.field('Title')).toHaveValue('Case B');
});
