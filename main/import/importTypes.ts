import type { ImportFormat, ImportProblem } from '../../common/domain/sources';

/** One importable entry of a parsed file: where it was, its key, and its CSL-JSON item. */
export interface ParsedEntry {
  /** Position among the file's entries (errored entries included), stable from preview to commit. */
  index: number;
  /** The entry's citation key (BibTeX key, RIS `ID`, CSL `citation-key`/`id`), '' when it has none. */
  key: string;
  line: number;
  csl: Record<string, unknown>;
}

/** A whole file after parsing: the entries that parsed and one problem per entry that did not. */
export interface ParsedImport {
  format: ImportFormat;
  entries: ParsedEntry[];
  errors: ImportProblem[];
}

/** Reports how far a long step has got; callers throttle. */
export type ProgressFn = (phase: string, done: number, total: number) => void;

/** At most this many entries per file, so a hostile file cannot exhaust memory. */
export const MAX_ENTRIES = 100_000;
