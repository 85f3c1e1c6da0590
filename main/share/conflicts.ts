import type Database from 'better-sqlite3';
import type { LexicalJson } from '../../common/domain/schemas';
import type { ConflictChoices, ConflictDetail, ConflictField, ConflictKind, ConflictSummary } from '../../common/domain/sharing';
import { AppError } from '../../common/errors';
import { hlcToIso } from '../../common/hlc';
import type { WriteContext } from '../store/kbSession';
import { kbStoreFor } from '../store/kbStore';
import { createCitationsSync, readFootnotes } from '../store/citationsSync';
import { valueToText } from '../store/fieldValues';
import type { FieldValue } from '../../common/domain/schemas';
import { dedupeCitekey } from '../store/sourceIdentity';
import { parseStoredCsl } from '../store/sourcesCsl';
import { createReindexer, createRowStore, isDeleted, specOf, type Row, type SqlValue, type TableSpec } from './mergeRows';

/**
 * Conflicts a merge held for the analyst (merge_conflicts): records changed on both sides since the
 * last exchange, or edited on one side and deleted on the other. Ours stays in place until the
 * analyst decides; theirs waits in the table. Resolving writes the chosen values onto our record
 * as a new version (our clock, our name), newer than both, so the decision travels back to the
 * colleague at their next merge instead of the disagreement.
 */

interface ConflictRow {
  id: string;
  mergeId: string;
  table: string;
  rowKey: string;
  caseId: string | null;
  kind: ConflictKind;
  theirs: string;
  resolvedAt: string | null;
}

const CONFLICT_COLUMNS = `id, merge_id AS mergeId, table_name AS "table", row_key AS rowKey, case_id AS caseId, kind, theirs, resolved_at AS resolvedAt`;

/** How many conflicts wait for review. */
export function countConflicts(db: Database.Database): number {
  return db.prepare<[], number>('SELECT count(*) FROM merge_conflicts WHERE resolved_at IS NULL').pluck().get() ?? 0;
}

/** Conflicts waiting for review, oldest first, each named in words. */
export function listConflicts(db: Database.Database): ConflictSummary[] {
  const labels = createLabeler(db);
  const rows = createRowStore(db);
  return db
    .prepare<[], ConflictRow>(`SELECT ${CONFLICT_COLUMNS} FROM merge_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id`)
    .all()
    .map((c) => summary(c, labels.record(c.table, rows.get(specOf(c.table), c.rowKey) ?? parseRow(c.theirs))));
}

/** One conflict with both versions field by field, in words. */
export function getConflict(db: Database.Database, id: string): ConflictDetail {
  const c = requirePending(db, id);
  const s = specOf(c.table);
  const ours = createRowStore(db).get(s, c.rowKey);
  if (!ours) throw new AppError('NOT_FOUND', 'The record of this conflict is no longer in the knowledge base.');
  const theirs = parseRow(c.theirs);
  const labels = createLabeler(db);
  return {
    ...summary(c, labels.record(c.table, ours)),
    ours: side(s, ours),
    theirs: side(s, theirs),
    fields: conflictFields(s, c.kind, ours, theirs, labels),
  };
}

/**
 * Resolves one conflict in one transaction: the record becomes ours with each field chosen
 * 'theirs' taken from their version (a field left out keeps ours), stamped with a fresh version
 * of ours. On a delete-against-edit conflict the pseudo-field `deleted` decides: 'theirs' either
 * brings their edited record back (every field from theirs unless chosen 'ours') or deletes ours.
 * A note taken from theirs gets its citation rows synced to its footnotes, as saving a note does.
 */
export function resolveConflict(ctx: WriteContext, id: string, choices: ConflictChoices): { remaining: number } {
  const { db } = ctx;
  db.transaction(() => {
    const c = requirePending(db, id);
    const s = specOf(c.table);
    const rows = createRowStore(db);
    const ours = rows.get(s, c.rowKey);
    if (!ours) throw new AppError('NOT_FOUND', 'The record of this conflict is no longer in the knowledge base.');
    const theirs = parseRow(c.theirs);
    const labels = createLabeler(db);
    const keys = new Set(conflictFields(s, c.kind, ours, theirs, labels).map((f) => f.key));
    for (const key of Object.keys(choices)) {
      if (!keys.has(key)) throw new AppError('INVALID_INPUT', `choices: “${key}” is not a field of this conflict (fields: ${[...keys].join(', ')}).`);
    }
    ctx.observe(String(ours.updated_at));
    ctx.observe(String(theirs.updated_at));

    const result: Row = { ...ours };
    const revive = c.kind === 'we-deleted' && choices.deleted === 'theirs';
    const take = (key: string) => (revive ? choices[key] !== 'ours' : choices[key] === 'theirs');
    for (const key of keys) {
      if (key === 'deleted' || !take(key)) continue;
      if (s.table === 'sources' && key !== 'citekey') continue;
      for (const col of columnsOf(s, key)) result[col] = theirs[col] ?? null;
    }
    if (s.table === 'sources') result.csl = composeCsl(ours.csl, theirs.csl, [...keys].filter((k) => k !== 'citekey' && k !== 'deleted' && take(k)));
    if (revive) result.deleted_at = null;
    if (c.kind === 'they-deleted' && choices.deleted === 'theirs') result.deleted_at = new Date().toISOString();
    result.updated_at = ctx.tick();
    result.updated_by = ctx.who();
    makeNameFree(db, s, result, c.rowKey);
    rows.update(s, c.rowKey, result);
    afterResolution(ctx, s, c.rowKey, ours, result);
    db.prepare('UPDATE merge_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify(choices), id);
  })();
  return { remaining: countConflicts(db) };
}

function requirePending(db: Database.Database, id: string): ConflictRow {
  const c = db.prepare<[string], ConflictRow>(`SELECT ${CONFLICT_COLUMNS} FROM merge_conflicts WHERE id = ?`).get(id);
  if (!c) throw new AppError('NOT_FOUND', `No conflict with id “${id}” (its merge may have been undone).`);
  if (c.resolvedAt !== null) throw new AppError('CONFLICT', 'This conflict has already been resolved.');
  return c;
}

function summary(c: ConflictRow, label: string): ConflictSummary {
  return { id: c.id, mergeId: c.mergeId, table: c.table, kind: c.kind, label, caseId: c.caseId };
}

function side(s: TableSpec, row: Row): ConflictDetail['ours'] {
  return { by: String(row.updated_by ?? ''), at: hlcToIso(String(row.updated_at ?? '')), deleted: isDeleted(s, row) };
}

function parseRow(json: string): Row {
  const value = JSON.parse(json) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AppError('INTERNAL', 'A stored conflict is unreadable.');
  return value as Row;
}

// ---- fields in words ----

const CASE_FIELDS: Record<string, { label: string; columns: string[] }> = {
  title: { label: 'Title', columns: ['title'] },
  summary: { label: 'Summary', columns: ['summary'] },
  period: { label: 'Period', columns: ['period_start', 'period_end'] },
  region: { label: 'Region', columns: ['region'] },
  status: { label: 'Status', columns: ['status'] },
  trashed: { label: 'In the Trash', columns: ['trashed_at'] },
};

const COLUMN_LABELS: Record<string, string> = {
  value: 'Value',
  name: 'Name',
  abbreviation: 'Abbreviation',
  kind: 'Kind',
  type: 'Type',
  options: 'Options',
  position: 'Position',
  role: 'Role',
  label: 'Label',
  locator: 'Locator',
  prefix: 'Prefix',
  suffix: 'Suffix',
  quote: 'Quote',
  layout: 'Layout',
  table_name: 'Table',
  case_id: 'Case',
  tag_id: 'Tag',
  actor_id: 'Actor',
  source_id: 'Source',
  field_id: 'Field',
  from_case_id: 'From case',
  to_case_id: 'To case',
};

const MAIN_CSL = ['type', 'title', 'author', 'editor', 'issued', 'container-title', 'publisher', 'publisher-place', 'volume', 'issue', 'page', 'DOI', 'ISBN', 'URL'];
const CSL_LABELS: Record<string, string> = {
  type: 'Type',
  title: 'Title',
  author: 'Authors',
  editor: 'Editors',
  issued: 'Date',
  'container-title': 'Journal or book',
  publisher: 'Publisher',
  'publisher-place': 'Place',
  volume: 'Volume',
  issue: 'Issue',
  page: 'Pages',
  DOI: 'DOI',
  ISBN: 'ISBN',
  URL: 'URL',
};

const STATUS_WORDS: Record<string, string> = { draft: 'draft', in_progress: 'in progress', complete: 'complete' };

/** The columns a conflict field stands for (sources' CSL variables are composed separately). */
function columnsOf(s: TableSpec, key: string): string[] {
  if (s.table === 'cases') return CASE_FIELDS[key]?.columns ?? [];
  if (s.table === 'case_notes') return key === 'note' ? ['note_json', 'note_text'] : [];
  if (s.table === 'case_values') return key === 'value' ? ['value', 'sort_text', 'sort_num'] : [];
  return s.content.includes(key) ? [key] : [];
}

function conflictFields(s: TableSpec, kind: ConflictKind, ours: Row, theirs: Row, labels: Labeler): ConflictField[] {
  const fields: ConflictField[] = [];
  const text = (key: string, label: string, o: string | null, t: string | null, differs = o !== t): void => {
    fields.push({ key, label, kind: 'text', ours: o, theirs: t, differs });
  };
  if (kind !== 'both-edited') text('deleted', 'Deleted', isDeleted(s, ours) ? 'deleted' : 'kept', isDeleted(s, theirs) ? 'deleted' : 'kept');

  switch (s.table) {
    case 'cases':
      for (const [key, f] of Object.entries(CASE_FIELDS)) {
        const show = (row: Row) => caseFieldText(key, row);
        text(key, f.label, show(ours), show(theirs), f.columns.some((c) => ours[c] !== theirs[c]));
      }
      break;
    case 'case_notes':
      fields.push({ key: 'note', label: 'Note', kind: 'note', ours: str(ours.note_text), theirs: str(theirs.note_text), differs: ours.note_json !== theirs.note_json });
      break;
    case 'case_values':
      text('value', labels.field(str(ours.field_id)), jsonValueText(ours.value), jsonValueText(theirs.value), ours.value !== theirs.value);
      break;
    case 'sources': {
      text('citekey', 'Citekey', str(ours.citekey), str(theirs.citekey));
      const o = parseStoredCsl(str(ours.csl));
      const t = parseStoredCsl(str(theirs.csl));
      const others = [...new Set([...Object.keys(o), ...Object.keys(t)])].filter((k) => !MAIN_CSL.includes(k)).sort();
      for (const key of [...MAIN_CSL, ...others]) {
        if (o[key] === undefined && t[key] === undefined && key !== 'title') continue;
        text(key, CSL_LABELS[key] ?? key, cslValueText(o[key]), cslValueText(t[key]), canonical(o[key]) !== canonical(t[key]));
      }
      break;
    }
    default:
      for (const col of s.content) {
        if (col === 'position') continue;
        text(col, COLUMN_LABELS[col] ?? col, labels.value(col, ours[col]), labels.value(col, theirs[col]), ours[col] !== theirs[col]);
      }
  }
  return fields;
}

function caseFieldText(key: string, row: Row): string | null {
  switch (key) {
    case 'period': {
      const start = row.period_start;
      const end = row.period_end;
      if (start === null && end === null) return null;
      return `${str(start)}–${str(end)}`;
    }
    case 'status':
      return STATUS_WORDS[str(row.status)] ?? str(row.status);
    case 'trashed':
      return row.trashed_at === null ? 'no' : 'yes';
    default:
      return str(row[key]);
  }
}

function jsonValueText(v: SqlValue | undefined): string | null {
  if (typeof v !== 'string') return null;
  try {
    return valueToText(JSON.parse(v) as FieldValue);
  } catch {
    return v;
  }
}

function cslValueText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    return v
      .map((n) => {
        if (typeof n !== 'object' || n === null) return String(n);
        const name = n as Record<string, unknown>;
        if (typeof name.literal === 'string') return name.literal;
        return [name.family, name.given].filter((p) => typeof p === 'string' && p !== '').join(', ');
      })
      .join('; ');
  }
  if (typeof v === 'object') {
    const date = v as Record<string, unknown>;
    const parts = date['date-parts'];
    if (Array.isArray(parts)) {
      return parts.map((p) => (Array.isArray(p) ? p.map((n) => String(n).padStart(2, '0')).join('-') : String(p))).join('/');
    }
    for (const key of ['literal', 'raw']) if (typeof date[key] === 'string') return date[key];
  }
  return JSON.stringify(v);
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (v === undefined) return 'undefined';
  return JSON.stringify(v, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/** Our CSL with the chosen variables taken from theirs (a variable they lack is removed). */
function composeCsl(ours: SqlValue | undefined, theirs: SqlValue | undefined, keys: string[]): string {
  const o = parseStoredCsl(str(ours));
  if (keys.length === 0) return str(ours);
  const t = parseStoredCsl(str(theirs));
  for (const key of keys) {
    if (t[key] === undefined) delete o[key];
    else o[key] = t[key];
  }
  return JSON.stringify(o);
}

// ---- writing the resolution ----

/** A live record's name must stay unique: a source gets a free citekey, other clashes are refused. */
function makeNameFree(db: Database.Database, s: TableSpec, row: Row, key: string): void {
  if (isDeleted(s, row)) return;
  const taken = (sql: string, ...args: SqlValue[]) => db.prepare<SqlValue[], string>(sql).pluck().all(...args).some((id) => id !== key);
  switch (s.table) {
    case 'sources': {
      const sql = 'SELECT id FROM sources WHERE citekey = ? AND deleted_at IS NULL';
      if (taken(sql, row.citekey ?? null)) row.citekey = dedupeCitekey(str(row.citekey), (k) => taken(sql, k));
      return;
    }
    case 'tags':
    case 'fields':
    case 'actors':
      if (taken(`SELECT id FROM ${s.table} WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL`, row.name ?? null)) {
        throw new AppError('CONFLICT', `Another ${s.table.slice(0, -1)} here is named “${str(row.name)}”; keep our name or rename that one first.`);
      }
      return;
    case 'saved_views':
      if (taken('SELECT id FROM saved_views WHERE table_name = ? AND name = ? AND deleted_at IS NULL', row.table_name ?? null, row.name ?? null)) {
        throw new AppError('CONFLICT', `Another saved view here is named “${str(row.name)}”.`);
      }
      return;
    case 'case_tags':
      if (taken('SELECT id FROM case_tags WHERE case_id = ? AND tag_id = ? AND deleted_at IS NULL', row.case_id ?? null, row.tag_id ?? null)) {
        row.deleted_at = new Date().toISOString();
      }
      return;
    default:
  }
}

/** What else a resolved record brings along: its case's dependants, citation rows, search rows. */
function afterResolution(ctx: WriteContext, s: TableSpec, key: string, before: Row, after: Row): void {
  const { db } = ctx;
  const store = kbStoreFor(ctx);
  const reindex = createReindexer(ctx);
  const stamp = { updatedAt: str(after.updated_at), updatedBy: str(after.updated_by) };
  switch (s.table) {
    case 'cases': {
      const deletedBefore = before.deleted_at;
      if (typeof deletedBefore === 'string' && after.deleted_at === null) reviveCaseDependants(db, key, deletedBefore, stamp);
      if (deletedBefore === null && after.deleted_at !== null) {
        // As "Delete forever" does: the case's values, links, note and citations go with it.
        const deletedAt = str(after.deleted_at);
        store.repos.values.tombstoneByCase(key, deletedAt, stamp);
        store.repos.tags.tombstoneLinksOfCase(key, deletedAt, stamp);
        store.repos.actors.tombstoneLinksOfCase(key, deletedAt, stamp);
        store.repos.cases.tombstoneDependants(key, deletedAt, stamp);
      }
      reindex.case(key);
      return;
    }
    case 'case_notes': {
      // A note and its citation rows never disagree: sync the rows to the note that stays.
      if (after.deleted_at === null) {
        const note = JSON.parse(str(after.note_json)) as LexicalJson;
        createCitationsSync(ctx).sync(key, readFootnotes(note));
      }
      store.repos.cases.touch(key, stamp);
      reindex.case(key);
      return;
    }
    case 'sources':
      reindex.source(key);
      return;
    case 'tags':
      for (const caseId of db.prepare<[string], string>('SELECT DISTINCT case_id FROM case_tags WHERE tag_id = ? AND deleted_at IS NULL').pluck().all(key)) reindex.case(caseId);
      return;
    case 'actors':
      for (const caseId of store.repos.actors.caseIdsOfActor(key)) reindex.case(caseId);
      return;
    case 'fields':
      for (const caseId of db.prepare<[string], string>('SELECT DISTINCT case_id FROM case_values WHERE field_id = ?').pluck().all(key)) reindex.case(caseId);
      return;
    default:
      if (s.caseColumn && s.table !== 'case_links' && typeof after[s.caseColumn] === 'string') reindex.case(str(after[s.caseColumn]));
  }
}

/**
 * A case brought back from deletion gets back what was deleted with it (rows tombstoned at the
 * same moment, as "Delete forever" does it), unless an equal live link exists meanwhile.
 */
function reviveCaseDependants(db: Database.Database, caseId: string, deletedAt: string, stamp: { updatedAt: string; updatedBy: string }): void {
  const params = { caseId, deletedAt, ...stamp };
  const set = 'SET deleted_at = NULL, updated_at = @updatedAt, updated_by = @updatedBy';
  db.prepare(`UPDATE case_notes ${set} WHERE case_id = @caseId AND deleted_at = @deletedAt`).run(params);
  db.prepare(`UPDATE case_values ${set} WHERE case_id = @caseId AND deleted_at = @deletedAt`).run(params);
  db.prepare(`UPDATE citations ${set} WHERE case_id = @caseId AND deleted_at = @deletedAt`).run(params);
  db.prepare(
    `UPDATE case_tags ${set} WHERE case_id = @caseId AND deleted_at = @deletedAt
       AND NOT EXISTS (SELECT 1 FROM case_tags x WHERE x.case_id = case_tags.case_id AND x.tag_id = case_tags.tag_id AND x.deleted_at IS NULL)`,
  ).run(params);
  db.prepare(
    `UPDATE case_actors ${set} WHERE case_id = @caseId AND deleted_at = @deletedAt
       AND NOT EXISTS (SELECT 1 FROM case_actors x WHERE x.case_id = case_actors.case_id AND x.actor_id = case_actors.actor_id AND x.deleted_at IS NULL)`,
  ).run(params);
  db.prepare(
    `UPDATE case_links ${set} WHERE (from_case_id = @caseId OR to_case_id = @caseId) AND deleted_at = @deletedAt
       AND (SELECT count(*) FROM cases c WHERE c.id IN (case_links.from_case_id, case_links.to_case_id) AND c.deleted_at IS NULL) = 2`,
  ).run(params);
}

// ---- labels ----

export type Labeler = ReturnType<typeof createLabeler>;

/** Records named in words for the review and undo ("Note of “Case”", "crocker2011 — Title"). */
export function createLabeler(db: Database.Database) {
  const one = (sql: string) => db.prepare<[string], Row>(sql);
  const caseTitle = one('SELECT title FROM cases WHERE id = ?');
  const field = one('SELECT name FROM fields WHERE id = ?');
  const tag = one('SELECT name FROM tags WHERE id = ?');
  const actor = one('SELECT name FROM actors WHERE id = ?');
  const source = one('SELECT citekey, title FROM sources WHERE id = ?');
  const get = (st: Database.Statement<[string], Row>, id: string, col: string, fallback: string) => {
    const v = st.get(id)?.[col];
    return typeof v === 'string' && v !== '' ? v : fallback;
  };
  const titleOf = (id: string) => get(caseTitle, id, 'title', 'a deleted case');
  const sourceText = (id: string) => {
    const row = source.get(id);
    if (!row) return 'a source';
    return row.title ? `${str(row.citekey)} — ${str(row.title)}` : str(row.citekey);
  };

  return {
    field: (id: string) => get(field, id, 'name', 'A field'),
    /** A column's value in words: ids as the name of what they point at. */
    value(col: string, v: SqlValue | undefined): string | null {
      if (v === null || v === undefined) return null;
      const id = str(v);
      switch (col) {
        case 'case_id':
        case 'from_case_id':
        case 'to_case_id':
          return titleOf(id);
        case 'tag_id':
          return get(tag, id, 'name', id);
        case 'actor_id':
          return get(actor, id, 'name', id);
        case 'field_id':
          return get(field, id, 'name', id);
        case 'source_id':
          return sourceText(id);
        case 'options':
          try {
            const list = JSON.parse(id) as unknown;
            return Array.isArray(list) ? list.map(String).join(', ') : id;
          } catch {
            return id;
          }
        default:
          return id;
      }
    },
    /** A record in words, from its row. */
    record(table: string, row: Row): string {
      const s = (col: string) => str(row[col]);
      switch (table) {
        case 'cases':
          return s('title') || 'Untitled case';
        case 'case_notes':
          return `Note of “${titleOf(s('case_id'))}”`;
        case 'case_values':
          return `“${get(field, s('field_id'), 'name', 'A field')}” of “${titleOf(s('case_id'))}”`;
        case 'sources': {
          const title = parseStoredCsl(s('csl')).title;
          return typeof title === 'string' && title ? `${s('citekey')} — ${title}` : s('citekey');
        }
        case 'fields':
          return `Field “${s('name')}”`;
        case 'tags':
          return `Tag “${s('name')}”`;
        case 'actors':
          return `Actor “${s('name')}”`;
        case 'case_tags':
          return `Tag “${get(tag, s('tag_id'), 'name', '?')}” on “${titleOf(s('case_id'))}”`;
        case 'case_actors':
          return `“${get(actor, s('actor_id'), 'name', '?')}” on “${titleOf(s('case_id'))}”`;
        case 'citations':
          return `Citation of ${sourceText(s('source_id'))} in “${titleOf(s('case_id'))}”`;
        case 'case_links':
          return `Link from “${titleOf(s('from_case_id'))}” to “${titleOf(s('to_case_id'))}”`;
        case 'saved_views':
          return `Saved view “${s('name')}” of the ${s('table_name')} table`;
        case 'kb_settings':
          return `Setting “${s('key')}”`;
        default:
          return table;
      }
    },
  };
}

function str(v: SqlValue | undefined): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}
