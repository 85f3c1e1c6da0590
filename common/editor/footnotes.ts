import { CitationRef } from '../domain/sources';
import type { LexicalJson } from '../domain/schemas';

/**
 * Footnotes inside a Lexical note. A footnote is an inline node of type `footnote` that carries
 * its citations in full (ids are UUIDv7 chosen by the editor) and optional commentary:
 *
 *   { "type": "footnote", "version": 1, "citations": [CitationRef…], "commentary": "" }
 *
 * Its number is never stored: it is the node's position in document order. `notes.save` reads
 * the footnotes with `collectFootnotes` and writes citation rows in the same transaction, so undo
 * in the editor (which restores the node) restores the citation at the next save.
 */
export const FOOTNOTE_NODE_TYPE = 'footnote';

export interface FootnoteJson {
  type: typeof FOOTNOTE_NODE_TYPE;
  version: 1;
  citations: CitationRef[];
  commentary: string;
}

export interface CollectedFootnote {
  /** 1-based number in document order. */
  number: number;
  citations: CitationRef[];
  commentary: string;
}

/** Every footnote of a note in document order, with its citations validated (throws on bad ones). */
export function collectFootnotes(note: LexicalJson | null): CollectedFootnote[] {
  const out: CollectedFootnote[] = [];
  if (!note) return out;
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const n = node as Record<string, unknown>;
    if (n.type === FOOTNOTE_NODE_TYPE) {
      const number = out.length + 1;
      const raw = Array.isArray(n.citations) ? n.citations : [];
      const citations = raw.map((c, i) => {
        const parsed = CitationRef.safeParse(c);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new FootnoteError(`Footnote ${number}, citation ${i + 1}: ${issue ? `${issue.path.join('.') || 'citation'}: ${issue.message}` : 'invalid'}`);
        }
        return parsed.data;
      });
      out.push({ number, citations, commentary: typeof n.commentary === 'string' ? n.commentary : '' });
      return;
    }
    if (Array.isArray(n.children)) n.children.forEach(visit);
  };
  visit(note.root);
  return out;
}

export class FootnoteError extends Error {
  override name = 'FootnoteError';
}
