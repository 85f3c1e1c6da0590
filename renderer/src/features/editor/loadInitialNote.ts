import { createEditor } from 'lexical';
import { LexicalJson } from '../../../../common/domain/schemas';
import { noteToPlainText, paragraphsToNote } from '../../../../common/editor/noteText';
import { EDITOR_NODES } from './editorNodes';

export interface LoadedNote {
  /** Serialized editor state to start from; `undefined` starts with one empty paragraph. */
  editorState: string | undefined;
  /** True when the stored note could not be read as it is: show what was recovered, read-only. */
  damaged: boolean;
}

/**
 * Checks a stored note against this editor's nodes before the editor sees it, because Lexical
 * throws on unknown node types or broken JSON and that must not take the app down. A note that
 * does not load as it is becomes its recoverable plain text, and is flagged so the editor stays
 * read-only and never overwrites the original with the degraded copy.
 */
export function loadInitialNote(note: unknown): LoadedNote {
  if (note === null || note === undefined) return { editorState: undefined, damaged: false };
  const shape = LexicalJson.safeParse(note);
  if (shape.success) {
    // Lexical refuses to set an empty state; an empty note is simply a new one.
    if (shape.data.root.children.length === 0) return { editorState: undefined, damaged: false };
    const parsed = checkEditorState(shape.data);
    if (parsed !== null) return { editorState: parsed, damaged: false };
  }
  return { editorState: recoverText(note), damaged: true };
}

/** The normalized serialization of `json`, or null when Lexical cannot load it. */
function checkEditorState(json: unknown): string | null {
  const editor = createEditor({
    namespace: 'casebook-note-check',
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
  try {
    const state = editor.parseEditorState(JSON.stringify(json));
    if (state.isEmpty()) return null;
    return JSON.stringify(state.toJSON());
  } catch {
    return null;
  }
}

function recoverText(note: unknown): string | undefined {
  const children = isObject(note) && isObject(note.root) && Array.isArray(note.root.children) ? note.root.children : [];
  const text = noteToPlainText({ root: { type: 'root', children } });
  if (text === '') return undefined;
  return checkEditorState(paragraphsToNote(text.split('\n'))) ?? undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
