import type { CitationRef, CslItem } from '../../common/domain/sources';

/**
 * The document every dossier export is written from: one or more cases, each with its fields and
 * its note as blocks of formatted runs, footnotes already formatted in the chosen style (numbered
 * through the whole document, so "Ibid." and short forms follow document order), and the
 * bibliography (null for a style without one). Renderers (DOCX, Markdown, HTML, RTF, text) only
 * turn this into bytes; they never look at the database or at citeproc.
 */

/** A stretch of text with one set of character formats. Text is plain (never markup). */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  smallCaps?: boolean;
  sup?: boolean;
  sub?: boolean;
}

export type Inline =
  | { kind: 'run'; run: Run }
  /** A link: `url` is untrusted (from a note); renderers keep only http(s) and mailto links. */
  | { kind: 'link'; url: string; runs: Run[] }
  /** A footnote reference; `number` indexes `Dossier.footnotes` (1-based). */
  | { kind: 'footnote'; number: number }
  | { kind: 'break' };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  | { kind: 'quote'; inlines: Inline[] }
  /** One list item; consecutive items form a list. `depth` 0 is the outermost level. */
  | { kind: 'listItem'; ordered: boolean; depth: number; inlines: Inline[] };

export interface DossierFootnote {
  /** 1-based, through the whole document. */
  number: number;
  /** The formatted citation(s) as the style prescribes (empty when the footnote has none). */
  citation: Run[];
  /** The analyst's own words after the citation ('' when none). */
  commentary: string;
  /** The citations as stored, with each source's citekey (null when the source is missing). */
  citations: (CitationRef & { citekey: string | null })[];
}

export interface DossierField {
  name: string;
  /** Display text ('' when empty): dates as written, lists joined with ", ". */
  value: string;
}

export interface DossierCase {
  id: string;
  title: string;
  fields: DossierField[];
  blocks: Block[];
}

export interface DossierStyle {
  id: string;
  title: string;
  /** `note` styles put citations in footnotes; `in-text` ones (APA, author-date) in the text. */
  class: 'note' | 'in-text';
  hasBibliography: boolean;
}

export interface Dossier {
  /** Document title: the case title for one case, otherwise a description of the scope. */
  title: string;
  style: DossierStyle;
  locale: string;
  cases: DossierCase[];
  footnotes: DossierFootnote[];
  /** Formatted entries in the style's order, or null when the style has no bibliography. */
  bibliography: Run[][] | null;
  /** The sources cited (CSL-JSON, `id` = citekey), for bibliography files beside Markdown. */
  sources: CslItem[];
  /** The style as CSL XML, for Pandoc beside Markdown. */
  styleXml: string;
  /** When the export was made (ISO 8601). */
  createdAt: string;
}

/** Concatenated text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Links worth keeping in an exported document: web and mail addresses only. */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(trimmed) ? trimmed : null;
}
