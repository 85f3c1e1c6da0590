import { expect, type Locator, type Page } from '@playwright/test';

/** The cases grid with its toolbar: search, filters, sorting, selection, and the count. */
export class CasesPage {
  constructor(
    readonly page: Page,
    readonly gridName = 'Cases',
  ) {}

  get grid(): Locator {
    return this.page.getByRole('grid', { name: this.gridName });
  }

  /** Body rows (the header row has no grid cells). */
  rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  row(title: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('gridcell', { name: title, exact: true }) });
  }

  selectedRows(): Locator {
    return this.grid.locator('[role="row"][aria-selected="true"]');
  }

  /** Titles of the rendered rows, top to bottom (the Title column comes first by default). */
  async titles(): Promise<string[]> {
    const rows = await this.rows().all();
    const rowIndexes = await Promise.all(rows.map((r) => r.getAttribute('aria-rowindex')));
    const titles = await Promise.all(rows.map((r) => r.getByRole('gridcell').first().innerText()));
    return titles
      .map((t, i) => ({ t: t.trim(), i: Number(rowIndexes[i]) }))
      .sort((a, b) => a.i - b.i)
      .map((x) => x.t);
  }

  /** The "12 cases" count in the toolbar. */
  count(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^[\d,]+ cases?( in the Trash)?$/ });
  }

  async expectCount(n: number): Promise<void> {
    const word = n === 1 ? 'case' : 'cases';
    await expect(this.count()).toHaveText(new RegExp(`^${n.toLocaleString('en-US')} ${word}`));
  }

  async newCase(): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Case actions' }).getByRole('button', { name: 'New case', exact: true }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: /^Search/ }).fill(text);
  }

  header(label: string): Locator {
    return this.grid.getByRole('columnheader').filter({ has: this.page.getByRole('button', { name: label, exact: true }) });
  }

  /** Clicks a column header to sort by it; `add` shift-clicks for a secondary sort. */
  async sortBy(label: string, { add = false } = {}): Promise<void> {
    await this.header(label)
      .getByRole('button', { name: label, exact: true })
      .click({ modifiers: add ? ['Shift'] : [] });
  }

  /** Filters a column: `condition` as shown (contains, is, greater than, after…). */
  async filter(label: string, condition: string, value?: string): Promise<void> {
    await this.grid.getByRole('button', { name: `Filter ${label}`, exact: true }).click();
    const form = this.page.getByRole('dialog', { name: `Filter ${label}` });
    await form.getByLabel('Condition').selectOption({ label: condition });
    if (value !== undefined) {
      const input = form.getByLabel('Value');
      if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption({ label: value });
      else await input.fill(value);
    }
    await form.getByRole('button', { name: 'Apply' }).click();
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).first().click();
  }

  async setColumnVisible(label: string, visible: boolean): Promise<void> {
    await this.page.getByRole('button', { name: 'Columns', exact: true }).click();
    const menu = this.page.getByRole('dialog', { name: 'Columns' });
    await menu.getByRole('checkbox', { name: label, exact: true }).setChecked(visible);
    await this.page.keyboard.press('Escape');
  }

  async openCase(title: string): Promise<void> {
    await this.row(title).click();
  }

  /** Focuses the grid for keyboard use. */
  async focusGrid(): Promise<void> {
    await this.grid.focus();
  }
}
