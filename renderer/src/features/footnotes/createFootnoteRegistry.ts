import { $getRoot, $isElementNode } from 'lexical';
import type { EditorState, LexicalEditor, LexicalNode, NodeKey } from 'lexical';
import type { CitationRef } from '../../../../common/domain/sources';
import { $isFootnoteNode } from './FootnoteNode';

/** One footnote as the editor shows it: its node, number in document order and content. */
export interface FootnoteEntry {
  key: NodeKey;
  number: number;
  citations: readonly CitationRef[];
  commentary: string;
}

export interface FootnoteRegistry {
  /** Footnotes in document order; a new array only when something about them changed. */
  getEntries(): readonly FootnoteEntry[];
  /** The number of the footnote node `key`, or 0 while it is not in the document. */
  numberOf(key: NodeKey): number;
  /** The first footnote (in document order, as last committed) holding citation `id`. */
  ownerOfCitation(id: string): NodeKey | undefined;
  subscribe(listener: () => void): () => void;
  /** Starts following the editor (numbers are computed once at creation); returns the stop. */
  start(): () => void;
}

/**
 * Keeps footnote numbers live. Numbers are never stored: after every content update the document
 * is walked once and each footnote gets its position. Subscribers (the markers and the footnotes
 * area) are only told when a number, an order or a footnote's content actually changed, and each
 * marker reads just its own number, so renumbering 500 footnotes re-renders only those whose
 * number moved.
 */
export function createFootnoteRegistry(editor: LexicalEditor): FootnoteRegistry {
  let entries: readonly FootnoteEntry[] = [];
  let numbers = new Map<NodeKey, number>();
  let owners = new Map<string, NodeKey>();
  const listeners = new Set<() => void>();

  const recompute = (state: EditorState): void => {
    const next = state.read(() => $collectFootnotes());
    if (sameEntries(entries, next)) return;
    entries = next;
    numbers = new Map(next.map((e) => [e.key, e.number]));
    owners = new Map();
    for (const entry of next) for (const c of entry.citations) if (!owners.has(c.id)) owners.set(c.id, entry.key);
    for (const listener of [...listeners]) listener();
  };

  recompute(editor.getEditorState());

  return {
    getEntries: () => entries,
    numberOf: (key) => numbers.get(key) ?? 0,
    ownerOfCitation: (id) => owners.get(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      recompute(editor.getEditorState());
      return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        recompute(editorState);
      });
    },
  };
}

/** Every footnote node under the root, in document order (depth first, as the text reads). */
export function $collectFootnotes(): FootnoteEntry[] {
  const out: FootnoteEntry[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteNode(node)) {
      out.push({ key: node.getKey(), number: out.length + 1, citations: node.__citations, commentary: node.__commentary });
      return;
    }
    if (!$isElementNode(node)) return;
    for (let child = node.getFirstChild(); child !== null; child = child.getNextSibling()) visit(child);
  };
  visit($getRoot());
  return out;
}

function sameEntries(a: readonly FootnoteEntry[], b: readonly FootnoteEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.key !== y.key || x.citations !== y.citations || x.commentary !== y.commentary) return false;
  }
  return true;
}
