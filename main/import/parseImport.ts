import { AppError } from '../../common/errors';
import type { ImportFormat } from '../../common/domain/sources';
import { MAX_ENTRIES, type ParsedImport, type ProgressFn } from './importTypes';
import { parseBibtex } from './parseBibtex';
import { parseCslJson } from './parseCslJson';
import { parseRis } from './parseRis';
import { precheckImport } from './precheckImport';

export interface ParseRequest {
  text: string;
  fileName: string;
  format?: ImportFormat | undefined;
}

/**
 * Parses an import file into CSL-JSON entries and per-entry problems. Refuses, with a message
 * that names the file, what is not a bibliography at all: binary data, an empty file, a file in
 * no format we know, or more than 100,000 entries.
 */
export function parseImport({ text: input, fileName, format }: ParseRequest, onProgress: ProgressFn = () => {}): ParsedImport {
  const label = fileName ? `“${fileName}”` : 'The file';
  const text = input.replace(/^\uFEFF/, '');
  precheckImport(text, fileName);
  const detected = format ?? detectFormat(text, fileName);
  if (!detected) {
    throw new AppError('INVALID_INPUT', `${label} is not BibTeX, BibLaTeX, RIS or CSL-JSON: no entries found.`);
  }
  let result: ParsedImport;
  if (detected === 'bibtex' || detected === 'biblatex') {
    const r = parseBibtex(text, onProgress);
    result = { format: format ?? (r.biblatex ? 'biblatex' : 'bibtex'), entries: r.entries, errors: r.errors };
  } else if (detected === 'ris') {
    result = { format: detected, ...parseRis(text, onProgress) };
  } else {
    result = { format: detected, ...parseCslJson(text, onProgress) };
  }
  const total = result.entries.length + result.errors.length;
  if (total === 0) throw new AppError('INVALID_INPUT', `No entries found in ${fileName ? label : 'the file'} (read as ${describeFormat(result.format)}).`);
  if (total > MAX_ENTRIES) {
    throw new AppError('LIMIT', `${label} has ${total.toLocaleString('en')} entries; at most ${MAX_ENTRIES.toLocaleString('en')} can be imported at once. Split the file.`);
  }
  return result;
}

/**
 * The format from the content (what a file starts with and contains), else from the file name's
 * extension: exports are often misnamed (`.txt` RIS from a database, `.bib` holding CSL-JSON).
 */
export function detectFormat(text: string, fileName = ''): ImportFormat | null {
  const start = /\S/.exec(text)?.[0];
  if (start === '[' || start === '{') return 'csl-json';
  if (/^[ \t]*TY[ \t]{1,3}-/m.test(text.slice(0, 100_000))) return 'ris';
  if (/@[ \t]*[A-Za-z]+[ \t]*[{(]/.test(text)) return 'bibtex';
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'ris') return 'ris';
  if (ext === 'json') return 'csl-json';
  if (ext === 'bib' || ext === 'bibtex') return 'bibtex';
  return null;
}

export function describeFormat(format: ImportFormat): string {
  return { bibtex: 'BibTeX', biblatex: 'BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' }[format];
}
