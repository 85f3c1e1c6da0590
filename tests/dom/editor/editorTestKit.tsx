import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LexicalJson } from '../../../common/domain/schemas';
import { NoteEditor } from '../../../renderer/src/features/editor/NoteEditor';
import { createSaveRecorder } from './saveRecorder';

type User = ReturnType<typeof userEvent.setup>;

/** Renders the editor the way the case pane does, with a recording `onSave`. */
export function renderNoteEditor(
  options: { initialNote?: LexicalJson | null; readOnly?: boolean; user?: User } = {},
) {
  const recorder = createSaveRecorder();
  const user = options.user ?? userEvent.setup();
  const view = render(
    <NoteEditor
      key="case-1"
      caseId="case-1"
      initialNote={options.initialNote ?? null}
      readOnly={options.readOnly ?? false}
      onSave={recorder.onSave}
    />,
  );
  const editor = screen.getByRole('textbox', { name: 'Case note' });
  return { ...view, recorder, user, editor };
}

/**
 * Puts the caret `offset` characters into `element`'s text, as a click there would. The first
 * click focuses the editor (Lexical restores its own selection on focus), the second places it.
 */
export async function placeCaret(user: User, editor: HTMLElement, element: HTMLElement, offset: number) {
  await user.click(editor);
  await user.pointer({ keys: '[MouseLeft]', target: element, offset });
}

/** Selects characters `start`..`end` of `element`'s text by dragging the mouse. */
export async function selectText(user: User, editor: HTMLElement, element: HTMLElement, start: number, end: number) {
  await user.click(editor);
  await user.pointer([
    { keys: '[MouseLeft>]', target: element, offset: start },
    { target: element, offset: end },
    { keys: '[/MouseLeft]' },
  ]);
}

export function button(name: string): HTMLElement {
  return screen.getByRole('button', { name });
}

export function saveStatus(): string {
  return screen.getByRole('status').textContent ?? '';
}
