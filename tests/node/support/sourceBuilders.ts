import type { CitationRef, CslItem } from '../../../common/domain/sources';
import type { LexicalJson } from '../../../common/domain/schemas';
import { newId } from '../../../common/ids';

/** A CSL book record; override any variable. */
export function buildBook(overrides: CslItem = {}): CslItem {
  return {
    type: 'book',
    title: 'Taming Intractable Conflicts',
    author: [
      { family: 'Crocker', given: 'Chester A.' },
      { family: 'Hampson', given: 'Fen Osler' },
      { family: 'Aall', given: 'Pamela' },
    ],
    issued: { 'date-parts': [[2004]] },
    publisher: 'United States Institute of Peace Press',
    'publisher-place': 'Washington, DC',
    ...overrides,
  };
}

export function buildArticle(overrides: CslItem = {}): CslItem {
  return {
    type: 'article-journal',
    title: 'Piracy off the Horn of Africa',
    author: [{ family: 'Menkhaus', given: 'Ken' }],
    'container-title': 'International Affairs',
    volume: '85',
    issue: '3',
    page: '471-489',
    issued: { 'date-parts': [[2009]] },
    ...overrides,
  };
}

/** One citation of a footnote (a fresh id unless given). */
export function cite(sourceId: string, more: Partial<CitationRef> = {}): CitationRef {
  return { id: newId(), sourceId, locator: '', label: 'page', prefix: '', suffix: '', quote: '', ...more };
}

/**
 * A note with one paragraph per footnote: "Sentence n." followed by a footnote node carrying the
 * given citations, as the editor saves it.
 */
export function noteWithFootnotes(...footnotes: CitationRef[][]): LexicalJson {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: footnotes.map((citations, i) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', version: 1, text: `Sentence ${i + 1}.`, format: 0, style: '', mode: 'normal', detail: 0 },
          { type: 'footnote', version: 1, citations, commentary: '' },
        ],
      })),
    },
  };
}
