import { expect, type Locator, type Page } from '@playwright/test';

/**
 * File ▸ Review Conflicts…: the conflicts listed by case, one shown side by side ("Field | Yours |
 * Theirs"), a choice per differing field, notes as two read-only panes, Resolve.
 */
export class ConflictReview {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Review Conflicts', exact: true });
  }

  list(): Locator {
    return this.dialog.getByRole('listbox', { name: 'Conflicts' });
  }

  /** The conflicts of one case (the group is named after the case). */
  group(caseTitle: string): Locator {
    return this.list().getByRole('group', { name: caseTitle, exact: true });
  }

  options(): Locator {
    return this.list().getByRole('option');
  }

  selectedOption(): Locator {
    return this.list().locator('[role="option"][aria-selected="true"]');
  }

  /** The shown conflict, headed by the record's label. */
  detail(label: string): Locator {
    return this.dialog.getByRole('region', { name: label, exact: true });
  }

  /** The side-by-side table's header cells ("Field", "Yours (Ann, …)", "Theirs (Bea, …)"). */
  columnHeaders(): Locator {
    return this.dialog.getByRole('table').first().getByRole('columnheader');
  }

  /** The row of one differing field. */
  fieldRow(label: string): Locator {
    return this.dialog.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  /** Chooses which side's value a differing field keeps. */
  async choose(fieldLabel: string, side: 'yours' | 'theirs'): Promise<void> {
    await this.dialog.getByRole('radio', { name: `${fieldLabel}: ${side === 'yours' ? 'keep yours' : 'take theirs'}`, exact: true }).check();
  }

  choice(fieldLabel: string, side: 'yours' | 'theirs'): Locator {
    return this.dialog.getByRole('radio', { name: `${fieldLabel}: ${side === 'yours' ? 'keep yours' : 'take theirs'}`, exact: true });
  }

  /** A note conflict: the two read-only panes and the Keep yours / Take theirs choice. */
  note(label = 'Note'): Locator {
    return this.dialog.getByRole('group', { name: label, exact: true });
  }

  async chooseNote(side: 'yours' | 'theirs', label = 'Note'): Promise<void> {
    await this.note(label).getByRole('radio', { name: side === 'yours' ? 'Keep yours' : 'Take theirs', exact: true }).check();
  }

  /** "N fields agree", folded away. */
  agreeing(): Locator {
    return this.dialog.getByText(/^\d+ fields? agrees?$/);
  }

  get resolveButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Resolve', exact: true });
  }

  async resolve(): Promise<void> {
    await this.resolveButton.click();
    await expect(this.announcement()).toHaveText(/^Resolved /);
  }

  announcement(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: /^Resolved / });
  }

  empty(): Locator {
    return this.dialog.getByRole('status').filter({ hasText: 'No conflicts to review' });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(this.dialog).toHaveCount(0);
  }
}
