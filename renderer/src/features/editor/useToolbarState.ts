import { useEffect, useState } from 'react';
import {
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  mergeRegister,
} from 'lexical';
import type { LexicalNode } from 'lexical';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isListNode, ListNode } from '@lexical/list';
import { $isLinkNode } from '@lexical/link';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** The kind of block the selection starts in, as the toolbar names it. */
export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number' | 'quote' | 'other';

export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  block: BlockKind;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  bold: false,
  italic: false,
  underline: false,
  block: 'paragraph',
  link: false,
  canUndo: false,
  canRedo: false,
};

/** Reads the selection's formats after every update, so `aria-pressed` always tells the truth. */
export function useToolbarState(): ToolbarState {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(INITIAL);

  useEffect(() => {
    const refresh = (): void => {
      const next = editor.getEditorState().read(() => $readSelectionState());
      if (next === null) return;
      setState((prev) => (sameSelectionState(prev, next) ? prev : { ...prev, ...next }));
    };
    refresh();
    return mergeRegister(
      editor.registerUpdateListener(refresh),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => {
          setState((prev) => (prev.canUndo === canUndo ? prev : { ...prev, canUndo }));
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => {
          setState((prev) => (prev.canRedo === canRedo ? prev : { ...prev, canRedo }));
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);

  return state;
}

type SelectionState = Omit<ToolbarState, 'canUndo' | 'canRedo'>;

function sameSelectionState(a: ToolbarState, b: SelectionState): boolean {
  return (
    a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.block === b.block && a.link === b.link
  );
}

function $readSelectionState(): SelectionState | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const focus = selection.focus.getNode();
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    block: $blockKind(anchor),
    link: $isInLink(anchor) || $isInLink(focus),
  };
}

function $isInLink(node: LexicalNode): boolean {
  return $findMatchingParent(node, $isLinkNode) !== null;
}

function $blockKind(node: LexicalNode): BlockKind {
  const list = $getNearestNodeOfType(node, ListNode);
  if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : list.getListType() === 'bullet' ? 'bullet' : 'other';
  const block = $isRootOrShadowRoot(node)
    ? null
    : $findMatchingParent(node, (n) => {
        const parent = n.getParent();
        return parent !== null && $isRootOrShadowRoot(parent);
      });
  if (block === null) return 'paragraph';
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h2' || tag === 'h3' ? tag : 'other';
  }
  if ($isQuoteNode(block)) return 'quote';
  return block.getType() === 'paragraph' ? 'paragraph' : 'other';
}
