import { test, expect } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CasebookApi } from './pages/CasebookApi';
import { CasesPage } from './pages/CasesPage';

test('sorting and filtering the cases table happen across all cases, with counts', async ({ casebook, request }) => {
  const { page, url } = casebook;
  const api = new CasebookApi(request, url);
  await api.createCases([
    { title: 'Horn of Africa piracy, 2009', region: 'Horn of Africa', status: 'complete', periodStart: '2009' },
    { title: 'Darfur hybrid mission', region: 'Northeast Africa', status: 'in_progress', periodStart: '2007-07' },
    { title: 'Aceh monitoring mission', region: 'South-East Asia', status: 'complete', periodStart: '2005-09' },
    { title: 'Bosnia police mission', region: 'Western Balkans', status: 'draft', periodStart: '2003' },
    { title: 'Congo bridging operation', region: 'Great Lakes', status: 'complete', periodStart: '2003-06' },
    { title: 'Kosovo rule of law mission', region: 'Western Balkans', status: 'in_progress', periodStart: '2008-02' },
  ]);
  const shell = new AppShell(page);
  const cases = new CasesPage(page);
  await shell.reload();
  await cases.expectCount(6);

  // Default order is by title.
  await expect.poll(() => cases.titles()).toEqual([
    'Aceh monitoring mission',
    'Bosnia police mission',
    'Congo bridging operation',
    'Darfur hybrid mission',
    'Horn of Africa piracy, 2009',
    'Kosovo rule of law mission',
  ]);

  await cases.sortBy('Period start');
  await expect(cases.header('Period start')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => cases.titles()).toEqual([
    'Bosnia police mission',
    'Congo bridging operation',
    'Aceh monitoring mission',
    'Darfur hybrid mission',
    'Kosovo rule of law mission',
    'Horn of Africa piracy, 2009',
  ]);
  await cases.sortBy('Period start');
  await expect(cases.header('Period start')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await cases.titles())[0]).toBe('Horn of Africa piracy, 2009');

  // Region, then (shift-click) title descending as a secondary sort.
  await cases.sortBy('Region');
  await cases.sortBy('Title', { add: true });
  // Let the first shift-click land before the second turns it descending.
  await expect(cases.header('Title')).toHaveAttribute('aria-sort', 'ascending');
  await cases.sortBy('Title', { add: true });
  await expect(cases.header('Region')).toHaveAttribute('aria-sort', 'ascending');
  await expect(cases.header('Title')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => cases.titles()).toEqual([
    'Congo bridging operation',
    'Horn of Africa piracy, 2009',
    'Darfur hybrid mission',
    'Aceh monitoring mission',
    'Kosovo rule of law mission',
    'Bosnia police mission',
  ]);

  await cases.filter('Status', 'is', 'Complete');
  await cases.expectCount(3);
  await expect.poll(() => cases.titles()).toEqual(['Congo bridging operation', 'Horn of Africa piracy, 2009', 'Aceh monitoring mission']);

  await cases.filter('Period start', 'after', '2005');
  await cases.expectCount(2);
  await expect.poll(() => cases.titles()).toEqual(['Horn of Africa piracy, 2009', 'Aceh monitoring mission']);

  await cases.filter('Region', 'contains', 'nowhere');
  await cases.expectCount(0);
  await expect(cases.grid.getByText('No cases match this filter')).toBeVisible();

  await cases.clearFilters();
  await cases.expectCount(6);

  await cases.search('mission');
  await cases.expectCount(4);
  await cases.search('');
  await cases.expectCount(6);

  // The sort is part of the saved layout: it survives a reload.
  await page.waitForTimeout(800);
  await shell.reload();
  await expect(cases.header('Region')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => (await cases.titles())[0]).toBe('Congo bridging operation');
});
