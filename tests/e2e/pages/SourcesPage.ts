import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Sources view: the sources grid with its toolbar, and the detail editor of the open source.
 * Role and label locators only, so the Electron suite can use it unchanged.
 */
export class SourcesPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Sources' });
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Source actions' });
  }

  /** Switches to the view with the header's view buttons (present in both hosts). */
  async show(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Sources', exact: true }).click();
    await this.grid.waitFor();
  }

  /** Body rows (the header row has no grid cells). */
  rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** The row with a cell whose whole text is `text` (a title, a citekey…). */
  row(text: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('gridcell', { name: text, exact: true }) });
  }

  /** The "12 sources" count in the toolbar. */
  count(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^[\d,]+ sources?$/ });
  }

  async expectCount(n: number): Promise<void> {
    await expect(this.count()).toHaveText(`${n.toLocaleString('en-US')} ${n === 1 ? 'source' : 'sources'}`);
  }

  emptyMessage(): Locator {
    return this.grid.getByText(/No sources yet/);
  }

  async newSource(): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'New source', exact: true }).click();
    await this.detail.waitFor();
  }

  async openImport(): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Import sources…', exact: true }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search sources' }).fill(text);
  }

  async open(text: string): Promise<void> {
    await this.row(text).click();
    await expect(this.detail.getByLabel('Citekey', { exact: true })).toBeVisible();
  }

  get detail(): Locator {
    return this.page.getByRole('complementary', { name: 'Source detail' });
  }

  field(label: string): Locator {
    return this.detail.getByLabel(label, { exact: true });
  }

  /** Types into a field and leaves it, which saves it. */
  async setField(label: string, value: string): Promise<void> {
    const field = this.field(label);
    await field.fill(value);
    await field.blur();
  }

  async setType(label: string): Promise<void> {
    await this.field('Type').selectOption({ label });
  }

  /** The row of the n-th name in a names list: `name('Author', 1)`. */
  name(role: string, n: number): Locator {
    return this.detail.getByRole('group', { name: `${role} ${n}`, exact: true });
  }

  async addName(role: string): Promise<void> {
    await this.detail.getByRole('button', { name: `Add ${role.toLowerCase()}`, exact: true }).click();
  }

  /** Fills a person's name in row n and leaves the list, which saves it. */
  async setPerson(role: string, n: number, family: string, given: string): Promise<void> {
    const row = this.name(role, n);
    await row.getByLabel('Family', { exact: true }).fill(family);
    await row.getByLabel('Given', { exact: true }).fill(given);
    await row.getByLabel('Given', { exact: true }).blur();
  }

  /** Switches row n to an institution and names it. */
  async setInstitution(role: string, n: number, literal: string): Promise<void> {
    const row = this.name(role, n);
    await row.getByRole('switch', { name: 'Institution' }).check();
    const input = row.getByLabel('Institution name', { exact: true });
    await input.fill(literal);
    await input.blur();
  }

  citedIn(): Locator {
    return this.detail.getByRole('region', { name: 'Cited in' });
  }

  async deleteOpenSource(): Promise<void> {
    await this.detail.getByRole('button', { name: 'Delete source', exact: true }).click();
    await this.page.getByRole('dialog', { name: 'Delete source?' }).getByRole('button', { name: 'Delete', exact: true }).click();
  }

  /** Text of a column's cells, top to bottom, for the rendered rows. */
  async column(index: number): Promise<string[]> {
    const rows = await this.rows().all();
    const out: { i: number; t: string }[] = [];
    for (const r of rows) {
      out.push({ i: Number(await r.getAttribute('aria-rowindex')), t: (await r.getByRole('gridcell').nth(index).innerText()).trim() });
    }
    return out.sort((a, b) => a.i - b.i).map((x) => x.t);
  }

  async sortBy(label: string): Promise<void> {
    await this.grid.getByRole('columnheader').getByRole('button', { name: label, exact: true }).click();
  }
}
