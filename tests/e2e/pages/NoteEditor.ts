import { expect, type Locator, type Page } from '@playwright/test';

/** What to cite in one footnote citation. */
export interface CitationInput {
  /** Typed into the source picker; the first match is chosen. */
  search: string;
  /** Expected in the chosen option, to be sure the right source was picked. */
  expect?: string | RegExp;
  label?: string;
  locator?: string;
  prefix?: string;
  suffix?: string;
  quote?: string;
}

/** The case note editor inside a pane: text, footnote markers, the footnote dialog and the footnotes area. */
export class NoteEditor {
  constructor(
    readonly page: Page,
    readonly scope: Locator,
  ) {}

  get text(): Locator {
    return this.scope.getByRole('textbox', { name: 'Case note' });
  }

  /** The footnote numbers in the text, as buttons named "Footnote 2: Crocker … p. 45". */
  markers(): Locator {
    return this.text.getByRole('button', { name: /^Footnote \d+/ });
  }

  async markerNames(): Promise<string[]> {
    return (await this.markers().all()).length === 0
      ? []
      : this.markers().evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  }

  get area(): Locator {
    return this.scope.getByRole('region', { name: 'Footnotes' });
  }

  /** One entry of the footnotes area, by number. */
  footnote(number: number): Locator {
    return this.area.getByRole('listitem', { name: `Footnote ${number}`, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^(Insert footnote|Footnote \d+)$/ });
  }

  /** Puts the caret right after `text`'s first occurrence in the note (clicking, then arrow keys). */
  async caretAfter(text: string): Promise<void> {
    await this.text.click();
    await this.text.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + wanted.length);
        range.collapse(true);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the note`);
    }, text);
  }

  /** Opens the footnote dialog with the keyboard shortcut and fills one or more citations. */
  async insertFootnote(citations: CitationInput[], commentary = ''): Promise<void> {
    await this.page.keyboard.press('Control+Alt+f');
    await expect(this.page.getByRole('dialog', { name: 'Insert footnote' })).toBeVisible();
    await this.fillCitations(citations, commentary);
    await this.dialog.getByRole('button', { name: 'Insert footnote' }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  private async fillCitations(citations: CitationInput[], commentary: string): Promise<void> {
    for (const [index, citation] of citations.entries()) {
      const n = index + 1;
      if (index > 0) await this.dialog.getByRole('button', { name: 'Add another source' }).click();
      const group = this.dialog.getByRole('group', { name: `Citation ${n}` });
      const search = group.getByRole('combobox', { name: `Find a source for citation ${n}` });
      await search.fill(citation.search);
      const first = group.getByRole('listbox', { name: 'Sources' }).getByRole('option').first();
      if (citation.expect) await expect(first).toContainText(citation.expect);
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await search.press('Enter');
      if (citation.label) await group.getByLabel('Locator type').selectOption({ label: citation.label });
      if (citation.locator) await group.getByLabel(citation.label ?? 'Page', { exact: true }).fill(citation.locator);
      if (citation.prefix) await group.getByLabel('Prefix').fill(citation.prefix);
      if (citation.suffix) await group.getByLabel('Suffix').fill(citation.suffix);
      if (citation.quote) await group.getByLabel('Quote (optional)').fill(citation.quote);
    }
    if (commentary) await this.dialog.getByLabel('Commentary (optional)').fill(commentary);
  }

  /** Opens footnote `number` from the footnotes area. */
  async openFootnote(number: number): Promise<void> {
    await this.area.getByRole('button', { name: `Edit footnote ${number}`, exact: true }).click();
    await expect(this.page.getByRole('dialog', { name: `Footnote ${number}` })).toBeVisible();
  }

  async expectSaved(): Promise<void> {
    await expect(this.scope.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
  }
}
