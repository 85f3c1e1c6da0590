import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { noteToPlainText } from '../../../common/editor/noteText';
import { list, note, paragraph, richNote, text } from './buildNote';
import { button, placeCaret, renderNoteEditor, selectText } from './editorTestKit';

const waitForAutosave = () => act(() => new Promise((resolve) => setTimeout(resolve, 1100)));

describe('NoteEditor toolbar', () => {
  test('is a labelled toolbar with every formatting button', () => {
    renderNoteEditor();
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    const names = within(toolbar)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Undo',
      'Redo',
      'Bold',
      'Italic',
      'Underline',
      'Heading 2',
      'Heading 3',
      'Bulleted list',
      'Numbered list',
      'Quote',
      'Link',
    ]);
  });

  test('Bold toggles bold on the selected text and shows it as pressed', async () => {
    const { editor, user, recorder } = renderNoteEditor({ initialNote: note(paragraph(text('Ceasefire collapsed'))) });
    await selectText(user, editor, screen.getByText('Ceasefire collapsed'), 0, 9);
    expect(button('Bold').getAttribute('aria-pressed')).toBe('false');

    await user.click(button('Bold'));
    expect(within(editor).getByText('Ceasefire').tagName).toBe('STRONG');
    expect(within(editor).getByText('collapsed').tagName).not.toBe('STRONG');
    expect(button('Bold').getAttribute('aria-pressed')).toBe('true');

    await user.click(button('Bold'));
    expect(editor.querySelector('strong')).toBeNull();
    expect(button('Bold').getAttribute('aria-pressed')).toBe('false');
    await waitForAutosave();
    expect(recorder.saves).toHaveLength(1);
  });

  test('keyboard shortcuts format text and undo/redo reverse it', async () => {
    const { editor, user } = renderNoteEditor({ initialNote: note(paragraph(text('Mandate'))) });
    await selectText(user, editor, screen.getByText('Mandate'), 0, 7);
    await user.keyboard('{Control>}i{/Control}');
    expect(within(editor).getByText('Mandate').tagName).toBe('EM');
    expect(button('Italic').getAttribute('aria-pressed')).toBe('true');

    await user.click(button('Undo'));
    expect(within(editor).getByText('Mandate').tagName).not.toBe('EM');
    await user.keyboard('{Control>}y{/Control}');
    expect(within(editor).getByText('Mandate').tagName).toBe('EM');
  });

  test('block buttons make headings, lists and quotes, and show which one applies', async () => {
    const { editor, user } = renderNoteEditor({ initialNote: note(paragraph(text('Findings'))) });
    await placeCaret(user, editor, screen.getByText('Findings'), 3);

    await user.click(button('Heading 2'));
    expect(within(editor).getByRole('heading', { level: 2, name: 'Findings' })).toBeTruthy();
    expect(button('Heading 2').getAttribute('aria-pressed')).toBe('true');

    await user.click(button('Numbered list'));
    expect(within(editor).getByRole('listitem').textContent).toBe('Findings');
    expect(editor.querySelector('ol')).not.toBeNull();
    expect(button('Numbered list').getAttribute('aria-pressed')).toBe('true');
    expect(button('Heading 2').getAttribute('aria-pressed')).toBe('false');

    await user.click(button('Numbered list'));
    expect(within(editor).queryByRole('listitem')).toBeNull();

    await user.click(button('Quote'));
    expect(editor.querySelector('blockquote')?.textContent).toBe('Findings');
    expect(button('Quote').getAttribute('aria-pressed')).toBe('true');
  });

  test('Tab indents a list item and Shift+Tab outdents it', async () => {
    const { editor, user, recorder } = renderNoteEditor({
      initialNote: note(list('bullet', [text('Actors')], [text('AMISOM')])),
    });
    await placeCaret(user, editor, screen.getByText('AMISOM'), 2);
    await user.keyboard('{Tab}');
    expect(editor.querySelector('ul ul')?.textContent).toBe('AMISOM');
    expect(document.activeElement).toBe(editor);
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(editor.querySelector('ul ul')).toBeNull();
    await waitForAutosave();
    expect(noteToPlainText(recorder.saves.at(-1)!)).toBe('Actors\nAMISOM');
  });

  test('arrow keys move between toolbar buttons, which form one tab stop', async () => {
    const { user } = renderNoteEditor();
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    const tabbable = within(toolbar)
      .getAllByRole('button')
      .filter((b) => b.tabIndex === 0);
    expect(tabbable.map((b) => b.getAttribute('aria-label'))).toEqual(['Bold']);
    button('Bold').focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(button('Italic'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(button('Link'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(button('Bold'));
  });
});

describe('NoteEditor links', () => {
  test('a link is added to the selected text through the link dialog', async () => {
    const { editor, user, recorder } = renderNoteEditor({ initialNote: note(paragraph(text('UN report here'))) });
    await selectText(user, editor, screen.getByText('UN report here'), 0, 9);
    await user.click(button('Link'));
    const dialog = screen.getByRole('dialog', { name: 'Insert link' });
    await user.type(within(dialog).getByLabelText('URL'), 'un.org/report');
    await user.click(within(dialog).getByRole('button', { name: 'Add link' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    const anchor = within(editor).getByRole('link', { name: 'UN report' });
    expect(anchor.getAttribute('href')).toBe('https://un.org/report');
    await waitForAutosave();
    expect(JSON.stringify(recorder.saves.at(-1))).toContain('"url":"https://un.org/report"');
  });

  test('other URL schemes are refused with a clear message', async () => {
    const { editor, user } = renderNoteEditor({ initialNote: note(paragraph(text('click me'))) });
    await selectText(user, editor, screen.getByText('click me'), 0, 8);
    await user.click(button('Link'));
    const dialog = screen.getByRole('dialog', { name: 'Insert link' });
    const input = within(dialog).getByLabelText('URL');
    await user.type(input, 'javascript:alert(1)');
    await user.click(within(dialog).getByRole('button', { name: 'Add link' }));

    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Only http:, https: and mailto: links are allowed, not javascript:',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(within(editor).queryByRole('link')).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('an existing link can be edited and removed', async () => {
    const { editor, user } = renderNoteEditor({ initialNote: richNote() });
    await placeCaret(user, editor, within(editor).getByText('the report'), 4);
    expect(button('Link').getAttribute('aria-pressed')).toBe('true');

    await user.click(button('Link'));
    let dialog = screen.getByRole('dialog', { name: 'Edit link' });
    const input = within(dialog).getByLabelText('URL');
    expect((input as HTMLInputElement).value).toBe('https://example.org/report');
    await user.clear(input);
    await user.type(input, 'mailto:desk@example.org');
    await user.click(within(dialog).getByRole('button', { name: 'Update link' }));
    expect(within(editor).getByRole('link', { name: 'the report' }).getAttribute('href')).toBe(
      'mailto:desk@example.org',
    );

    await placeCaret(user, editor, within(editor).getByText('the report'), 2);
    await user.keyboard('{Control>}k{/Control}');
    dialog = screen.getByRole('dialog', { name: 'Edit link' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove link' }));
    expect(within(editor).queryByRole('link')).toBeNull();
    expect(editor.textContent).toContain('See the report.');
  });

  test('clicking a link never navigates the app window', () => {
    const { editor } = renderNoteEditor({ initialNote: richNote(), readOnly: true });
    const anchor = within(editor).getByRole('link', { name: 'the report' });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    anchor.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
    fireEvent(anchor, middle);
    expect(middle.defaultPrevented).toBe(true);
  });
});
