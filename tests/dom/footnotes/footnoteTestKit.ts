import type { LexicalEditor } from 'lexical';
import type { CitationRef } from '../../../common/domain/sources';
import type { FootnoteJson } from '../../../common/editor/footnotes';
import { newId } from '../../../common/ids';

/** A citation with fresh ids; `sourceId` defaults to a made-up source (fine where nothing resolves it). */
export function buildCitation(patch: Partial<CitationRef> = {}): CitationRef {
  return { id: newId(), sourceId: newId(), locator: '', label: 'page', prefix: '', suffix: '', quote: '', ...patch };
}

/** A serialized footnote node, as the editor writes it. */
export function footnote(citations: CitationRef[], commentary = ''): FootnoteJson & Record<string, unknown> {
  return { type: 'footnote', version: 1, citations, commentary };
}

/** The Lexical editor behind a rendered note (Lexical keeps it on its root element). */
export function lexicalEditorOf(element: HTMLElement): LexicalEditor {
  const editor: unknown = Reflect.get(element, '__lexicalEditor');
  if (typeof editor !== 'object' || editor === null) throw new Error('no Lexical editor on this element');
  return editor as LexicalEditor;
}

/** Footnote numbers as shown in the text, in document order. */
export function markerNames(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLButtonElement>('button.cb-footnote__marker')].map((b) => b.getAttribute('aria-label') ?? '');
}
