import type { ImportFormat, ImportProblem } from '../../../../common/domain/sources';

/** Extensions the import accepts, for the file picker and for dropped files. */
export const IMPORT_EXTENSIONS = ['.bib', '.bibtex', '.ris', '.json'] as const;

/** The format a file name implies, or undefined to let the server detect it. */
export function formatForFileName(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex')) return 'bibtex';
  if (lower.endsWith('.ris')) return 'ris';
  if (lower.endsWith('.json')) return 'csl-json';
  return undefined;
}

export function isImportableFile(name: string): boolean {
  return formatForFileName(name) !== undefined;
}

/** The largest input `import.preview` accepts (see the contract). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * A problem as the analyst reads it: "Line 14: entry `smith2001` has no closing brace". Servers
 * that already put the line in the message are shown as they are.
 */
export function describeProblem(problem: ImportProblem): string {
  const message = problem.message.trim();
  if (/^line \d+/i.test(message)) return message;
  const where = problem.line > 0 ? `Line ${problem.line}` : 'Input';
  // Parsers phrase problems as predicates ("has no closing brace"): they read on from the entry.
  if (problem.entry && !message.includes(problem.entry)) return `${where}: entry \`${problem.entry}\`${/^[a-z]/.test(message) ? ' ' : ': '}${message}`;
  return `${where}: ${message}`;
}

const REASONS = {
  doi: 'same DOI',
  isbn: 'same ISBN',
  citekey: 'same citekey',
  'title-author-year': 'same title, first author and year',
} as const;

/** Why an entry counts as a duplicate, in words. */
export function duplicateReason(reason: keyof typeof REASONS): string {
  return REASONS[reason];
}
