import { logger, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

/**
 * citation-js keeps every warning it ever logged in memory (even when silent); a 100,000-entry
 * import would hold them all, so the parsers empty that log as they go.
 */
export function clearCitationJsLog(): void {
  logger._log.length = 0;
}

/** One BibTeX/BibLaTeX entry after the syntax step: field values are still LaTeX. */
export interface RawBibEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

/** Syntax-parses BibTeX text (macros expanded, nothing decoded); throws SyntaxError with citation-js's position. */
export function parseBibtexSyntax(text: string): RawBibEntry[] {
  return plugins.input.data(text, '@biblatex/text') as RawBibEntry[];
}

/** Maps one syntax-parsed BibLaTeX entry to CSL-JSON (LaTeX decoded, types and fields mapped). */
export function bibEntryToCsl(entry: RawBibEntry): Record<string, unknown> {
  const [item] = plugins.input.data([entry], '@biblatex/entries+list') as Record<string, unknown>[];
  return item ?? {};
}

/** Maps several entries at once (much faster than one by one); throws if any of them fails. */
export function bibEntriesToCsl(entries: RawBibEntry[]): Record<string, unknown>[] {
  return plugins.input.data(entries, '@biblatex/entries+list') as Record<string, unknown>[];
}

/** Parses one RIS record's text into tag → value(s). */
export function parseRisRecords(text: string): Record<string, unknown>[] {
  return plugins.input.data(text, '@ris/file') as Record<string, unknown>[];
}

/** Converts a parsed RIS record, or a CSL-JSON object, into a cleaned CSL-JSON item. */
export function toCsl(record: unknown): Record<string, unknown> {
  const [item] = plugins.input.chain(record, { generateGraph: false }) as Record<string, unknown>[];
  return item ?? {};
}
