import type { ImportFormat, ImportProblem } from '../../common/domain/sources';
import { AppError } from '../../common/errors';
import { openKb } from '../db/openKb';
import { createWriteContext } from '../store/kbSession';
import { createSourcesService, type ImportItem } from '../store/sourcesService';
import { findDuplicates, type DuplicateOf } from './findDuplicates';
import type { ParsedEntry, ProgressFn } from './importTypes';
import { parseImport } from './parseImport';

export interface PreviewRequest {
  kbPath: string;
  text: string;
  fileName: string;
  format?: ImportFormat | undefined;
}

/** What the preview job hands back: parsed entries, problems, and which entries are already stored. */
export interface PreviewResult {
  format: ImportFormat;
  entries: ParsedEntry[];
  errors: ImportProblem[];
  duplicates: [number, DuplicateOf][];
}

export interface CommitRequest {
  kbPath: string;
  who: string;
  items: ImportItem[];
}

export interface CommitCounts {
  imported: number;
  merged: number;
  skipped: number;
}

/**
 * The preview's heavy part: parse the file, then compare every entry with the sources already in
 * the knowledge base (read through a read-only connection of its own).
 */
export function runPreview(request: PreviewRequest, onProgress: ProgressFn): PreviewResult {
  const parsed = parseImport(request, onProgress);
  onProgress('checking duplicates', 0, parsed.entries.length);
  const opened = openKb(request.kbPath, { readOnly: true });
  let duplicates: Map<number, DuplicateOf>;
  try {
    const known = createSourcesService(createWriteContext(opened.db, () => '')).identities();
    duplicates = findDuplicates(parsed.entries, known);
  } finally {
    opened.db.close();
  }
  onProgress('checking duplicates', parsed.entries.length, parsed.entries.length);
  return { format: parsed.format, entries: parsed.entries, errors: parsed.errors, duplicates: [...duplicates] };
}

/**
 * Writes an import in one transaction on a connection of its own. `beforeCommit` runs after every
 * row is written and before COMMIT: the job process waits there for main's go-ahead, so a cancel
 * that arrives in time always leaves nothing written (killing the process mid-transaction leaves
 * a hot journal that SQLite rolls back on the next open).
 */
export async function runCommit(request: CommitRequest, onProgress: ProgressFn, beforeCommit?: () => Promise<void>): Promise<CommitCounts> {
  // The window (or CLI command) that asked for the import holds the writer's lock.
  const opened = openKb(request.kbPath, { lock: false });
  const { db } = opened;
  try {
    if (opened.readOnly) throw new AppError('READ_ONLY', opened.readOnlyReason ?? 'This knowledge base is open read-only.');
    // Keep every change in this connection's cache until COMMIT: spilling to the file would take
    // the exclusive lock early and make the app's own reads wait for the whole import.
    db.pragma('cache_size = -262144');
    const service = createSourcesService(createWriteContext(db, () => request.who));
    db.exec('BEGIN IMMEDIATE');
    try {
      const counts = service.importItems(request.items, (done, total) => onProgress('writing', done, total));
      await beforeCommit?.();
      db.exec('COMMIT');
      return counts;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  } finally {
    db.close();
  }
}
