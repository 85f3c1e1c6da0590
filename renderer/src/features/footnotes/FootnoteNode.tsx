import type { ReactNode } from 'react';
import { $applyNodeReplacement, $getDocument, DecoratorNode } from 'lexical';
import type { DOMExportOutput, LexicalNode, NodeKey, SerializedLexicalNode } from 'lexical';
import { CitationRef } from '../../../../common/domain/sources';
import { FOOTNOTE_NODE_TYPE } from '../../../../common/editor/footnotes';
import type { FootnoteJson } from '../../../../common/editor/footnotes';
import { FootnoteMarker } from './FootnoteMarker';

/** What a footnote node serializes to: exactly `FootnoteJson`, which `notes.save` reads. */
export type SerializedFootnoteNode = FootnoteJson & SerializedLexicalNode;

/**
 * An inline footnote in a case note: its citations (in full, so undo restores them) and optional
 * commentary. It renders only its number, which is never stored — it comes from document order
 * (see `createFootnoteRegistry`) — so inserting or moving text renumbers every footnote at once.
 */
export class FootnoteNode extends DecoratorNode<ReactNode> {
  __citations: readonly CitationRef[];
  __commentary: string;

  static override getType(): string {
    return FOOTNOTE_NODE_TYPE;
  }

  static override clone(node: FootnoteNode): FootnoteNode {
    return new FootnoteNode(node.__citations, node.__commentary, node.__key);
  }

  /**
   * Reads a stored footnote. Citations are validated: a broken one throws, which makes the note
   * load as damaged and read-only instead of silently dropping a citation at the next save.
   */
  static override importJSON(json: Record<string, unknown>): FootnoteNode {
    const raw = Array.isArray(json.citations) ? (json.citations as unknown[]) : [];
    const citations = raw.map((c, index) => {
      const parsed = CitationRef.safeParse(c);
      if (!parsed.success) throw new Error(`Footnote citation ${index + 1} is invalid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
      return parsed.data;
    });
    return $createFootnoteNode(citations, typeof json.commentary === 'string' ? json.commentary : '');
  }

  constructor(citations: readonly CitationRef[] = [], commentary = '', key?: NodeKey) {
    super(key);
    this.__citations = citations;
    this.__commentary = commentary;
  }

  override exportJSON(): SerializedFootnoteNode {
    const latest = this.getLatest();
    return {
      type: FOOTNOTE_NODE_TYPE,
      version: 1,
      citations: latest.__citations.map((c) => ({ ...c })),
      commentary: latest.__commentary,
    };
  }

  override createDOM(): HTMLElement {
    const span = $getDocument().createElement('span');
    span.className = 'cb-footnote';
    return span;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Copy to other programs as a bare superscript marker; the number is filled in by the editor. */
  override exportDOM(): DOMExportOutput {
    const sup = $getDocument().createElement('sup');
    sup.textContent = '*';
    return { element: sup };
  }

  override isInline(): true {
    return true;
  }

  /** A footnote contributes nothing to the note's plain text (search, exports, word counts). */
  override getTextContent(): string {
    return '';
  }

  getCitations(): readonly CitationRef[] {
    return this.getLatest().__citations;
  }

  getCommentary(): string {
    return this.getLatest().__commentary;
  }

  setContent(citations: readonly CitationRef[], commentary: string): this {
    const writable = this.getWritable();
    writable.__citations = citations;
    writable.__commentary = commentary;
    return writable;
  }

  override decorate(): ReactNode {
    return <FootnoteMarker nodeKey={this.__key} citations={this.__citations} />;
  }
}

/** A new footnote node with these citations; ids come from the caller (UUIDv7, `newId()`). */
export function $createFootnoteNode(citations: readonly CitationRef[] = [], commentary = ''): FootnoteNode {
  return $applyNodeReplacement(new FootnoteNode(citations, commentary));
}

export function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode {
  return node instanceof FootnoteNode;
}
