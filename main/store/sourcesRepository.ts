import type Database from 'better-sqlite3';
import type { CslItem } from '../../common/domain/sources';
import type { Stamp } from './fieldsRepository';
import {
  authorsDisplay,
  creatorsOf,
  cslText,
  cslYear,
  nameSearchText,
  normaliseDoi,
  normaliseIsbn,
  titleAuthorYearKey,
} from './sourceIdentity';

/** A `sources` row as the store uses it (CSL still as JSON text). */
export interface SourceRecord {
  id: string;
  ftsRowid: number;
  citekey: string;
  csl: string;
  type: string;
  title: string;
  authors: string;
  year: number | null;
  container: string;
  doi: string | null;
  isbn: string | null;
  identityKey: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** Columns derived from the CSL record, recomputed on every write. */
export interface SourceColumns {
  type: string;
  title: string;
  authors: string;
  year: number | null;
  container: string;
  doi: string | null;
  isbn: string | null;
  identityKey: string | null;
  /** Every creator's full name, for the full-text index (the table shows `authors`). */
  searchAuthors: string;
}

/** The sorting, search and identity columns of a CSL record. */
export function deriveSourceColumns(csl: CslItem): SourceColumns {
  const type = cslText(csl, 'type') || 'document';
  return {
    type,
    title: cslText(csl, 'title'),
    authors: authorsDisplay(csl),
    year: cslYear(csl),
    container: cslText(csl, 'container-title'),
    doi: normaliseDoi(csl.DOI),
    isbn: normaliseIsbn(csl.ISBN),
    identityKey: titleAuthorYearKey(csl),
    searchAuthors: creatorsOf(csl).map(nameSearchText).join('; '),
  };
}

export const SOURCE_COLUMNS_SQL = `s.id AS id, s.fts_rowid AS ftsRowid, s.citekey AS citekey, s.csl AS csl, s.type AS type,
  s.title AS title, s.authors AS authors, s.year AS year, s.container AS container, s.doi AS doi, s.isbn AS isbn,
  s.identity_key AS identityKey, s.created_at AS createdAt, s.updated_at AS updatedAt, s.updated_by AS updatedBy`;

/** SQL for the number of live citations of `s` from cases that still exist (live or in the Trash). */
export const CITED_IN_SQL = `(SELECT count(*) FROM citations ci JOIN cases ca ON ca.id = ci.case_id
  WHERE ci.source_id = s.id AND ci.deleted_at IS NULL AND ca.deleted_at IS NULL)`;

type WriteRow = SourceColumns & Stamp & { id: string; citekey: string; csl: string };

/**
 * Sources (`sources`) and their full-text rows (`sources_fts`, keyed by `sources.fts_rowid`).
 * The FTS row is rewritten by every write here, inside the caller's transaction.
 */
export function createSourcesRepository(db: Database.Database) {
  const get = db.prepare<[string], SourceRecord>(`SELECT ${SOURCE_COLUMNS_SQL} FROM sources s WHERE s.id = ? AND s.deleted_at IS NULL`);
  const getAny = db.prepare<[string], SourceRecord & { deletedAt: string | null }>(
    `SELECT ${SOURCE_COLUMNS_SQL}, s.deleted_at AS deletedAt FROM sources s WHERE s.id = ?`,
  );
  const byIds = db.prepare<[string], SourceRecord & { citedIn: number }>(
    `SELECT ${SOURCE_COLUMNS_SQL}, ${CITED_IN_SQL} AS citedIn FROM sources s
     WHERE s.id IN (SELECT value FROM json_each(?)) AND s.deleted_at IS NULL`,
  );
  const byCitekey = db.prepare<[string], { id: string }>('SELECT id FROM sources WHERE citekey = ? AND deleted_at IS NULL');
  // A range over the unique citekey index: every live key that starts with the prefix.
  const byCitekeyPrefix = db.prepare<{ from: string; to: string }, { id: string; citekey: string }>(
    'SELECT id, citekey FROM sources WHERE citekey >= @from AND citekey < @to AND deleted_at IS NULL',
  );
  const nextFtsRowid = db.prepare<[], { n: number }>('SELECT coalesce(max(fts_rowid), 0) + 1 AS n FROM sources');
  const insert = db.prepare(
    `INSERT INTO sources (id, fts_rowid, citekey, csl, type, title, authors, year, container, doi, isbn, identity_key,
       created_at, updated_at, updated_by)
     VALUES (@id, @ftsRowid, @citekey, @csl, @type, @title, @authors, @year, @container, @doi, @isbn, @identityKey,
       @createdAt, @updatedAt, @updatedBy)`,
  );
  const update = db.prepare(
    `UPDATE sources SET citekey = @citekey, csl = @csl, type = @type, title = @title, authors = @authors, year = @year,
       container = @container, doi = @doi, isbn = @isbn, identity_key = @identityKey,
       updated_at = @updatedAt, updated_by = @updatedBy
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const tombstone = db.prepare(
    'UPDATE sources SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id AND deleted_at IS NULL',
  );
  const identities = db.prepare<[], { id: string; citekey: string; title: string; doi: string | null; isbn: string | null; titleAuthorYear: string | null }>(
    `SELECT id, citekey, title, doi, isbn, identity_key AS titleAuthorYear FROM sources WHERE deleted_at IS NULL`,
  );
  const exportAll = db.prepare<[], { id: string; citekey: string; csl: string }>(
    'SELECT id, citekey, csl FROM sources WHERE deleted_at IS NULL ORDER BY citekey',
  );
  const cslByIds = db.prepare<[string], { id: string; citekey: string; csl: string; updatedAt: string; deletedAt: string | null }>(
    `SELECT id, citekey, csl, updated_at AS updatedAt, deleted_at AS deletedAt FROM sources WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const ftsDelete = db.prepare('DELETE FROM sources_fts WHERE rowid = ?');
  const ftsInsert = db.prepare(
    'INSERT INTO sources_fts (rowid, citekey, authors, title, year, container) VALUES (@rowid, @citekey, @authors, @title, @year, @container)',
  );

  function writeFts(rowid: number, row: { citekey: string; searchAuthors: string; title: string; year: number | null; container: string }): void {
    ftsDelete.run(rowid);
    ftsInsert.run({ rowid, citekey: row.citekey, authors: row.searchAuthors, title: row.title, year: row.year === null ? '' : String(row.year), container: row.container });
  }

  return {
    /** A live (not tombstoned) source. */
    get: (id: string): SourceRecord | undefined => get.get(id),
    /** A source whether or not it is tombstoned (citations may point at deleted ones). */
    getAny: (id: string) => getAny.get(id),
    /** Live sources by id with their cited-in counts, in no particular order. */
    rowsByIds: (ids: string[]) => byIds.all(JSON.stringify(ids)),
    citekeyTaken: (citekey: string): boolean => byCitekey.get(citekey) !== undefined,
    findByCitekey: (citekey: string): string | undefined => byCitekey.get(citekey)?.id,
    citekeysStartingWith: (prefix: string) => byCitekeyPrefix.all({ from: prefix, to: `${prefix}\u{10FFFF}` }),
    insert(row: WriteRow & { createdAt: string }): void {
      const ftsRowid = nextFtsRowid.get()?.n ?? 1;
      insert.run({ ...row, ftsRowid });
      writeFts(ftsRowid, row);
    },
    update(row: WriteRow, ftsRowid: number): void {
      update.run(row);
      writeFts(ftsRowid, row);
    },
    tombstone(id: string, ftsRowid: number, deletedAt: string, stamp: Stamp): void {
      tombstone.run({ id, deletedAt, ...stamp });
      ftsDelete.run(ftsRowid);
    },
    identities: () => identities.all(),
    exportAll: () => exportAll.all(),
    cslByIds: (ids: string[]) => cslByIds.all(JSON.stringify(ids)),
  };
}
export type SourcesRepository = ReturnType<typeof createSourcesRepository>;
