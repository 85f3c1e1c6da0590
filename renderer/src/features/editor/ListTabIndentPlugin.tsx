import { useEffect } from 'react';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  INDENT_CONTENT_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
} from 'lexical';
import { $isListItemNode } from '@lexical/list';
import { $findMatchingParent } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** Deepest list nesting Tab creates; deeper outlines are unreadable in a case note. */
const MAX_LIST_DEPTH = 6;

/**
 * Tab / Shift+Tab indent and outdent list items. Outside lists Tab is left alone so keyboard
 * users can still tab out of the editor (a focus trap otherwise).
 */
export function ListTabIndentPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const item = $findMatchingParent(selection.anchor.getNode(), $isListItemNode);
          if (item === null) return false;
          event.preventDefault();
          if (!event.shiftKey && item.getIndent() >= MAX_LIST_DEPTH - 1) return true;
          return editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );
  return null;
}
