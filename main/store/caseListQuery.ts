import type Database from 'better-sqlite3';
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  type CaseQuery,
  type ColumnFilter,
  type FieldDef,
  type SortSpec,
} from '../../common/domain/schemas';
import { AppError } from '../../common/errors';
import { toFtsQuery } from '../../common/search/ftsQuery';

export interface CaseListPage {
  total: number;
  ids: string[];
}

type Params = Record<string, string | number>;

/** Built-in columns that are plain columns of `cases`, with the SQL to compare and sort them. */
const PLAIN_COLUMNS: Record<string, { sql: string; nocase: boolean; nullable: boolean }> = {
  title: { sql: 'c.title', nocase: true, nullable: false },
  summary: { sql: 'c.summary', nocase: true, nullable: false },
  region: { sql: 'c.region', nocase: true, nullable: false },
  periodStart: { sql: 'c.period_start', nocase: false, nullable: true },
  periodEnd: { sql: 'c.period_end', nocase: false, nullable: true },
  status: { sql: 'c.status', nocase: false, nullable: false },
  createdAt: { sql: 'c.created_at', nocase: false, nullable: false },
  updatedAt: { sql: 'c.updated_at', nocase: false, nullable: false },
  updatedBy: { sql: 'c.updated_by', nocase: true, nullable: false },
};

const LIVE_TAGS = `FROM case_tags ct JOIN tags t ON t.id = ct.tag_id
  WHERE ct.case_id = c.id AND ct.deleted_at IS NULL AND t.deleted_at IS NULL`;
const LIVE_ACTORS = `FROM case_actors ca JOIN actors a ON a.id = ca.actor_id
  WHERE ca.case_id = c.id AND ca.deleted_at IS NULL AND a.deleted_at IS NULL`;

/**
 * Builds and runs the SQL for one page of the cases table: search, filters, sort, LIMIT/OFFSET
 * and the total, all in SQLite so the renderer only ever receives the visible rows. Returns ids in
 * page order; the caller loads those rows and their tags/actors/values in batch.
 */
export function createCaseListQuery(db: Database.Database, getField: (id: string) => FieldDef | undefined) {
  // Statements are cached by their SQL text: a table re-sorted or re-filtered the same way reuses one.
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= 200) cache.clear();
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };

  /** The SQL of a query: its WHERE, its joins and ORDER BY, and their parameters. */
  function build(query: CaseQuery) {
    const params: Params = {};
    let n = 0;
    const param = (value: string | number): string => {
      const name = `p${n++}`;
      params[name] = value;
      return `@${name}`;
    };
    const fieldOf = (column: string, use: string): FieldDef => {
      const id = column.slice('field:'.length);
      const field = getField(id);
      if (!field) throw new AppError('INVALID_INPUT', `${use}: there is no field with id “${id}” (it may have been deleted).`);
      return field;
    };

    const where = ['c.deleted_at IS NULL', query.trash ? 'c.trashed_at IS NOT NULL' : 'c.trashed_at IS NULL'];
    const fts = toFtsQuery(query.search);
    if (fts.kind === 'match') where.push(`c.fts_rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ${param(fts.match)})`);
    if (fts.kind === 'exclude') where.push(`c.fts_rowid NOT IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ${param(fts.match)})`);
    query.filters.forEach((f, i) => where.push(filterSql(f, `filters.${i}`, param, fieldOf)));

    const joins: string[] = [];
    const order: string[] = [];
    query.sort.forEach((s, i) => order.push(sortSql(s, i, param, fieldOf, joins)));
    // Ties are broken by title, then id, so paging is stable. The id follows the direction of the
    // last sort column, which lets SQLite walk the live-title index for the default and title sorts.
    if (!query.sort.some((s) => s.column === 'title')) order.push('c.title COLLATE NOCASE');
    const last = query.sort[query.sort.length - 1];
    order.push(last?.column === 'title' && last.desc ? 'c.id DESC' : 'c.id');

    return { whereSql: where.join(' AND '), joinSql: joins.join(' '), orderSql: order.join(', '), params };
  }

  function page(query: CaseQuery & { offset: number; limit: number }): CaseListPage {
    const { whereSql, joinSql, orderSql, params } = build(query);
    const total = (prepare(`SELECT count(*) AS n FROM cases c WHERE ${whereSql}`).get(params) as { n: number }).n;
    const rows = prepare(`SELECT c.id AS id FROM cases c ${joinSql} WHERE ${whereSql} ORDER BY ${orderSql} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: query.limit, offset: query.offset }) as string[];
    return { total, ids: rows };
  }

  function allIds(query: CaseQuery): string[] {
    const { whereSql, joinSql, orderSql, params } = build(query);
    return prepare(`SELECT c.id AS id FROM cases c ${joinSql} WHERE ${whereSql} ORDER BY ${orderSql}`).pluck().all(params) as string[];
  }

  // The ordered ids of the last query, valid while nothing has written to the file: this
  // connection's total_changes() and SQLite's data_version (commits by other connections, such as
  // the CLI) both stay the same. Scrolling then slices it instead of sorting every row again for
  // each window, which is what a sort on a user field or a filtered list would otherwise cost.
  const versionStmt = db.prepare('SELECT total_changes() AS changes');
  const version = () => `${versionStmt.pluck().get() as number}:${db.pragma('data_version', { simple: true }) as number}`;
  let snapshot: { key: string; version: string; ids: string[] } | null = null;

  return function listCaseIds(query: CaseQuery & { offset: number; limit: number }): CaseListPage {
    const key = JSON.stringify([query.search, query.filters, query.sort, query.trash]);
    const now = version();
    if (snapshot?.key === key && snapshot.version === now) {
      return { total: snapshot.ids.length, ids: snapshot.ids.slice(query.offset, query.offset + query.limit) };
    }
    // The first page of a new query is answered with LIMIT (fast when an index gives the order);
    // a later window of the same query takes the whole ordered id list once.
    if (query.offset === 0) return page(query);
    snapshot = { key, version: now, ids: allIds(query) };
    return { total: snapshot.ids.length, ids: snapshot.ids.slice(query.offset, query.offset + query.limit) };
  };
}


function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function requireValue(f: ColumnFilter, where: string): string | number | boolean {
  if (f.value === undefined || f.value === '') {
    throw new AppError('INVALID_INPUT', `${where}.value: the “${f.op}” filter on ${f.column} needs a value.`);
  }
  return f.value;
}

function statusKey(value: string): string {
  const v = value.trim().toLowerCase();
  const byLabel = CASE_STATUSES.find((s) => CASE_STATUS_LABELS[s].toLowerCase() === v);
  return byLabel ?? v;
}

function filterSql(
  f: ColumnFilter,
  where: string,
  param: (v: string | number) => string,
  fieldOf: (column: string, use: string) => FieldDef,
): string {
  const plain = PLAIN_COLUMNS[f.column];
  if (plain) {
    if (f.op === 'empty') return `coalesce(${plain.sql}, '') = ''`;
    if (f.op === 'notEmpty') return `coalesce(${plain.sql}, '') <> ''`;
    let value = String(requireValue(f, where));
    if (f.column === 'status') value = statusKey(value);
    const collate = plain.nocase ? ' COLLATE NOCASE' : '';
    switch (f.op) {
      case 'contains':
        return `${plain.sql} LIKE ${param(likePattern(value))} ESCAPE '\\'`;
      case 'equals':
        return `${plain.sql} = ${param(value)}${collate}`;
      case 'gt':
        return `${plain.sql} > ${param(value)}${collate}`;
      case 'lt':
        return `${plain.sql} < ${param(value)}${collate}`;
    }
  }

  if (f.column === 'tags' || f.column === 'actors') {
    const from = f.column === 'tags' ? LIVE_TAGS : LIVE_ACTORS;
    if (f.op === 'empty') return `NOT EXISTS (SELECT 1 ${from})`;
    if (f.op === 'notEmpty') return `EXISTS (SELECT 1 ${from})`;
    const value = String(requireValue(f, where));
    if (f.op === 'gt' || f.op === 'lt') {
      throw new AppError('INVALID_INPUT', `${where}.op: “${f.op}” does not apply to ${f.column}; use contains, equals, empty or notEmpty.`);
    }
    const p = param(f.op === 'contains' ? likePattern(value) : value);
    const test = (col: string) => (f.op === 'contains' ? `${col} LIKE ${p} ESCAPE '\\'` : `${col} = ${p} COLLATE NOCASE`);
    const cond = f.column === 'tags' ? test('t.name') : `(${test('a.name')} OR ${test('a.abbreviation')})`;
    return `EXISTS (SELECT 1 ${from} AND ${cond})`;
  }

  const field = fieldOf(f.column, `${where}.column`);
  const fp = param(field.id);
  const from = `FROM case_values v WHERE v.case_id = c.id AND v.field_id = ${fp} AND v.deleted_at IS NULL`;
  if (f.op === 'empty') return `NOT EXISTS (SELECT 1 ${from})`;
  if (f.op === 'notEmpty') return `EXISTS (SELECT 1 ${from})`;
  const raw = requireValue(f, where);

  if (field.type === 'number' || field.type === 'boolean') {
    if (f.op === 'contains') return `EXISTS (SELECT 1 ${from} AND v.sort_text LIKE ${param(likePattern(String(raw)))} ESCAPE '\\')`;
    const num = field.type === 'boolean' ? booleanNumber(raw) : Number(raw);
    if (num === null || !Number.isFinite(num)) {
      throw new AppError('INVALID_INPUT', `${where}.value: “${String(raw)}” is not a ${field.type === 'boolean' ? 'yes/no value' : 'number'} (field “${field.name}”).`);
    }
    const op = f.op === 'equals' ? '=' : f.op === 'gt' ? '>' : '<';
    return `EXISTS (SELECT 1 ${from} AND v.sort_num ${op} ${param(num)})`;
  }

  const value = String(raw);
  switch (f.op) {
    case 'contains':
      return `EXISTS (SELECT 1 ${from} AND v.sort_text LIKE ${param(likePattern(value))} ESCAPE '\\')`;
    case 'equals':
      if (field.type === 'multi_select') {
        return `EXISTS (SELECT 1 ${from} AND EXISTS (SELECT 1 FROM json_each(v.value) j WHERE j.value = ${param(value)} COLLATE NOCASE))`;
      }
      return `EXISTS (SELECT 1 ${from} AND v.sort_text = ${param(value)} COLLATE NOCASE)`;
    case 'gt':
      return `EXISTS (SELECT 1 ${from} AND v.sort_text > ${param(value)} COLLATE NOCASE)`;
    case 'lt':
      return `EXISTS (SELECT 1 ${from} AND v.sort_text < ${param(value)} COLLATE NOCASE)`;
  }
}

function booleanNumber(raw: string | number | boolean): number | null {
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw === 'number') return raw ? 1 : 0;
  const v = raw.trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(v)) return 1;
  if (['no', 'false', '0', 'n'].includes(v)) return 0;
  return null;
}

function sortSql(
  s: SortSpec,
  index: number,
  param: (v: string | number) => string,
  fieldOf: (column: string, use: string) => FieldDef,
  joins: string[],
): string {
  const dir = s.desc ? 'DESC' : 'ASC';
  const plain = PLAIN_COLUMNS[s.column];
  if (s.column === 'status') {
    return `CASE c.status WHEN 'draft' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END ${dir}`;
  }
  if (plain) return `${plain.sql}${plain.nocase ? ' COLLATE NOCASE' : ''} ${dir}${plain.nullable ? ' NULLS LAST' : ''}`;
  if (s.column === 'tags') {
    return `(SELECT group_concat(name, ', ') FROM (SELECT t.name AS name ${LIVE_TAGS} ORDER BY t.name COLLATE NOCASE)) COLLATE NOCASE ${dir} NULLS LAST`;
  }
  if (s.column === 'actors') {
    return `(SELECT group_concat(name, ', ') FROM (SELECT CASE WHEN a.abbreviation <> '' THEN a.abbreviation ELSE a.name END AS name ${LIVE_ACTORS} ORDER BY ca.position)) COLLATE NOCASE ${dir} NULLS LAST`;
  }
  const field = fieldOf(s.column, `sort.${index}.column`);
  const alias = `s${index}`;
  joins.push(
    `LEFT JOIN case_values ${alias} ON ${alias}.case_id = c.id AND ${alias}.field_id = ${param(field.id)} AND ${alias}.deleted_at IS NULL`,
  );
  return field.type === 'number' || field.type === 'boolean'
    ? `${alias}.sort_num ${dir} NULLS LAST`
    : `${alias}.sort_text COLLATE NOCASE ${dir} NULLS LAST`;
}
