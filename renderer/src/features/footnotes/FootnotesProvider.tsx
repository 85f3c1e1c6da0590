import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { $getNodeByKey, $getSelection, $isNodeSelection, COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import type { BaseSelection, NodeKey } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $collectFootnotes, createFootnoteRegistry } from './createFootnoteRegistry';
import { newId } from '../../../../common/ids';
import { deleteFootnote, insertFootnote, updateFootnote } from './footnoteActions';
import { FootnoteDialog } from './FootnoteDialog';
import { $isFootnoteNode, FootnoteNode } from './FootnoteNode';
import type { FootnoteServices } from './footnoteServices';
import { FootnotesContext } from './FootnotesContext';
import type { FootnotesContextValue } from './FootnotesContext';

type DialogState =
  | { mode: 'insert'; selection: BaseSelection | null }
  | { mode: 'edit'; key: NodeKey; number: number; citations: FootnoteEditing['citations']; commentary: string };
type FootnoteEditing = NonNullable<Parameters<typeof FootnoteDialog>[0]['editing']>;

/**
 * Footnotes inside one note editor: keeps numbers live, owns the footnote dialog (insert, edit,
 * delete) and the Ctrl/Cmd+Alt+F shortcut. Without `services` footnotes still show and number,
 * but none can be added or edited (there is no knowledge base to pick sources from).
 */
export function FootnotesProvider({ services, children }: { services: FootnoteServices | null; children: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const [registry] = useState(() => createFootnoteRegistry(editor));
  // Started in an effect (not at creation) so StrictMode's mount–unmount–mount leaves it running.
  useEffect(() => registry.start(), [registry]);
  const [dialog, setDialog] = useState<DialogState | null>(null);

  const openInsert = useCallback(() => {
    if (services === null || !editor.isEditable()) return;
    const selection = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setDialog({ mode: 'insert', selection });
  }, [editor, services]);

  const openEdit = useCallback(
    (key: NodeKey) => {
      if (services === null || !editor.isEditable()) return;
      const found = editor.getEditorState().read(() => {
        const node = $getNodeByKey(key);
        return $isFootnoteNode(node) ? { citations: node.getCitations(), commentary: node.getCommentary() } : null;
      });
      if (found === null) return;
      setDialog({ mode: 'edit', key, number: registry.numberOf(key), ...found });
    },
    [editor, services, registry],
  );

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          // `code`, not `key`: on macOS Option changes the character (ƒ).
          if (event.code !== 'KeyF' || !event.altKey || !(event.ctrlKey || event.metaKey) || event.shiftKey) return false;
          event.preventDefault();
          const selected = editor.getEditorState().read(() => {
            const selection = $getSelection();
            if (!$isNodeSelection(selection)) return null;
            const nodes = selection.getNodes();
            const only = nodes.length === 1 ? nodes[0] : undefined;
            return $isFootnoteNode(only) ? only.getKey() : null;
          });
          if (selected !== null) openEdit(selected);
          else openInsert();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, openInsert, openEdit],
  );

  // A footnote copied and pasted within the note arrives with the same citation ids as the
  // original; ids name citation rows, so the later copy (in document order) gets new ones.
  useEffect(
    () =>
      editor.registerNodeTransform(FootnoteNode, (node) => {
        // Cheap check first: only a footnote whose ids belong to another one can be a copy.
        const key = node.getKey();
        if (node.getCitations().every((c) => (registry.ownerOfCitation(c.id) ?? key) === key)) return;
        $giveCopiedCitationsNewIds(node);
      }),
    [editor, registry],
  );

  const value = useMemo<FootnotesContextValue>(() => ({ registry, services, openInsert, openEdit }), [registry, services, openInsert, openEdit]);

  const close = (): void => {
    setDialog(null);
    editor.focus();
  };

  return (
    <FootnotesContext.Provider value={value}>
      {children}
      {dialog !== null && services !== null && (
        <FootnoteDialog
          services={services}
          editing={dialog.mode === 'edit' ? dialog : null}
          onSubmit={(citations, commentary) => {
            if (dialog.mode === 'insert') insertFootnote(editor, dialog.selection, citations, commentary);
            else updateFootnote(editor, dialog.key, citations, commentary);
            close();
          }}
          onDelete={() => {
            if (dialog.mode === 'edit') deleteFootnote(editor, dialog.key);
            close();
          }}
          onClose={close}
        />
      )}
    </FootnotesContext.Provider>
  );
}

/**
 * Node transform: when footnotes share citation ids (a copy was pasted, before or after the
 * original), every holder after the first in document order gets new ids.
 */
function $giveCopiedCitationsNewIds(node: FootnoteNode): void {
  const ids = new Set(node.getCitations().map((c) => c.id));
  if (ids.size === 0) return;
  const holders = $collectFootnotes().filter((entry) => entry.citations.some((c) => ids.has(c.id)));
  for (const later of holders.slice(1)) {
    const copy = $getNodeByKey(later.key);
    if (!$isFootnoteNode(copy)) continue;
    copy.setContent(
      copy.getCitations().map((c) => (ids.has(c.id) ? { ...c, id: newId() } : c)),
      copy.getCommentary(),
    );
  }
}
