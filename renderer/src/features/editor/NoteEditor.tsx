import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { $getSelection, COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import type { BaseSelection, LexicalEditor } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import type { LexicalJson } from '../../../../common/domain/schemas';
import { AutosavePlugin } from './AutosavePlugin';
import { createAutosaver } from './createAutosaver';
import type { SaveState } from './createAutosaver';
import { DAMAGED_NOTE_NOTICE } from './damagedNote';
import { EditablePlugin } from './EditablePlugin';
import { EditorErrorBoundary } from './EditorErrorBoundary';
import { EDITOR_NODES } from './editorNodes';
import { editorTheme } from './editorTheme';
import { LinkClickGuardPlugin } from './LinkClickGuardPlugin';
import { LinkDialog } from './LinkDialog';
import { $selectedLink, applyLink, removeLink } from './linkActions';
import { isAllowedLinkUrl } from './linkUrl';
import { ListTabIndentPlugin } from './ListTabIndentPlugin';
import { loadInitialNote } from './loadInitialNote';
import { SaveStatus } from './SaveStatus';
import { Toolbar } from './Toolbar';
import { useToolbarState } from './useToolbarState';
import { TOOLBAR_ACTIONS, TOOLBAR_ACTIONS_WITH_FOOTNOTES } from './toolbarActions';
import { FootnotesArea } from '../footnotes/FootnotesArea';
import { useFootnotesContext } from '../footnotes/FootnotesContext';
import { FootnotesProvider } from '../footnotes/FootnotesProvider';
import type { FootnoteServices } from '../footnotes/footnoteServices';
import './editor.css';

export interface NoteEditorProps {
  caseId: string;
  /** The stored note; null for a case without one. Read once: remount (key={caseId}) to load another. */
  initialNote: LexicalJson | null;
  readOnly: boolean;
  /** Stores the note; called debounced, one call at a time, never for a damaged note. */
  onSave: (note: LexicalJson) => Promise<{ noteUpdatedAt: string }>;
  /** Sources and citation formatting for footnotes; without it footnotes show but cannot be added. */
  footnotes?: FootnoteServices;
}

/**
 * The rich-text case note: formatting toolbar, footnotes (numbered live in the text, formatted
 * in the footnotes area below), autosave with a visible save state, and a protective read-only
 * mode for notes that do not load intact.
 */
export function NoteEditor(props: NoteEditorProps) {
  return (
    <EditorErrorBoundary initialNote={props.initialNote}>
      <NoteEditorBody {...props} />
    </EditorErrorBoundary>
  );
}

function NoteEditorBody({ caseId, initialNote, readOnly, onSave, footnotes }: NoteEditorProps) {
  const [loaded] = useState(() => loadInitialNote(initialNote));
  const [updateFailed, setUpdateFailed] = useState(false);
  const damaged = loaded.damaged || updateFailed;

  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
  }, [onSave]);
  const [autosaver] = useState(() => createAutosaver<LexicalJson>({ save: (note) => onSaveRef.current(note) }));
  const [saveState, setSaveState] = useState<SaveState>(() => autosaver.getState());
  useEffect(() => {
    autosaver.setListener(setSaveState);
    return () => autosaver.setListener(null);
  }, [autosaver]);

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'casebook-note',
      nodes: EDITOR_NODES,
      theme: editorTheme,
      editable: !readOnly && !loaded.damaged,
      editorState: loaded.editorState,
      onError: (error: Error) => {
        // Lexical has already discarded the failing update; stop editing so nothing worse follows.
        console.error(`The note editor hit an error in case ${caseId}`, error);
        queueMicrotask(() => setUpdateFailed(true));
      },
    }),
    // Read once, like Lexical itself: the parent remounts the editor for another case.
    [],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <FootnotesProvider services={footnotes ?? null}>
        <div className="cb-note-editor">
          {damaged && (
            <div className="cb-note-editor__notice" role="alert">
              {DAMAGED_NOTE_NOTICE}
            </div>
          )}
          <EditorChrome saveState={saveState} onRetry={autosaver.flush} />
          <div className="cb-note-editor__surface">
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="cb-note-editor__content"
                  aria-label="Case note"
                  role="textbox"
                  aria-multiline="true"
                  aria-placeholder="Write your analysis…"
                  placeholder={(isEditable) =>
                    isEditable ? <div className="cb-note-editor__placeholder">Write your analysis…</div> : null
                  }
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
          <FootnotesArea />
          <HistoryPlugin />
          <ListPlugin />
          <LinkPlugin validateUrl={isAllowedLinkUrl} attributes={{ rel: 'noopener noreferrer' }} />
          <ListTabIndentPlugin />
          <LinkClickGuardPlugin />
          <EditablePlugin editable={!readOnly && !damaged} />
          <AutosavePlugin autosaver={autosaver} baseline={loaded.editorState} enabled={!damaged} />
        </div>
      </FootnotesProvider>
    </LexicalComposer>
  );
}

interface LinkDialogState {
  selection: BaseSelection | null;
  url: string;
  editing: boolean;
}

/** Toolbar, save state and the link dialog, which share the editor's selection state. */
function EditorChrome({ saveState, onRetry }: { saveState: SaveState; onRetry: () => void }) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const toolbarState = useToolbarState();
  const footnotes = useFootnotesContext();
  const [linkDialog, setLinkDialog] = useState<LinkDialogState | null>(null);

  const openLinkDialog = useCallback(() => {
    if (!editor.isEditable()) return;
    setLinkDialog(readLinkDialogState(editor));
  }, [editor]);

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) {
            return false;
          }
          event.preventDefault();
          openLinkDialog();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, openLinkDialog],
  );

  const closeLinkDialog = (): void => {
    setLinkDialog(null);
    editor.focus();
  };

  return (
    <>
      <div className="cb-note-editor__bar">
        <Toolbar
          editor={editor}
          state={toolbarState}
          editable={editable}
          openLinkDialog={openLinkDialog}
          openFootnoteDialog={footnotes?.openInsert}
          actions={footnotes?.services ? TOOLBAR_ACTIONS_WITH_FOOTNOTES : TOOLBAR_ACTIONS}
        />
        <SaveStatus state={saveState} onRetry={onRetry} />
      </div>
      {linkDialog !== null && (
        <LinkDialog
          initialUrl={linkDialog.url}
          editing={linkDialog.editing}
          onApply={(url) => {
            applyLink(editor, linkDialog.selection, url);
            closeLinkDialog();
          }}
          onRemove={() => {
            removeLink(editor, linkDialog.selection);
            closeLinkDialog();
          }}
          onClose={closeLinkDialog}
        />
      )}
    </>
  );
}

function readLinkDialogState(editor: LexicalEditor): LinkDialogState {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    const link = $selectedLink(selection);
    return { selection: selection?.clone() ?? null, url: link?.getURL() ?? '', editing: link !== null };
  });
}
