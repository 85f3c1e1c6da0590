import type Database from 'better-sqlite3';
import { parseSearchTerms } from '../../common/search/ftsQuery';
import type { SOURCE_COLUMNS } from '../../common/domain/sources';
import { Citekey, CslItem as CslItemSchema, type CslItem, type SourceDetail, type SourceRow } from '../../common/domain/sources';
import { AppError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { WriteContext } from './kbSession';
import type { Stamp } from './fieldsRepository';
import { createCitationsRepository } from './citationsRepository';
import { baseCitekey, dedupeCitekey, normaliseText } from './sourceIdentity';
import {
  CITED_IN_SQL,
  createSourcesRepository,
  deriveSourceColumns,
  type SourceRecord,
} from './sourcesRepository';
import { cleanCsl, mergeCsl, parseStoredCsl } from './sourcesCsl';

export type SourceSortColumn = (typeof SOURCE_COLUMNS)[number];
export interface SourceListQuery {
  search: string;
  sort: { column: SourceSortColumn; desc: boolean }[];
  offset: number;
  limit: number;
}

/** One item handed to `importItems` by the import job. */
export interface ImportItem {
  csl: CslItem;
  citekey?: string;
  action: 'insert' | 'merge' | 'skip';
  /** Id of the live source to merge into (action `merge`). */
  mergeInto?: string;
}

export interface SourceIdentity {
  id: string;
  citekey: string;
  title: string;
  doi: string | null;
  isbn: string | null;
  titleAuthorYear: string | null;
}

/** A stored source's CSL for formatting: with `id` and `citation-key`, and the version it was read at. */
export interface FormattableSource {
  id: string;
  updatedAt: string;
  csl: CslItem;
}

// `emptyLast`: an expression sorted first so rows without a value come last in both directions.
const SORT_SQL: Record<SourceSortColumn, { sql: string; emptyLast?: string; nullsLast?: boolean }> = {
  citekey: { sql: 's.citekey COLLATE NOCASE' },
  type: { sql: 's.type' },
  authors: { sql: 's.authors COLLATE NOCASE', emptyLast: "s.authors = ''" },
  year: { sql: 's.year', nullsLast: true },
  title: { sql: 's.title COLLATE NOCASE', emptyLast: "s.title = ''" },
  container: { sql: 's.container COLLATE NOCASE', emptyLast: "s.container = ''" },
  citedIn: { sql: CITED_IN_SQL },
  updatedAt: { sql: 's.updated_at' },
};

/** Above this many live sources the picker pre-filters candidates with the full-text index. */
const PICK_SCAN_LIMIT = 5000;

/**
 * Sources as the app, the import job and the CLI use them: paged lists sorted and searched in
 * SQLite, readable unique citekeys, tombstoning refused while a source is cited, the footnote
 * picker, and all-or-nothing bulk writes for imports. Every write is one transaction that also
 * rewrites the source's full-text row.
 */
export function createSourcesService(ctx: WriteContext) {
  const { db } = ctx;
  const repo = createSourcesRepository(db);
  const citations = createCitationsRepository(db);
  const stamp = (): Stamp => ({ updatedAt: ctx.tick(), updatedBy: ctx.who() });
  const nowIso = () => new Date().toISOString();

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = statements.get(sql);
    if (!stmt) {
      if (statements.size >= 100) statements.clear();
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  const liveCount = db.prepare<[], number>('SELECT count(*) FROM sources WHERE deleted_at IS NULL').pluck();

  function requireSource(id: string): SourceRecord {
    const record = repo.get(id);
    if (!record) throw new AppError('NOT_FOUND', `No source with id “${id}” (it may have been deleted).`);
    return record;
  }

  function toRows(ids: string[]): SourceRow[] {
    const byId = new Map(repo.rowsByIds(ids).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [{ id: r.id, citekey: r.citekey, type: r.type, authors: r.authors, year: r.year, title: r.title, container: r.container, citedIn: r.citedIn, updatedAt: r.updatedAt, updatedBy: r.updatedBy }];
    });
  }

  function detail(id: string): SourceDetail {
    const record = requireSource(id);
    const [row] = toRows([id]);
    return { ...(row as SourceRow), csl: parseStoredCsl(record.csl), citations: citations.ofSource(id), createdAt: record.createdAt };
  }

  /** Checks a CSL item from outside (import, CLI) with the contract's schema; names the item in errors. */
  function checkCsl(csl: unknown, where: string): CslItem {
    const parsed = CslItemSchema.safeParse(csl);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('INVALID_INPUT', `${where}: ${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'not a CSL-JSON record'}`);
    }
    return parsed.data;
  }

  /** A requested citekey checked and free, or a generated one. */
  function chooseCitekey(csl: CslItem, wanted: string | undefined, exceptId: string | null, onClash: 'refuse' | 'suffix'): string {
    const taken = (key: string) => {
      const owner = repo.findByCitekey(key);
      return owner !== undefined && owner !== exceptId;
    };
    // Keys already used that start like `base`, read at once: an import of many works by one
    // author in one year would otherwise ask SQLite about a, b, c … for every one of them.
    const dedupe = (base: string) => {
      const used = new Set(repo.citekeysStartingWith(base).filter((k) => k.id !== exceptId).map((k) => k.citekey));
      return dedupeCitekey(base, (key) => used.has(key));
    };
    if (wanted === undefined || wanted.trim() === '') return dedupe(baseCitekey(csl));
    const parsed = Citekey.safeParse(wanted);
    if (!parsed.success) {
      if (onClash === 'suffix') return dedupe(baseCitekey(csl));
      throw new AppError('INVALID_INPUT', `citekey: ${parsed.error.issues[0]?.message ?? 'not a valid citekey'}`);
    }
    const key = parsed.data;
    if (!taken(key)) return key;
    if (onClash === 'refuse') throw new AppError('ALREADY_EXISTS', `The citekey “${key}” is already used by another source; choose another.`);
    return dedupe(key);
  }

  function insertSource(csl: CslItem, citekey: string): string {
    const stored = cleanCsl(csl);
    const columns = deriveSourceColumns(stored);
    if (!stored.type) stored.type = columns.type;
    const id = newId();
    repo.insert({ id, citekey, csl: JSON.stringify(stored), createdAt: nowIso(), ...columns, ...stamp() });
    return id;
  }

  function writeSource(record: SourceRecord, csl: CslItem, citekey: string): void {
    const stored = cleanCsl(csl);
    const columns = deriveSourceColumns(stored);
    if (!stored.type) stored.type = columns.type;
    repo.update({ id: record.id, citekey, csl: JSON.stringify(stored), ...columns, ...stamp() }, record.ftsRowid);
  }

  const createTx = db.transaction((csl: CslItem, citekey: string | undefined): string => {
    // A key given explicitly must be free; one carried inside the record (`citation-key`, as
    // CSL-JSON from Zotero or pandoc has) is only a wish, deduplicated like an import's.
    if (citekey !== undefined) return insertSource(csl, chooseCitekey(csl, citekey, null, 'refuse'));
    const carried = csl['citation-key'];
    return insertSource(csl, chooseCitekey(csl, typeof carried === 'string' ? carried : undefined, null, 'suffix'));
  });

  const updateTx = db.transaction((id: string, patch: { csl?: CslItem; citekey?: string }): void => {
    const record = requireSource(id);
    const csl = patch.csl ?? parseStoredCsl(record.csl);
    const citekey = patch.citekey !== undefined ? chooseCitekey(csl, patch.citekey, id, 'refuse') : record.citekey;
    writeSource(record, csl, citekey);
  });

  const removeTx = db.transaction((id: string): void => {
    const record = requireSource(id);
    const citing = citations.casesCiting(id);
    if (citing.length > 0) {
      const total = citing.reduce((n, c) => n + c.n, 0);
      const first = citing[0] as (typeof citing)[number];
      const others = citing.length - 1;
      throw new AppError(
        'CONFLICT',
        `“${record.citekey}” is cited ${total === 1 ? 'once' : `${total} times`} in “${first.title}”${first.trashed ? ' (in the Trash)' : ''}` +
          `${others > 0 ? ` and ${others} other case${others === 1 ? '' : 's'}` : ''}; remove those citations before deleting the source.`,
      );
    }
    repo.tombstone(id, record.ftsRowid, nowIso(), stamp());
  });

  const importTx = db.transaction(
    (items: ImportItem[], onProgress?: (done: number, total: number) => void): { imported: number; merged: number; skipped: number } => {
      const counts = { imported: 0, merged: 0, skipped: 0 };
      const every = Math.max(1, Math.floor(items.length / 100));
      items.forEach((item, i) => {
        const where = `entry ${i + 1}${item.citekey ? ` (${item.citekey})` : ''}`;
        if (item.action === 'skip') counts.skipped++;
        else if (item.action === 'insert') {
          const csl = checkCsl(item.csl, where);
          insertSource(csl, chooseCitekey(csl, item.citekey, null, 'suffix'));
          counts.imported++;
        } else {
          const target = item.mergeInto ? repo.get(item.mergeInto) : undefined;
          if (!target) throw new AppError('INVALID_INPUT', `${where}: the source to merge into no longer exists.`);
          const incoming = checkCsl(item.csl, where);
          writeSource(target, mergeCsl(parseStoredCsl(target.csl), incoming), target.citekey);
          counts.merged++;
        }
        if ((i + 1) % every === 0 || i + 1 === items.length) onProgress?.(i + 1, items.length);
      });
      return counts;
    },
  );

  /** Full-text match for the sources table: every word must match, each as a prefix. */
  function ftsMatch(search: string): { include: string | null; exclude: string | null } {
    const terms = parseSearchTerms(search);
    const term = (t: (typeof terms)[number]) => `${t.column === 'title' ? 'title:' : ''}"${t.text.replace(/"/g, '""')}"${t.phrase && !t.prefix ? '' : '*'}`;
    const include = terms.filter((t) => !t.exclude).map(term);
    const exclude = terms.filter((t) => t.exclude).map(term);
    return { include: include.length ? include.join(' ') : null, exclude: exclude.length ? exclude.join(' OR ') : null };
  }

  function list(query: SourceListQuery): { total: number; offset: number; rows: SourceRow[] } {
    const where = ['s.deleted_at IS NULL'];
    const params: Record<string, string | number> = {};
    const { include, exclude } = ftsMatch(query.search);
    if (include) {
      where.push('s.fts_rowid IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @include)');
      params.include = include;
    }
    if (exclude) {
      where.push('s.fts_rowid NOT IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @exclude)');
      params.exclude = exclude;
    }
    const order: string[] = [];
    for (const s of query.sort) {
      const spec = SORT_SQL[s.column];
      // Descending, '' sorts last by itself; only ascending needs the empty-last term.
      if (spec.emptyLast && !s.desc) order.push(spec.emptyLast);
      order.push(`${spec.sql} ${s.desc ? 'DESC' : 'ASC'}${spec.nullsLast ? ' NULLS LAST' : ''}`);
    }
    if (!query.sort.some((s) => s.column === 'citekey')) order.push('s.citekey COLLATE NOCASE');
    order.push('s.id');
    const whereSql = where.join(' AND ');
    const total = prepare(`SELECT count(*) AS n FROM sources s WHERE ${whereSql}`).pluck().get(params) as number;
    const ids = prepare(`SELECT s.id FROM sources s WHERE ${whereSql} ORDER BY ${order.join(', ')} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: query.limit, offset: query.offset }) as string[];
    return { total, offset: query.offset, rows: toRows(ids) };
  }

  // When a source was last cited: breaks ties between equally good picker matches.
  const LAST_CITED = '(SELECT max(ci.created_at) FROM citations ci WHERE ci.source_id = s.id AND ci.deleted_at IS NULL)';

  function pick(query: string, limit: number): SourceRow[] {
    const tokens = normaliseText(query).split(' ').filter(Boolean);
    if (tokens.length === 0) {
      // Recently cited first (newest citation of each source), then recently added.
      const cited = prepare(
        `SELECT ci.source_id FROM citations ci JOIN sources s ON s.id = ci.source_id
         WHERE ci.deleted_at IS NULL AND s.deleted_at IS NULL
         GROUP BY ci.source_id ORDER BY max(ci.created_at) DESC, ci.source_id LIMIT @limit`,
      )
        .pluck()
        .all({ limit }) as string[];
      const ids = new Set(cited);
      if (ids.size < limit) {
        const added = prepare('SELECT s.id FROM sources s WHERE s.deleted_at IS NULL ORDER BY s.created_at DESC, s.id DESC LIMIT @limit')
          .pluck()
          .all({ limit: limit + ids.size }) as string[];
        for (const id of added) if (ids.size < limit) ids.add(id);
      }
      return toRows([...ids]);
    }
    const select = `SELECT s.id AS id, s.citekey AS citekey, f.authors AS authors, s.title AS title, s.year AS year, s.container AS container,
        ${LAST_CITED} AS lastCited, s.created_at AS createdAt
      FROM sources s JOIN sources_fts f ON f.rowid = s.fts_rowid WHERE s.deleted_at IS NULL`;
    const candidates = (
      (liveCount.get() as number) <= PICK_SCAN_LIMIT
        ? prepare(select).all()
        : // Large knowledge bases: candidates are sources with a word starting like the first
          // token, or whose citekey holds its letters in order (the fuzzy case).
          prepare(
            `${select} AND (s.fts_rowid IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @match)
               OR s.citekey LIKE @subsequence ESCAPE '\\') LIMIT 5000`,
          ).all({
            match: `"${(tokens[0] as string).replace(/"/g, '""')}"*`,
            subsequence: `%${[...(tokens[0] as string)].map((ch) => ch.replace(/[\\%_]/g, (c) => `\\${c}`)).join('%')}%`,
          })
    ) as PickCandidate[];
    const scored: { id: string; score: number; lastCited: string; createdAt: string }[] = [];
    for (const c of candidates) {
      const score = pickScore(c, tokens);
      if (score > 0) scored.push({ id: c.id, score, lastCited: c.lastCited ?? '', createdAt: c.createdAt });
    }
    scored.sort((a, b) => b.score - a.score || b.lastCited.localeCompare(a.lastCited) || b.createdAt.localeCompare(a.createdAt));
    return toRows(scored.slice(0, limit).map((s) => s.id));
  }

  // Parsed CSL by id, valid while the row's updated_at is unchanged (formatting reads it often).
  const cslCache = new Map<string, { updatedAt: string; csl: CslItem }>();

  return {
    /** One page of the sources table, sorted and searched in SQLite. */
    list,
    get: detail,
    create: (csl: CslItem, citekey?: string): SourceDetail => detail(createTx(csl, citekey)),
    update(id: string, patch: { csl?: CslItem; citekey?: string }): SourceDetail {
      updateTx(id, patch);
      return detail(id);
    },
    /** Tombstones a source; refused (CONFLICT, naming the cases) while it is cited. */
    remove: (id: string): void => removeTx(id),
    /** The footnote picker: fuzzy match over citekey, authors, title and year; recently cited first when empty. */
    pick,
    /**
     * Writes many items in ONE transaction (all or nothing): inserts new ones (citekey generated or
     * deduplicated), merges into an existing source (fills CSL variables it lacks, keeps ours where
     * both have a value), or skips. A bad item aborts the whole import with its position named.
     */
    importItems: (items: ImportItem[], onProgress?: (done: number, total: number) => void) => importTx(items, onProgress),
    /** Identities of live sources, for duplicate detection on import. */
    identities: (): SourceIdentity[] => repo.identities(),
    /** Every live source as CSL-JSON with `id` and `citation-key` (CLI, exports). */
    exportAll(): CslItem[] {
      return repo.exportAll().map((r) => ({ ...parseStoredCsl(r.csl), id: r.id, 'citation-key': r.citekey }));
    },
    /**
     * CSL of sources for the formatter, with `id` and `citation-key`. Sources missing or deleted
     * are absent from the map. Parsed records are cached until their row changes.
     */
    formattable(ids: string[]): Map<string, FormattableSource> {
      const out = new Map<string, FormattableSource>();
      for (const r of repo.cslByIds([...new Set(ids)])) {
        if (r.deletedAt !== null) continue;
        let cached = cslCache.get(r.id);
        if (!cached || cached.updatedAt !== r.updatedAt) {
          cached = { updatedAt: r.updatedAt, csl: { ...parseStoredCsl(r.csl), id: r.id, 'citation-key': r.citekey } };
          if (cslCache.size > 20_000) cslCache.clear();
          cslCache.set(r.id, cached);
        }
        out.set(r.id, { id: r.id, updatedAt: r.updatedAt, csl: cached.csl });
      }
      return out;
    },
  };
}
export type SourcesService = ReturnType<typeof createSourcesService>;

interface PickCandidate {
  id: string;
  citekey: string;
  authors: string;
  title: string;
  year: number | null;
  container: string;
  lastCited: string | null;
  createdAt: string;
}

/**
 * How well a source matches the picker's words (0: not at all). Every word must match somewhere:
 * a citekey prefix scores highest, then a word prefix in authors or title, an exact year, a
 * substring, and last a subsequence of the citekey ("crk11" finds crocker2011collective).
 */
export function pickScore(c: { citekey: string; authors: string; title: string; year: number | null; container?: string }, tokens: string[]): number {
  const key = c.citekey.toLowerCase();
  const authors = normaliseText(c.authors);
  const title = normaliseText(c.title);
  const container = normaliseText(c.container ?? '');
  const year = c.year === null ? '' : String(c.year);
  let total = 0;
  for (const token of tokens) {
    let best = 0;
    if (key.startsWith(token)) best = 100;
    if (year && year === token) best = Math.max(best, 70);
    if (wordPrefix(authors, token)) best = Math.max(best, authors.startsWith(token) ? 90 : 80);
    if (wordPrefix(title, token)) best = Math.max(best, title.startsWith(token) ? 70 : 60);
    if (best === 0 && wordPrefix(container, token)) best = 30;
    if (best === 0 && (key.includes(token) || authors.includes(token) || title.includes(token))) best = 40;
    if (best === 0) {
      const spread = subsequenceSpread(key, token);
      if (spread !== null) best = Math.max(5, 30 - spread);
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

function wordPrefix(text: string, token: string): boolean {
  return text.startsWith(token) || text.includes(` ${token}`);
}

/** How many characters a subsequence match skips (null: no match). */
function subsequenceSpread(text: string, token: string): number | null {
  let j = 0;
  let start = -1;
  for (let i = 0; i < text.length && j < token.length; i++) {
    if (text[i] === token[j]) {
      if (start < 0) start = i;
      j++;
      if (j === token.length) return i - start + 1 - token.length;
    }
  }
  return null;
}
