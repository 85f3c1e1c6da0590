import { StrictMode } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NoteEditor } from '../../../renderer/src/features/editor/NoteEditor';
import { $getRoot, $getSelection, $isTextNode, createEditor } from 'lexical';
import { LexicalJson } from '../../../common/domain/schemas';
import { describe, expect, test } from 'vitest';
import { collectFootnotes } from '../../../common/editor/footnotes';
import { noteToPlainText } from '../../../common/editor/noteText';
import { EDITOR_NODES } from '../../../renderer/src/features/editor/editorNodes';
import { insertFootnote } from '../../../renderer/src/features/footnotes/footnoteActions';
import { $createFootnoteNode, $isFootnoteNode, FootnoteNode } from '../../../renderer/src/features/footnotes/FootnoteNode';
import { note, paragraph, text } from '../editor/buildNote';
import { renderNoteEditor } from '../editor/editorTestKit';
import { buildCitation, footnote, lexicalEditorOf, markerNames } from './footnoteTestKit';

const waitForAutosave = () => act(() => new Promise((resolve) => setTimeout(resolve, 1100)));

describe('FootnoteNode', () => {
  test('serializes to exactly the stored footnote shape and reads it back unchanged', () => {
    const citation = buildCitation({ locator: '45', quote: 'a “ripe moment”', prefix: 'see', suffix: 'emphasis added' });
    const stored = note(paragraph(text('Mediation stalled.'), footnote([citation], 'Contested reading.'), text(' Then talks resumed.')));
    const editor = createEditor({ nodes: EDITOR_NODES, onError: (e) => { throw e; } });
    const state = editor.parseEditorState(JSON.stringify(stored));
    expect(state.toJSON()).toEqual(stored);
    expect(collectFootnotes(LexicalJson.parse(state.toJSON()))).toEqual([{ number: 1, citations: [citation], commentary: 'Contested reading.' }]);
    state.read(() => {
      const node = $getRoot().getFirstDescendant()?.getNextSibling();
      expect($isFootnoteNode(node)).toBe(true);
      expect(node?.isInline()).toBe(true);
      // The marker adds nothing to the note's text.
      expect($getRoot().getTextContent()).toBe('Mediation stalled. Then talks resumed.');
    });
    editor.update(() => expect(new FootnoteNode().exportJSON()).toEqual({ type: 'footnote', version: 1, citations: [], commentary: '' }), {
      discrete: true,
    });
  });

  test('a stored footnote with a broken citation is refused rather than silently changed', () => {
    const editor = createEditor({ nodes: EDITOR_NODES, onError: (e) => { throw e; } });
    const broken = note(paragraph(text('x'), footnote([{ ...buildCitation(), label: 'shelf' as never }])));
    expect(() => editor.parseEditorState(JSON.stringify(broken))).toThrow(/Footnote citation 1 is invalid/);
  });

  test('numbers follow document order and renumber when a footnote is inserted before another', async () => {
    const first = buildCitation({ locator: '45' });
    const second = buildCitation({ locator: '12', label: 'chapter' });
    const { editor: surface } = renderNoteEditor({
      initialNote: note(paragraph(text('Alpha'), footnote([first]), text(' beta'), footnote([second]), text(' gamma.'))),
    });
    expect(markerNames(surface)).toEqual(['Footnote 1: source, p. 45', 'Footnote 2: source, ch. 12']);

    const editor = lexicalEditorOf(surface);
    const newest = buildCitation({ locator: '3' });
    // The caret right after "Al": the new footnote goes before both others.
    await act(async () => editor.update(() => {
      const first = $getRoot().getFirstDescendant();
      if ($isTextNode(first)) first.select(2, 2);
    }, { discrete: true }));
    const selection = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    expect(selection).not.toBeNull();
    await act(async () => insertFootnote(editor, selection, [newest], ''));
    expect(markerNames(surface)).toEqual(['Footnote 1: source, p. 3', 'Footnote 2: source, p. 45', 'Footnote 3: source, ch. 12']);
    // Numbers are drawn from an attribute, so they never enter the note's text.
    expect(surface.textContent).toBe('Alpha beta gamma.');
  });

  test('numbers stay live under React StrictMode (as the app renders)', async () => {
    render(
      <StrictMode>
        <NoteEditor caseId="case-1" initialNote={note(paragraph(text('One'), footnote([buildCitation({ locator: '1' })])))} readOnly={false} onSave={async () => ({ noteUpdatedAt: '' })} />
      </StrictMode>,
    );
    const surface = screen.getByRole('textbox', { name: 'Case note' });
    const editor = lexicalEditorOf(surface);
    await act(async () =>
      editor.update(() => {
        const first = $getRoot().getFirstDescendant();
        if ($isTextNode(first)) first.select(0, 0);
      }, { discrete: true }),
    );
    const atStart = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    await act(async () => insertFootnote(editor, atStart, [buildCitation({ locator: '2' })], ''));
    expect(markerNames(surface)).toEqual(['Footnote 1: source, p. 2', 'Footnote 2: source, p. 1']);
  });

  test('moving a paragraph renumbers its footnotes', async () => {
    const { editor: surface } = renderNoteEditor({
      initialNote: note(
        paragraph(text('Early'), footnote([buildCitation({ locator: '1' })])),
        paragraph(text('Late'), footnote([buildCitation({ locator: '2' })])),
      ),
    });
    const editor = lexicalEditorOf(surface);
    await act(async () =>
      editor.update(() => {
        const early = $getRoot().getFirstChild();
        if (early) $getRoot().append(early);
      }),
    );
    expect(markerNames(surface)).toEqual(['Footnote 1: source, p. 2', 'Footnote 2: source, p. 1']);
  });

  test('Backspace after a marker deletes the footnote, undo brings it back, and saves follow', async () => {
    const citation = buildCitation({ locator: '45', quote: 'quoted' });
    const { editor: surface, recorder, user } = renderNoteEditor({
      initialNote: note(paragraph(text('Troops arrived'), footnote([citation]), text(' late.'))),
    });
    const editor = lexicalEditorOf(surface);
    await user.click(surface);
    // Caret right after the marker, before " late.".
    await act(async () =>
      editor.update(() => {
        const after = $getRoot().getFirstDescendant()?.getNextSibling()?.getNextSibling();
        after?.selectStart();
      }),
    );
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(markerNames(surface)).toEqual([]));
    expect(surface.textContent).toBe('Troops arrived late.');
    await waitForAutosave();
    expect(collectFootnotes(recorder.saves.at(-1)!)).toEqual([]);

    fireEvent.keyDown(surface, { key: 'z', code: 'KeyZ', ctrlKey: true });
    await waitFor(() => expect(markerNames(surface)).toEqual(['Footnote 1: source, p. 45']));
    await waitForAutosave();
    const saved = recorder.saves.at(-1)!;
    expect(collectFootnotes(saved)).toEqual([{ number: 1, citations: [citation], commentary: '' }]);
    expect(noteToPlainText(saved)).toBe('Troops arrived late.');
  });

  test('a footnote created in code is an inline node holding its citations', () => {
    const editor = createEditor({ nodes: EDITOR_NODES, onError: (e) => { throw e; } });
    const citation = buildCitation();
    editor.update(
      () => {
        const node = $createFootnoteNode([citation], 'note');
        expect(node.getCitations()).toEqual([citation]);
        expect(node.getCommentary()).toBe('note');
      },
      { discrete: true },
    );
  });
});

describe('a copied footnote', () => {
  test('gets new citation ids, so each citation in the note stays one row', async () => {
    const citation = buildCitation({ locator: '7' });
    const { editor: surface, recorder, user } = renderNoteEditor({ initialNote: note(paragraph(text('First claim.'), footnote([citation]))) });
    const editor = lexicalEditorOf(surface);
    await user.click(surface);
    // What pasting a copy of the footnote does: a second node with the same content.
    await act(async () => insertFootnote(editor, null, [citation], ''));
    expect(markerNames(surface)).toEqual(['Footnote 1: source, p. 7', 'Footnote 2: source, p. 7']);
    await waitForAutosave();
    // The first in document order keeps the ids; the other gets a new one.
    const [first, second] = collectFootnotes(recorder.saves.at(-1)!);
    expect(first?.citations).toEqual([citation]);
    expect(second?.citations).toEqual([{ ...citation, id: expect.not.stringMatching(citation.id) }]);
  });
});
