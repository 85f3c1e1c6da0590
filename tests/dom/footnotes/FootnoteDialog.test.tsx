import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { collectFootnotes } from '../../../common/editor/footnotes';
import { noteToPlainText } from '../../../common/editor/noteText';
import { CaseDetailPane } from '../../../renderer/src/features/cases/CaseDetailPane';
import { note, paragraph, text } from '../editor/buildNote';
import { startCore } from '../renderer/renderWithCore';
import type { CoreHarness } from '../renderer/renderWithCore';
import { insertFootnote } from '../../../renderer/src/features/footnotes/footnoteActions';
import { buildCitation, lexicalEditorOf, markerNames } from './footnoteTestKit';
import { buildBook } from '../../node/support/sourceBuilders';

const CROCKER = buildBook({ title: 'Taming Intractable Conflicts: Mediation in the Hardest Cases' });
const ZARTMAN = {
  type: 'chapter',
  title: 'The Timing of Peace Initiatives: Hurting Stalemates and Ripe Moments',
  author: [{ family: 'Zartman', given: 'I. William' }],
  issued: { 'date-parts': [[2001]] },
  'container-title': 'Global Review of Ethnopolitics',
};

async function openCaseWithNote(app: CoreHarness, initialNote = note(paragraph(text('Talks stalled in 2009.')))) {
  const created = await app.client.call('cases.create', { title: 'Mediation in Darfur' });
  await app.client.call('notes.save', { caseId: created.id, note: initialNote });
  app.show(<CaseDetailPane caseId={created.id} readOnly={false} focusRequest={0} onChanged={() => undefined} onClose={() => undefined} />);
  const surface = await screen.findByRole('textbox', { name: 'Case note' });
  return { caseId: created.id, surface };
}

const storedNote = async (app: CoreHarness, caseId: string) => (await app.client.call('cases.get', { id: caseId })).note;

describe('footnote dialog', () => {
  test('inserts a footnote with a locator and a quote at the caret; it is saved and formatted', async () => {
    const app = startCore();
    const crocker = await app.client.call('sources.create', { csl: CROCKER });
    await app.client.call('sources.create', { csl: ZARTMAN });
    const { caseId, surface } = await openCaseWithNote(app);
    const user = userEvent.setup();

    await user.click(within(surface).getByText('Talks stalled in 2009.'));
    fireEvent.keyDown(surface, { key: 'f', code: 'KeyF', ctrlKey: true, altKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Insert footnote' });
    const search = within(dialog).getByRole('combobox', { name: 'Find a source for citation 1' });
    await user.type(search, 'crocker');
    const list = within(dialog).getByRole('listbox', { name: 'Sources' });
    await waitFor(() => expect(within(list).getAllByRole('option')[0]?.textContent).toContain('Taming Intractable Conflicts'));
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('note', { name: 'Source of citation 1' }).textContent).toContain('Taming Intractable Conflicts');
    await user.type(within(dialog).getByLabelText('Page'), '45');
    const hostile = 'a <img src=x onerror="window.pwned=1"> “ripe” moment';
    await user.type(within(dialog).getByLabelText('Quote (optional)'), hostile);
    await user.click(within(dialog).getByRole('button', { name: 'Insert footnote' }));

    await waitFor(() => expect(markerNames(surface)).toEqual(['Footnote 1: Crocker, Hampson and Aall 2004, p. 45']));
    expect(screen.queryByRole('dialog')).toBeNull();

    const area = await screen.findByRole('region', { name: 'Footnotes' });
    await waitFor(() => expect(within(area).getByRole('listitem', { name: 'Footnote 1' }).textContent).toContain('Taming Intractable Conflicts'));
    expect(within(area).getByText(`“${hostile}”`)).toBeTruthy();
    expect(area.querySelector('img')).toBeNull();

    await waitFor(async () => expect(collectFootnotes(await storedNote(app, caseId))).toHaveLength(1), { timeout: 5000 });
    const [saved] = collectFootnotes(await storedNote(app, caseId));
    expect(saved?.citations).toEqual([
      expect.objectContaining({ sourceId: crocker.id, locator: '45', label: 'page', quote: hostile }),
    ]);
    expect(noteToPlainText(await storedNote(app, caseId))).toBe('Talks stalled in 2009.');
    expect((await app.client.call('sources.get', { id: crocker.id })).citedIn).toBe(1);
  });

  test('cites two sources in one footnote, then edits and deletes it from the footnotes area', async () => {
    const app = startCore();
    await app.client.call('sources.create', { csl: CROCKER });
    await app.client.call('sources.create', { csl: ZARTMAN });
    const { caseId, surface } = await openCaseWithNote(app);
    const user = userEvent.setup();

    await user.click(within(surface).getByText('Talks stalled in 2009.'));
    await user.click(screen.getByRole('button', { name: 'Insert footnote' }));
    let dialog = await screen.findByRole('dialog', { name: 'Insert footnote' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Find a source for citation 1' }), 'zartman');
    await user.click(await within(dialog).findByRole('option', { name: /Ripe Moments/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add another source' }));
    const second = within(dialog).getByRole('group', { name: 'Citation 2' });
    await user.type(within(second).getByRole('combobox', { name: 'Find a source for citation 2' }), 'taming');
    await user.click(await within(second).findByRole('option', { name: /Taming/ }));
    await user.selectOptions(within(second).getByLabelText('Locator type'), 'chapter');
    await user.type(within(second).getByLabelText('Chapter'), '3');
    await user.type(within(dialog).getByLabelText('Commentary (optional)'), 'Both stress timing.');
    await user.click(within(dialog).getByRole('button', { name: 'Insert footnote' }));
    await waitFor(() => expect(markerNames(surface)).toEqual(['Footnote 1: Zartman 2001; Crocker, Hampson and Aall 2004, ch. 3']));

    // Clicking the number in the text opens the footnote; so does its entry in the footnotes area.
    await user.click(within(surface).getByRole('button', { name: /^Footnote 1:/ }));
    dialog = await screen.findByRole('dialog', { name: 'Footnote 1' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(await screen.findByRole('button', { name: 'Edit footnote 1' }));
    dialog = await screen.findByRole('dialog', { name: 'Footnote 1' });
    expect((within(dialog).getByLabelText('Commentary (optional)') as HTMLTextAreaElement).value).toBe('Both stress timing.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete footnote' }));
    await waitFor(() => expect(markerNames(surface)).toEqual([]));
    await waitFor(async () => expect(collectFootnotes(await storedNote(app, caseId))).toEqual([]), { timeout: 5000 });
  });

  test('the source picker lists sources while empty and is driven with the arrow keys', async () => {
    const app = startCore();
    await app.client.call('sources.create', { csl: CROCKER });
    await app.client.call('sources.create', { csl: ZARTMAN });
    const { surface } = await openCaseWithNote(app);
    const user = userEvent.setup();
    await user.click(within(surface).getByText('Talks stalled in 2009.'));
    await user.click(screen.getByRole('button', { name: 'Insert footnote' }));
    const dialog = await screen.findByRole('dialog', { name: 'Insert footnote' });
    const search = within(dialog).getByRole('combobox', { name: 'Find a source for citation 1' });
    expect(document.activeElement).toBe(search);
    const list = within(dialog).getByRole('listbox', { name: 'Sources' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    const options = within(list).getAllByRole('option');
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    expect(search.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    const secondTitle = options[1]?.querySelector('.cb-source-picker__title')?.textContent ?? '';
    expect(secondTitle).not.toBe('');
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('note', { name: 'Source of citation 1' }).textContent).toContain(secondTitle);
    // Nothing chosen yet is refused with a message, not inserted.
    await user.click(within(dialog).getByRole('button', { name: 'Add another source' }));
    await user.click(within(dialog).getByRole('button', { name: 'Insert footnote' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Citation 2: choose a source to cite.');
    expect(markerNames(surface)).toEqual([]);
  });

  test('a save the store refuses names the footnote in the save status', async () => {
    const app = startCore();
    await app.client.call('sources.create', { csl: CROCKER });
    // A footnote citing a source that is not in this knowledge base (e.g. pasted from another).
    const { surface } = await openCaseWithNote(app, note(paragraph(text('Claim.'))));
    const user = userEvent.setup();
    await user.click(within(surface).getByText('Claim.'));
    await user.keyboard(' More.');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'), { timeout: 5000 });
    const stray = buildCitation({ locator: '9' });
    await act(async () => insertFootnote(lexicalEditorOf(surface), null, [stray], ''));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Not saved — .*Footnote 1/), { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
