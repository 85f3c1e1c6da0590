import type { CslItem } from '../../common/domain/sources';
import { bibEntry } from './bibtexWriter';
import { cslJsonItem } from './cslJsonWriter';
import { risRecord } from './risWriter';

/**
 * Exports sources as bibliography data for reference managers and LaTeX: BibTeX, BibLaTeX, RIS
 * or CSL-JSON. Each record's citekey is its key in every format (BibTeX key, RIS `ID`, CSL-JSON
 * `id` and `citation-key`); our internal id is never written. Entries keep the order given and
 * fields a fixed order, so the same sources always give the same file. What each format cannot
 * carry is listed in `tests/node/exportSourceData.test.ts`, which checks the round trip through
 * our importer.
 */

export type SourceDataFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json';

export const SOURCE_DATA_EXTENSIONS: Record<SourceDataFormat, string> = {
  bibtex: '.bib',
  biblatex: '.bib',
  ris: '.ris',
  'csl-json': '.json',
};

/** Characters a citekey may hold (as `Citekey` in common/domain/sources.ts allows). */
const NOT_KEY_CHAR = /[^\p{L}\p{N}_:.\-/+]/gu;

/**
 * The key of each record: its `citation-key` reduced to citekey characters, else `itemN` (its
 * position); a key already used gets `-2`, `-3`…, so keys are unique within the file.
 */
export function exportKeys(items: CslItem[]): string[] {
  const used = new Set<string>();
  return items.map((item, i) => {
    const raw = typeof item['citation-key'] === 'string' ? item['citation-key'] : '';
    const base = raw.replace(NOT_KEY_CHAR, '').slice(0, 100) || `item${i + 1}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

/** items: CSL-JSON records as stored (each has `id` = our UUID and `citation-key` = its readable unique citekey). */
export function exportSourceData(items: CslItem[], format: SourceDataFormat): string {
  const records = items.map((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? item : {}));
  const keys = exportKeys(records);
  switch (format) {
    case 'bibtex':
    case 'biblatex':
      return records.map((item, i) => bibEntry(item, keys[i] as string, format)).join('\n');
    case 'ris':
      return records.map((item, i) => risRecord(item, keys[i] as string)).join('\r\n');
    case 'csl-json':
      return `${JSON.stringify(
        records.map((item, i) => cslJsonItem(item, keys[i] as string)),
        null,
        2,
      )}\n`;
  }
}
