import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CasebookApi } from './pages/CasebookApi';
import { CasesPage } from './pages/CasesPage';
import { TrashPage } from './pages/TrashPage';

test('a deleted case goes to the Trash and can be restored; Delete forever asks first', async ({ casebook, request }) => {
  const { page, url } = casebook;
  await new CasebookApi(request, url).createCases([
    { title: 'Aceh monitoring mission' },
    { title: 'Bosnia police mission' },
    { title: 'Congo bridging operation' },
  ]);
  const shell = new AppShell(page);
  const cases = new CasesPage(page);
  const trash = new TrashPage(page);
  await shell.reload();
  await cases.expectCount(3);

  await cases.openCase('Bosnia police mission');
  await page.keyboard.press('Delete');
  await expect(shell.toast('Moved 1 case to the Trash')).toBeVisible();
  await cases.expectCount(2);
  await expect(cases.row('Bosnia police mission')).toHaveCount(0);

  await shell.showTrash();
  await trash.expectCount(1);
  await expect(trash.row('Bosnia police mission')).toBeVisible();
  await trash.restore('Bosnia police mission');
  await expect(trash.emptyMessage()).toBeVisible();

  await shell.showCases();
  await cases.expectCount(3);
  await expect(cases.row('Bosnia police mission')).toBeVisible();

  // Delete forever: trash one, then purge it from the Trash after confirming.
  await cases.openCase('Congo bridging operation');
  await page.keyboard.press('Delete');
  await cases.expectCount(2);
  await shell.showTrash();
  await trash.row('Congo bridging operation').click();
  await page.getByRole('button', { name: 'Delete forever', exact: true }).click();
  await expect(trash.confirmDialog()).toContainText('cannot be undone');
  await trash.confirmDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(trash.row('Congo bridging operation')).toBeVisible();
  await trash.deleteForever('Congo bridging operation');
  await expect(trash.emptyMessage()).toBeVisible();

  await shell.reload();
  await cases.expectCount(2);
});
