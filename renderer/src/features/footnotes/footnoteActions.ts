import { $getNodeByKey, $getRoot, $getSelection, $insertNodes, $isRangeSelection, $setSelection } from 'lexical';
import type { BaseSelection, LexicalEditor, NodeKey } from 'lexical';
import type { CitationRef } from '../../../../common/domain/sources';
import { $createFootnoteNode, $isFootnoteNode } from './FootnoteNode';

/**
 * Inserts a footnote where the caret was when the dialog opened (`selection`, captured then,
 * because focus has since moved to the dialog). Selected text is kept: the footnote goes after
 * it. Without a caret in the note it goes at the end. The caret ends up after the marker.
 */
export function insertFootnote(editor: LexicalEditor, selection: BaseSelection | null, citations: CitationRef[], commentary: string): void {
  editor.update(() => {
    if (selection !== null) $setSelection(selection.clone());
    let current = $getSelection();
    if (!$isRangeSelection(current)) {
      $getRoot().selectEnd();
      current = $getSelection();
    }
    if (!$isRangeSelection(current)) return;
    if (!current.isCollapsed()) {
      const end = current.isBackward() ? current.anchor : current.focus;
      current.anchor.set(end.key, end.offset, end.type);
      current.focus.set(end.key, end.offset, end.type);
    }
    $insertNodes([$createFootnoteNode(citations, commentary)]);
  });
}

/** Replaces the citations and commentary of footnote `key` (one undoable step). */
export function updateFootnote(editor: LexicalEditor, key: NodeKey, citations: CitationRef[], commentary: string): void {
  editor.update(() => {
    const node = $getNodeByKey(key);
    if ($isFootnoteNode(node)) node.setContent(citations, commentary);
  });
}

/** Removes footnote `key` from the note; undo brings it back, citations and all. */
export function deleteFootnote(editor: LexicalEditor, key: NodeKey): void {
  editor.update(() => {
    const node = $getNodeByKey(key);
    if ($isFootnoteNode(node)) node.remove();
  });
}
