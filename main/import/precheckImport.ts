import { AppError } from '../../common/errors';
import { MAX_ENTRIES } from './importTypes';

/**
 * The checks that need no parsing (empty file, binary data), cheap enough for the main process to
 * answer at once instead of starting a job process for them.
 */
export function precheckImport(text: string, fileName: string): void {
  const label = fileName ? `“${fileName}”` : 'The file';
  if (looksBinary(text)) {
    throw new AppError('INVALID_INPUT', `${label} is not a text bibliography (it contains binary data); choose a BibTeX, RIS or CSL-JSON file.`);
  }
  if (/^\uFEFF?\s*$/.test(text)) throw new AppError('INVALID_INPUT', `${label} is empty: no entries found.`);
}

/** NUL bytes, or many control characters / replacement characters (bytes that were not UTF-8). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  return odd > 8 && odd > sample.length / 100;
}

/** Refuses a file with more than 100,000 entries as soon as they are counted, before parsing them. */
export function assertEntryCount(count: number): void {
  if (count > MAX_ENTRIES) {
    throw new AppError('LIMIT', `The file has ${count.toLocaleString('en')} entries; at most ${MAX_ENTRIES.toLocaleString('en')} can be imported at once. Split the file.`);
  }
}
