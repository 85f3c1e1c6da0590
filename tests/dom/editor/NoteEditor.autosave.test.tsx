import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { noteToPlainText } from '../../../common/editor/noteText';
import { note, paragraph, text } from './buildNote';
import { button, placeCaret, renderNoteEditor, saveStatus, selectText } from './editorTestKit';

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

function setup() {
  const user = userEvent.setup({ delay: null });
  const kit = renderNoteEditor({ initialNote: note(paragraph(text('Initial analysis.'))), user });
  const typeAtEnd = async (chars: string) => {
    await placeCaret(user, kit.editor, within(kit.editor).getByText(/^Initial analysis\./), 17);
    await user.keyboard(chars);
  };
  return { ...kit, typeAtEnd };
}

describe('NoteEditor autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Testing Library waits on setTimeout(0) after each user action and only advances fake
    // timers it recognises as Jest's; this lets it drive Vitest's clock the same way.
    Object.assign(globalThis, { jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) } });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'jest');
    vi.useRealTimers();
  });

  test('typing saves once, about half a second after the last keystroke, with the new text', async () => {
    const { recorder, typeAtEnd } = setup();
    await typeAtEnd(' Troops arrived late.');
    await advance(400);
    expect(recorder.saves).toHaveLength(0);
    expect(saveStatus()).toBe('Unsaved changes');
    await advance(200);
    expect(recorder.saves).toHaveLength(1);
    expect(noteToPlainText(recorder.saves[0]!)).toBe('Initial analysis. Troops arrived late.');
    expect(saveStatus()).toBe('Saved');

    await advance(3000);
    expect(recorder.saves).toHaveLength(1);
  });

  test('while the analyst keeps typing, work is saved at least every second', async () => {
    const { recorder, typeAtEnd, user } = setup();
    await typeAtEnd(' a');
    for (const char of 'bcdef') {
      await advance(300);
      await user.keyboard(char);
    }
    // 1.5 s of continuous typing, never 500 ms quiet: the max-wait save has happened.
    expect(recorder.saves.length).toBeGreaterThanOrEqual(1);
    expect(noteToPlainText(recorder.saves[0]!)).toMatch(/^Initial analysis\. ab/);
    await advance(600);
    expect(noteToPlainText(recorder.saves.at(-1)!)).toBe('Initial analysis. abcdef');
  });

  test('loading a note, moving the caret and selecting text do not save', async () => {
    const { recorder, editor, user } = setup();
    await advance(2000);
    await placeCaret(user, editor, screen.getByText('Initial analysis.'), 4);
    await selectText(user, editor, screen.getByText('Initial analysis.'), 0, 7);
    await advance(2000);
    expect(recorder.saves).toHaveLength(0);
    expect(saveStatus()).toBe('Saved');
  });

  test('switching case (unmount) saves pending changes at once', async () => {
    const { recorder, typeAtEnd, unmount } = setup();
    await typeAtEnd(' Last words');
    expect(recorder.saves).toHaveLength(0);
    unmount();
    await advance(0);
    expect(recorder.saves).toHaveLength(1);
    expect(noteToPlainText(recorder.saves[0]!)).toBe('Initial analysis. Last words');
  });

  test('leaving the editor saves at once', async () => {
    const { recorder, typeAtEnd, user } = setup();
    await typeAtEnd('!');
    await user.tab();
    await advance(0);
    expect(recorder.saves).toHaveLength(1);
  });

  test('hiding or closing the page saves at once', async () => {
    const { recorder, typeAtEnd, user } = setup();
    await typeAtEnd('!');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await advance(0);
      expect(recorder.saves).toHaveLength(1);
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    }
    await user.keyboard('?');
    window.dispatchEvent(new Event('pagehide'));
    await advance(0);
    expect(recorder.saves).toHaveLength(2);
    expect(noteToPlainText(recorder.saves[1]!)).toBe('Initial analysis.!?');
  });

  test('a failed save says why, and Retry saves again', async () => {
    const { recorder, typeAtEnd, user } = setup();
    recorder.failNext('the knowledge base is read-only');
    await typeAtEnd(' Important.');
    await advance(600);
    expect(recorder.saves).toHaveLength(0);
    expect(saveStatus()).toBe('Not saved — the knowledge base is read-only');

    await user.click(button('Retry'));
    await advance(0);
    expect(recorder.saves).toHaveLength(1);
    expect(noteToPlainText(recorder.saves[0]!)).toBe('Initial analysis. Important.');
    expect(saveStatus()).toBe('Saved');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  test('only one save runs at a time; changes made meanwhile are saved after it', async () => {
    const { recorder, typeAtEnd, user } = setup();
    const release = recorder.holdSaves();
    await typeAtEnd(' one');
    await advance(600);
    expect(saveStatus()).toBe('Saving…');

    await user.keyboard(' two');
    await advance(2000);
    expect(recorder.maxInFlight).toBe(1);
    expect(recorder.saves).toHaveLength(0);

    release();
    await advance(0);
    await advance(0);
    expect(recorder.saves.map((n) => noteToPlainText(n))).toEqual([
      'Initial analysis. one',
      'Initial analysis. one two',
    ]);
    expect(recorder.maxInFlight).toBe(1);
    expect(saveStatus()).toBe('Saved');
  });
});
