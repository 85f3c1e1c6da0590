import { act, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { noteToPlainText } from '../../../common/editor/noteText';
import { note, paragraph, richNote, text } from './buildNote';
import { button, placeCaret, renderNoteEditor, saveStatus, selectText } from './editorTestKit';

const waitForAutosave = () => act(() => new Promise((resolve) => setTimeout(resolve, 1100)));

describe('NoteEditor rendering', () => {
  test('shows a stored note with heading, bold text, list, quote and link', () => {
    const { editor } = renderNoteEditor({ initialNote: richNote() });

    expect(editor.getAttribute('contenteditable')).toBe('true');
    expect(editor.getAttribute('aria-multiline')).toBe('true');
    expect(within(editor).getByRole('heading', { level: 2, name: 'Background' })).toBeTruthy();
    expect(within(editor).getByText('under-resourced').tagName).toBe('STRONG');
    const items = within(editor).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Troop shortfall', 'No air assets']);
    expect(editor.querySelector('blockquote')?.textContent).toBe('Peacekeeping without peace.');
    expect(within(editor).getByRole('link', { name: 'the report' }).getAttribute('href')).toBe(
      'https://example.org/report',
    );
    expect(saveStatus()).toBe('Saved');
  });

  test('an empty note shows the placeholder', () => {
    const { editor } = renderNoteEditor({ initialNote: null });
    expect(screen.getByText('Write your analysis…')).toBeTruthy();
    expect(editor.textContent).toBe('');
  });

  test('a note with an empty root loads as an empty editor, not as a damaged note', () => {
    renderNoteEditor({ initialNote: note() });
    expect(screen.getByText('Write your analysis…')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('the saved JSON keeps the structure and reads back as sensible plain text', async () => {
    const { editor, user, recorder } = renderNoteEditor({ initialNote: richNote() });
    await placeCaret(user, editor, within(editor).getByText('Peacekeeping without peace.'), 27);
    await user.keyboard(' (Brahimi)');
    await waitForAutosave();

    expect(recorder.saves).toHaveLength(1);
    const saved = recorder.saves[0]!;
    expect(noteToPlainText(saved)).toBe(
      [
        'Background',
        'The mission was under-resourced from the start.',
        'Troop shortfall',
        'No air assets',
        'Peacekeeping without peace. (Brahimi)',
        'See the report.',
      ].join('\n'),
    );
    const types = (saved.root.children as { type: string }[]).map((child) => child.type);
    expect(types).toEqual(['heading', 'paragraph', 'list', 'quote', 'paragraph']);
  });

  test('a saved note opens again as it was saved, without saving on load', async () => {
    const first = renderNoteEditor({ initialNote: note(paragraph(text('Draft title'))) });
    await selectText(first.user, first.editor, screen.getByText('Draft title'), 0, 11);
    await first.user.click(button('Heading 3'));
    await first.user.click(button('Italic'));
    await waitForAutosave();
    first.unmount();
    const saved = first.recorder.saves.at(-1)!;

    const second = renderNoteEditor({ initialNote: saved });
    const heading = within(second.editor).getByRole('heading', { level: 3, name: 'Draft title' });
    expect(heading.querySelector('em')?.textContent).toBe('Draft title');
    await waitForAutosave();
    expect(second.recorder.saves).toHaveLength(0);
  });
});
