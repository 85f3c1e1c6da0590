import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { LexicalJson } from '../../../common/domain/schemas';
import { NoteEditor } from '../../../renderer/src/features/editor/NoteEditor';
import { heading, note, paragraph, richNote, text } from './buildNote';
import { renderNoteEditor } from './editorTestKit';
import { createSaveRecorder } from './saveRecorder';

const NOTICE = 'This note could not be fully loaded; editing is disabled to protect it.';
const waitForAutosave = () => act(() => new Promise((resolve) => setTimeout(resolve, 1100)));

describe('NoteEditor read-only', () => {
  test('a read-only note cannot be edited and its toolbar is disabled', async () => {
    const { editor, user, recorder } = renderNoteEditor({ initialNote: richNote(), readOnly: true });
    expect(editor.getAttribute('contenteditable')).toBe('false');
    expect(editor.getAttribute('aria-readonly')).toBe('true');
    const buttons = within(screen.getByRole('toolbar', { name: 'Formatting' })).getAllByRole('button');
    expect(buttons.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);

    await user.click(editor);
    await user.keyboard('typed anyway');
    await waitForAutosave();
    expect(editor.textContent).not.toContain('typed anyway');
    expect(recorder.saves).toHaveLength(0);
    expect(screen.queryByText('Write your analysis…')).toBeNull();
  });

  test('switching readOnly on and off is followed live', () => {
    const recorder = createSaveRecorder();
    const props = { caseId: 'c1', initialNote: richNote(), onSave: recorder.onSave };
    const { rerender } = render(<NoteEditor {...props} readOnly={false} />);
    expect(screen.getByRole('textbox', { name: 'Case note' }).getAttribute('contenteditable')).toBe('true');
    rerender(<NoteEditor {...props} readOnly />);
    expect(screen.getByRole('textbox', { name: 'Case note' }).getAttribute('contenteditable')).toBe('false');
    expect((screen.getByRole('button', { name: 'Bold' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('NoteEditor with a damaged note', () => {
  test('a note with an unknown node type shows its text read-only, with a notice, and is never saved', async () => {
    const damaged = note(
      heading('h2', text('Sources')),
      { type: 'footnote-from-the-future', version: 3, children: [text('Kept text')] },
      paragraph(text('After the unknown node.')),
    );
    const { editor, user, recorder } = renderNoteEditor({ initialNote: damaged });

    expect(screen.getByRole('alert').textContent).toBe(NOTICE);
    expect(editor.textContent).toContain('Sources');
    expect(editor.textContent).toContain('Kept text');
    expect(editor.textContent).toContain('After the unknown node.');
    expect(editor.getAttribute('contenteditable')).toBe('false');
    expect((screen.getByRole('button', { name: 'Bold' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(editor);
    await user.keyboard('x');
    await waitForAutosave();
    expect(recorder.saves).toHaveLength(0);
  });

  test.each<[string, unknown]>([
    ['a root that is not a root', { root: { type: 'paragraph', children: [] } }],
    ['children that are not a list', { root: { type: 'root', children: 'oops' } }],
    ['a node that is not an object', note(paragraph(text('ok')), 42 as unknown as Record<string, unknown>)],
    ['not an object at all', 'garbage'],
  ])('%s does not crash the editor', (_name, initialNote) => {
    expect(() => renderNoteEditor({ initialNote: initialNote as LexicalJson })).not.toThrow();
    expect(screen.getByRole('alert').textContent).toBe(NOTICE);
    expect(screen.getByRole('textbox', { name: 'Case note' }).getAttribute('contenteditable')).toBe('false');
  });

  test('an intact note shows no notice', () => {
    renderNoteEditor({ initialNote: note(paragraph(text('Fine'))) });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
