import type Database from 'better-sqlite3';
import type { MergeCounts } from '../../common/domain/sharing';
import type { WriteContext } from '../store/kbSession';
import { kbStoreFor } from '../store/kbStore';
import { createSourcesRepository, deriveSourceColumns } from '../store/sourcesRepository';
import { parseStoredCsl } from '../store/sourcesCsl';
import type { SyncedTable } from './peers';

/**
 * How each synced table travels in a merge: which columns are copied between files, which say
 * what the record is (compared to tell a real difference from a mere re-save), which hold ids of
 * other records, and which natural key makes two independently created records one. Shared by the
 * merge, conflict resolution and undo, so all three read and write rows the same way.
 */

export type SqlValue = string | number | bigint | Buffer | null;
export type Row = Record<string, SqlValue>;

export interface TableSpec {
  table: SyncedTable;
  /** Primary key column. */
  key: 'id' | 'case_id' | 'key';
  /** Synced columns (key first); local and derived-for-this-file columns are not listed. */
  columns: readonly string[];
  /** Columns that say what the record is; `deleted_at` is compared as a flag on its own. */
  content: readonly string[];
  hasDeletedAt: boolean;
  /** Columns holding ids of records in another table (translated through merge_aliases). */
  refs: Readonly<Record<string, SyncedTable>>;
  /** The column naming the case a record belongs to, for search reindexing and grouping. */
  caseColumn: string | null;
  /** Where the row is counted in a MergeReport. */
  counts: keyof MergeCounts;
  /** Progress phase while the table merges. */
  phase: string;
  /**
   * Versions edited on both sides since the last exchange: a conflict for the analyst, or the
   * newest wins (citations follow their note, whose own conflict decides them; saved layouts are
   * not worth a question).
   */
  bothEdited: 'conflict' | 'newest';
  /**
   * Records created independently on both sides that are the same thing: `entity` (a tag, field,
   * actor or saved view of the same name: the newest version wins), `link` (a case's value of a
   * field, tag or actor link: compared like any record), `duplicate` (a source with the same DOI,
   * ISBN or title + author + year: ours is kept).
   */
  match: 'entity' | 'link' | 'duplicate' | null;
}

const STAMP = ['created_at', 'updated_at', 'updated_by', 'deleted_at'] as const;

function spec(s: Omit<TableSpec, 'columns' | 'hasDeletedAt'> & { own: readonly string[]; stamp?: readonly string[] }): TableSpec {
  const stamp = s.stamp ?? STAMP;
  const { own, stamp: _stamp, ...rest } = s;
  return { ...rest, columns: [s.key, ...own, ...stamp], hasDeletedAt: stamp.includes('deleted_at') };
}

/** Every synced table in foreign-key order: a record's parents come before it. */
export const TABLE_SPECS: readonly TableSpec[] = [
  spec({ table: 'kb_settings', key: 'key', own: ['value'], stamp: ['updated_at', 'updated_by'], content: ['value'], refs: {}, caseColumn: null, counts: 'other', phase: 'merging settings', bothEdited: 'conflict', match: null }),
  spec({ table: 'fields', key: 'id', own: ['name', 'type', 'options', 'position'], content: ['name', 'type', 'options', 'position'], refs: {}, caseColumn: null, counts: 'other', phase: 'merging fields', bothEdited: 'conflict', match: 'entity' }),
  spec({ table: 'tags', key: 'id', own: ['name'], content: ['name'], refs: {}, caseColumn: null, counts: 'other', phase: 'merging tags', bothEdited: 'conflict', match: 'entity' }),
  spec({ table: 'actors', key: 'id', own: ['name', 'abbreviation', 'kind'], content: ['name', 'abbreviation', 'kind'], refs: {}, caseColumn: null, counts: 'other', phase: 'merging actors', bothEdited: 'conflict', match: 'entity' }),
  spec({ table: 'sources', key: 'id', own: ['citekey', 'csl'], content: ['citekey', 'csl'], refs: {}, caseColumn: null, counts: 'sources', phase: 'merging sources', bothEdited: 'conflict', match: 'duplicate' }),
  spec({
    table: 'cases',
    key: 'id',
    own: ['title', 'summary', 'period_start', 'period_end', 'region', 'status', 'trashed_at'],
    content: ['title', 'summary', 'period_start', 'period_end', 'region', 'status', 'trashed_at'],
    refs: {},
    caseColumn: 'id',
    counts: 'cases',
    phase: 'merging cases',
    bothEdited: 'conflict',
    match: null,
  }),
  // note_text is derived from note_json by the same code on both sides, so it is copied with it.
  spec({ table: 'case_notes', key: 'case_id', own: ['note_json', 'note_text'], content: ['note_json'], refs: {}, caseColumn: 'case_id', counts: 'other', phase: 'merging notes', bothEdited: 'conflict', match: null }),
  spec({
    table: 'case_values',
    key: 'id',
    own: ['case_id', 'field_id', 'value', 'sort_text', 'sort_num'],
    content: ['case_id', 'field_id', 'value'],
    refs: { field_id: 'fields' },
    caseColumn: 'case_id',
    counts: 'other',
    phase: 'merging field values',
    bothEdited: 'conflict',
    match: 'link',
  }),
  spec({ table: 'case_tags', key: 'id', own: ['case_id', 'tag_id'], content: ['case_id', 'tag_id'], refs: { tag_id: 'tags' }, caseColumn: 'case_id', counts: 'other', phase: 'merging case tags', bothEdited: 'conflict', match: 'link' }),
  spec({
    table: 'case_actors',
    key: 'id',
    own: ['case_id', 'actor_id', 'role', 'position'],
    content: ['case_id', 'actor_id', 'role', 'position'],
    refs: { actor_id: 'actors' },
    caseColumn: 'case_id',
    counts: 'other',
    phase: 'merging case actors',
    bothEdited: 'conflict',
    match: 'link',
  }),
  spec({
    table: 'citations',
    key: 'id',
    own: ['case_id', 'source_id', 'locator', 'label', 'prefix', 'suffix', 'quote'],
    content: ['case_id', 'source_id', 'locator', 'label', 'prefix', 'suffix', 'quote'],
    refs: { source_id: 'sources' },
    caseColumn: 'case_id',
    counts: 'other',
    phase: 'merging citations',
    bothEdited: 'newest',
    match: null,
  }),
  spec({ table: 'case_links', key: 'id', own: ['from_case_id', 'to_case_id', 'label'], content: ['from_case_id', 'to_case_id', 'label'], refs: {}, caseColumn: 'from_case_id', counts: 'other', phase: 'merging case links', bothEdited: 'conflict', match: null }),
  spec({ table: 'saved_views', key: 'id', own: ['table_name', 'name', 'layout'], content: ['table_name', 'name', 'layout'], refs: {}, caseColumn: null, counts: 'other', phase: 'merging saved views', bothEdited: 'newest', match: 'entity' }),
];

const BY_TABLE = new Map<string, TableSpec>(TABLE_SPECS.map((s) => [s.table, s]));

export function specOf(table: string): TableSpec {
  const s = BY_TABLE.get(table);
  if (!s) throw new Error(`Not a synced table: ${table}`);
  return s;
}

export function isDeleted(s: TableSpec, row: Row): boolean {
  return s.hasDeletedAt && row.deleted_at !== null && row.deleted_at !== undefined;
}

/** Whether two versions say the same thing (who saved them when aside; two deletions are equal). */
export function sameContent(s: TableSpec, a: Row, b: Row): boolean {
  const da = isDeleted(s, a);
  if (da !== isDeleted(s, b)) return false;
  if (da) return true;
  return s.content.every((c) => a[c] === b[c]);
}

/** The synced columns of a row only (drops anything else a query returned). */
export function pick(s: TableSpec, row: Row): Row {
  const out: Row = {};
  for (const c of s.columns) out[c] = row[c] ?? null;
  return out;
}

/**
 * Row reads and writes by table, on one connection (statements prepared once). Writes set the
 * local columns a row needs in this file: a new `fts_rowid` for inserted cases and sources, and
 * the sources' derived columns (recomputed from the CSL, never taken from another file).
 */
export function createRowStore(db: Database.Database) {
  const select = new Map<string, Database.Statement<[string], Row>>();
  const insert = new Map<string, Database.Statement>();
  const update = new Map<string, Database.Statement>();
  const remove = new Map<string, Database.Statement<[string]>>();
  for (const s of TABLE_SPECS) {
    const cols = [...s.columns];
    const local: string[] = [];
    if (s.table === 'cases') local.push('fts_rowid');
    if (s.table === 'sources') local.push('fts_rowid', ...SOURCE_DERIVED);
    const derived = s.table === 'sources' ? SOURCE_DERIVED : [];
    select.set(s.table, db.prepare<[string], Row>(`SELECT ${cols.join(', ')} FROM main.${s.table} WHERE ${s.key} = ?`));
    insert.set(s.table, db.prepare(`INSERT INTO main.${s.table} (${[...cols, ...local].join(', ')}) VALUES (${[...cols, ...local].map((c) => `@${c}`).join(', ')})`));
    const set = [...cols.filter((c) => c !== s.key && c !== 'created_at'), ...derived].map((c) => `${c} = @${c}`);
    update.set(s.table, db.prepare(`UPDATE main.${s.table} SET ${set.join(', ')} WHERE ${s.key} = @${s.key}`));
    remove.set(s.table, db.prepare<[string]>(`DELETE FROM main.${s.table} WHERE ${s.key} = ?`));
  }
  const nextCaseFts = db.prepare<[], number>('SELECT coalesce(max(fts_rowid), 0) + 1 FROM main.cases').pluck();
  const nextSourceFts = db.prepare<[], number>('SELECT coalesce(max(fts_rowid), 0) + 1 FROM main.sources').pluck();

  const stmt = <T>(map: Map<string, T>, table: string): T => {
    const st = map.get(table);
    if (!st) throw new Error(`Not a synced table: ${table}`);
    return st;
  };

  return {
    /** Our row (synced columns), or undefined. */
    get: (s: TableSpec, key: string): Row | undefined => stmt(select, s.table).get(key),
    /** Inserts a row under its own key. */
    insert(s: TableSpec, row: Row): void {
      const values: Row = pick(s, row);
      if (s.table === 'cases') values.fts_rowid = nextCaseFts.get() ?? 1;
      if (s.table === 'sources') Object.assign(values, { fts_rowid: nextSourceFts.get() ?? 1 }, sourceDerived(row.csl));
      stmt(insert, s.table).run(values);
    },
    /** Overwrites every synced column but the key and created_at of our row `key`. */
    update(s: TableSpec, key: string, row: Row): void {
      const values: Row = pick(s, row);
      values[s.key] = key;
      delete values.created_at;
      if (s.table === 'sources') Object.assign(values, sourceDerived(row.csl));
      stmt(update, s.table).run(values);
    },
    /** Hard delete (undo of a row only a merge brought in). */
    delete(s: TableSpec, key: string): void {
      stmt(remove, s.table).run(key);
    },
  };
}
export type RowStore = ReturnType<typeof createRowStore>;

const SOURCE_DERIVED = ['type', 'title', 'authors', 'year', 'container', 'doi', 'isbn', 'identity_key'] as const;

function sourceDerived(csl: SqlValue | undefined): Row {
  const c = deriveSourceColumns(parseStoredCsl(typeof csl === 'string' ? csl : '{}'));
  return { type: c.type, title: c.title, authors: c.authors, year: c.year, container: c.container, doi: c.doi, isbn: c.isbn, identity_key: c.identityKey };
}

/**
 * Brings the search index up to date for cases and sources whose rows changed outside the store's
 * services (merge, conflict resolution, undo), with the store's own functions: a live or trashed
 * case gets its row rewritten by the cases service, a deleted one loses it; a source's row and
 * search row are rewritten by its repository.
 */
export function createReindexer(ctx: WriteContext) {
  const { db } = ctx;
  const store = kbStoreFor(ctx);
  const sources = createSourcesRepository(db);
  const caseState = db.prepare<[string], { ftsRowid: number; deletedAt: string | null }>(
    'SELECT fts_rowid AS ftsRowid, deleted_at AS deletedAt FROM main.cases WHERE id = ?',
  );
  const sourceRow = db.prepare<[string], { ftsRowid: number; citekey: string; csl: string; updatedAt: string; updatedBy: string; deletedAt: string | null }>(
    `SELECT fts_rowid AS ftsRowid, citekey, csl, updated_at AS updatedAt, updated_by AS updatedBy, deleted_at AS deletedAt
     FROM main.sources WHERE id = ?`,
  );

  return {
    case(id: string): void {
      const state = caseState.get(id);
      if (!state) return;
      if (state.deletedAt !== null) store.repos.cases.deleteFts(state.ftsRowid);
      else store.cases.reindex(id);
    },
    source(id: string): void {
      const row = sourceRow.get(id);
      if (!row) return;
      const stamp = { updatedAt: row.updatedAt, updatedBy: row.updatedBy };
      // Both calls leave the row's synced columns as they are: `update` rewrites the same values
      // with the derived columns and search row; `tombstone` of a row already tombstoned only
      // drops its search row.
      if (row.deletedAt === null) {
        sources.update({ id, citekey: row.citekey, csl: row.csl, ...deriveSourceColumns(parseStoredCsl(row.csl)), ...stamp }, row.ftsRowid);
      } else {
        sources.tombstone(id, row.ftsRowid, row.deletedAt, stamp);
      }
    },
  };
}
