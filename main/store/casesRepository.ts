import type Database from 'better-sqlite3';
import type { CaseStatus } from '../../common/domain/schemas';
import type { Stamp } from './fieldsRepository';

/** A `cases` row as the store uses it (built-in columns; values, tags and actors live elsewhere). */
export interface CaseRecord {
  id: string;
  ftsRowid: number;
  title: string;
  summary: string;
  periodStart: string | null;
  periodEnd: string | null;
  region: string;
  status: CaseStatus;
  noteJson: string | null;
  noteText: string;
  noteUpdatedAt: string | null;
  trashedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export type CaseBuiltins = Pick<CaseRecord, 'title' | 'summary' | 'periodStart' | 'periodEnd' | 'region' | 'status'>;

export interface FtsDocument {
  title: string;
  summary: string;
  fields: string;
  note: string;
}

/** Column list shared with the list query, which selects the same shape. */
export const CASE_COLUMNS = `c.id AS id, c.fts_rowid AS ftsRowid, c.title AS title, c.summary AS summary,
  c.period_start AS periodStart, c.period_end AS periodEnd, c.region AS region, c.status AS status,
  n.note_json AS noteJson, coalesce(n.note_text, '') AS noteText, n.updated_at AS noteUpdatedAt, c.trashed_at AS trashedAt,
  c.created_at AS createdAt, c.updated_at AS updatedAt, c.updated_by AS updatedBy`;

/** Row columns without the note body, for table pages. */
export const CASE_ROW_COLUMNS = `c.id AS id, c.fts_rowid AS ftsRowid, c.title AS title, c.summary AS summary,
  c.period_start AS periodStart, c.period_end AS periodEnd, c.region AS region, c.status AS status,
  NULL AS noteJson, '' AS noteText, NULL AS noteUpdatedAt, c.trashed_at AS trashedAt,
  c.created_at AS createdAt, c.updated_at AS updatedAt, c.updated_by AS updatedBy`;

/**
 * Cases (`cases`) and their full-text rows (`cases_fts`, keyed by `cases.fts_rowid`). The FTS row
 * is written by the service in the same transaction as every change that affects its text.
 */
export function createCasesRepository(db: Database.Database) {
  const get = db.prepare<[string], CaseRecord>(
    `SELECT ${CASE_COLUMNS} FROM cases c LEFT JOIN case_notes n ON n.case_id = c.id AND n.deleted_at IS NULL
     WHERE c.id = ? AND c.deleted_at IS NULL`,
  );
  const byIds = db.prepare<[string], CaseRecord>(
    `SELECT ${CASE_ROW_COLUMNS} FROM cases c WHERE c.id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL`,
  );
  const nextFtsRowid = db.prepare<[], { n: number }>('SELECT coalesce(max(fts_rowid), 0) + 1 AS n FROM cases');
  const insert = db.prepare(
    `INSERT INTO cases (id, fts_rowid, title, summary, period_start, period_end, region, status, created_at, updated_at, updated_by)
     VALUES (@id, @ftsRowid, @title, @summary, @periodStart, @periodEnd, @region, @status, @createdAt, @updatedAt, @updatedBy)`,
  );
  const update = db.prepare(
    `UPDATE cases SET title = @title, summary = @summary, period_start = @periodStart, period_end = @periodEnd,
       region = @region, status = @status, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id`,
  );
  const setNote = db.prepare(
    `INSERT INTO case_notes (case_id, note_json, note_text, created_at, updated_at, updated_by)
     VALUES (@id, @noteJson, @noteText, @createdAt, @noteUpdatedAt, @updatedBy)
     ON CONFLICT (case_id) DO UPDATE SET note_json = excluded.note_json, note_text = excluded.note_text,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by, deleted_at = NULL`,
  );
  const tombstoneNote = db.prepare(
    'UPDATE case_notes SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE case_id = @id AND deleted_at IS NULL',
  );
  const touch = db.prepare('UPDATE cases SET updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id');
  const setTrashed = db.prepare(
    'UPDATE cases SET trashed_at = @trashedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id',
  );
  const tombstone = db.prepare(
    'UPDATE cases SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id AND deleted_at IS NULL',
  );
  const tombstoneCitations = db.prepare(
    'UPDATE citations SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE case_id = @id AND deleted_at IS NULL',
  );
  const tombstoneCaseLinks = db.prepare(
    `UPDATE case_links SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy
     WHERE (from_case_id = @id OR to_case_id = @id) AND deleted_at IS NULL`,
  );
  const ftsDelete = db.prepare('DELETE FROM cases_fts WHERE rowid = ?');
  const ftsInsert = db.prepare(
    'INSERT INTO cases_fts (rowid, title, summary, fields, note) VALUES (@rowid, @title, @summary, @fields, @note)',
  );

  return {
    /** A case that is not tombstoned (live or in the Trash). */
    get: (id: string): CaseRecord | undefined => get.get(id),
    /** Table rows (no note body) for a batch of ids, in no particular order. */
    rowsByIds: (ids: string[]): CaseRecord[] => byIds.all(JSON.stringify(ids)),
    nextFtsRowid: (): number => nextFtsRowid.get()?.n ?? 1,
    insert(record: CaseBuiltins & Stamp & { id: string; ftsRowid: number; createdAt: string }): void {
      insert.run(record);
    },
    update(id: string, builtins: CaseBuiltins, stamp: Stamp): void {
      update.run({ id, ...builtins, ...stamp });
    },
    /** Writes the case's note row and stamps the case as changed (its “last changed” shows note edits). */
    setNote(id: string, note: { noteJson: string; noteText: string; noteUpdatedAt: string }, stamp: Stamp): void {
      setNote.run({ id, ...note, createdAt: new Date().toISOString(), updatedBy: stamp.updatedBy });
      touch.run({ id, ...stamp });
    },
    touch(id: string, stamp: Stamp): void {
      touch.run({ id, ...stamp });
    },
    setTrashed(id: string, trashedAt: string | null, stamp: Stamp): void {
      setTrashed.run({ id, trashedAt, ...stamp });
    },
    tombstone(id: string, deletedAt: string, stamp: Stamp): void {
      tombstone.run({ id, deletedAt, ...stamp });
    },
    /** Tombstones the case's note, citations and links to or from other cases (for "Delete forever"). */
    tombstoneDependants(id: string, deletedAt: string, stamp: Stamp): void {
      tombstoneNote.run({ id, deletedAt, ...stamp });
      tombstoneCitations.run({ id, deletedAt, ...stamp });
      tombstoneCaseLinks.run({ id, deletedAt, ...stamp });
    },
    /** Replaces the case's full-text row. */
    writeFts(rowid: number, doc: FtsDocument): void {
      ftsDelete.run(rowid);
      ftsInsert.run({ rowid, ...doc });
    },
    deleteFts(rowid: number): void {
      ftsDelete.run(rowid);
    },
  };
}
export type CasesRepository = ReturnType<typeof createCasesRepository>;
