import { realpathSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { ConflictKind, MergeCounts, MergeReport } from '../../common/domain/sharing';
import { AppError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { WriteContext } from '../store/kbSession';
import { kbStoreFor } from '../store/kbStore';
import { dedupeCitekey } from '../store/sourceIdentity';
import { deriveSourceColumns } from '../store/sourcesRepository';
import { parseStoredCsl } from '../store/sourcesCsl';
import { listConflicts } from './conflicts';
import { createReindexer, createRowStore, isDeleted, pick, sameContent, TABLE_SPECS, type Row, type SqlValue, type TableSpec } from './mergeRows';
import { getPeer, kbId, recordPeer, type SyncedTable } from './peers';
import type { Preflighted } from './preflight';

/*
 * Merging a colleague's file into ours ("Merge from file…", DESIGN §6): a pull. Their file only
 * ever gives; ours takes what is new, keeps what is ours, and holds real disagreements for the
 * analyst. Every synced row carries `updated_at`, a hybrid-logical-clock version.
 *
 *   seenByUs   our merge_peers mark for their file: every version of theirs at or below it has
 *              been taken in here already (applied, kept behind ours, or held as a conflict).
 *   seenByThem their merge_peers mark for our file: every version of ours at or below it is
 *              known to them.
 *
 * For each of their rows, by primary key (id; case_id for case_notes; key for kb_settings), after
 * translating ids of records the two files know under different ids (merge_aliases):
 *
 *   - only theirs                        → insert (tombstones too: a deletion travels as a row).
 *   - same updated_at                    → the same version: nothing to do.
 *   - theirs ≤ seenByUs (not new)        → keep ours: we took that version in before.
 *   - ours ≤ seenByThem (not new)        → take theirs, whole row with its updated_at/updated_by/
 *                                          deleted_at: they changed it after seeing ours.
 *   - both new, same content or both deleted → the larger updated_at wins, silently.
 *   - both new, different               → conflict: ours stays, theirs is stored in merge_conflicts
 *                                          (kind both-edited, or we-/they-deleted when one side
 *                                          holds a tombstone). Resolving writes a fresh version,
 *                                          newer than both, which then travels back to them.
 *   - only ours                          → keep (their file never hears of it from us here).
 *
 * "Ours not new" also fails when their file holds our current version as one of *its* pending
 * conflicts: they have seen it but not accepted it, so we must not silently take theirs over it.
 *
 * Records created independently on both sides that are the same thing are matched and remembered
 * in merge_aliases (their id → ours). First by what their file remembers from merging ours (its
 * own merge_aliases, exact), else by natural key among our records their file does not hold:
 * tags, actors and fields by name (fields also by type), saved views by table and name — the
 * newest version wins, no question asked (a select field gets the options of both); a case's
 * value of a field, tag link and actor link — compared like any row (two different values for the
 * same field of the same case are a conflict); sources by DOI, ISBN or title + first author + year
 * (sourceIdentity.ts) — ours is kept and reported as a duplicate merged. Their rows that refer to
 * a matched record (citations of a duplicate source, footnotes inside their notes, a case's tag
 * links …) are re-pointed at ours. A live name that is still taken (a different source with the
 * same citekey, a text field named like their number field) gets a free one, stamped with our
 * clock so that the rename travels back to them.
 *
 * A file with our own identity (copied outside Casebook) or without one (made before sharing) has
 * no shared history with ours: both marks are '' so every difference is a conflict, never a
 * silent overwrite; the report's notes say so.
 *
 * Idempotence: a second merge of the same file finds every row either equal, not new, or held as
 * the same pending conflict — it writes nothing, and its report has mergeId null. Convergence:
 * after A pulls B and B pulls A (conflicts resolved), both hold the same versions; a resolution is
 * newer than what the other side has seen, so it wins there.
 *
 * Everything happens in one transaction on our connection (BEGIN IMMEDIATE … beforeCommit …
 * COMMIT, ROLLBACK on any error or a cancel), so a merge is applied whole or not at all. Each row
 * written is logged with its previous state for undo (merge_log).
 *
 * Their file is read through the checked copy ATTACHed as `theirs`. That is safe because
 * preflightTheirs has verified the copy's schema is exactly ours — no trigger or view exists to
 * run — and the connection keeps trusted_schema=OFF; the copy sits in our work folder, so their
 * own file is never opened at all. Attaching lets SQLite compare both sides by primary key in one
 * indexed join per table, instead of carrying every id of a 100,000-case file through JavaScript.
 */

export interface MergeOptions {
  /** Who the colleague is, in words (their name or file name), for the history and merge_peers. */
  peerName: string;
  /** The verified backup of our file taken just before, recorded in the history. */
  backupPath: string | null;
  onProgress(phase: string, done: number, total: number): void;
  /** Awaited after every row is written and before COMMIT (the job's go-ahead; a cancel throws). */
  beforeCommit?: () => Promise<void>;
}

const CHUNK = 500;

/**
 * Merges the checked copy of a colleague's file into the knowledge base of `ctx`. Observes their
 * newest timestamp on `ctx`'s clock; a session in another process on the same file must observe
 * `newestTimestamp(db)` after the job (see the report to the integrator).
 */
export async function mergeFrom(ctx: WriteContext, pre: Preflighted, options: MergeOptions): Promise<MergeReport> {
  const { db } = ctx;
  if (db.inTransaction) throw new Error('mergeFrom runs its own transaction; call it outside one.');
  if (samePath(pre.theirsPath, db.name)) {
    throw new AppError('CONFLICT', `“${pre.name}” is this knowledge base itself; choose a colleague's file to merge.`);
  }
  // Our edits from now on (renames made by the merge, later resolutions) sort after theirs.
  if (pre.newestTimestamp) ctx.observe(pre.newestTimestamp);

  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  // Keep the whole merge in this connection's cache until COMMIT (as imports do), so the exclusive
  // lock is taken only at the end and readers are not held up while it runs.
  db.pragma('cache_size = -262144');
  let attached = false;
  try {
    db.prepare('ATTACH DATABASE ? AS theirs').run(pre.copyPath);
    attached = true;
    db.exec('BEGIN IMMEDIATE');
    try {
      const report = runMerge(ctx, pre, options);
      await options.beforeCommit?.();
      db.exec('COMMIT');
      return report;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  } finally {
    if (attached) db.exec('DETACH DATABASE theirs');
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

interface Candidate {
  /** Their primary key. */
  key: string;
  /** Our row matched by id or a remembered alias, or null. */
  ourKey: string | null;
}

interface PendingConflict {
  id: string;
  theirsUpdatedAt: string;
}

type Counts = Record<'added' | 'updated' | 'deleted', MergeCounts>;

function runMerge(ctx: WriteContext, pre: Preflighted, options: MergeOptions): MergeReport {
  const { db } = ctx;
  const { peerName } = options;
  const ourKbId = kbId(db);
  const notes: string[] = [];
  let peerId: string | null = pre.kbId;
  if (pre.kbId === null) {
    notes.push(
      `“${pre.name}” was made by a Casebook without sharing (schema ${pre.schemaVersion}), so it has no shared history with this knowledge base: records that differ are held as conflicts for review instead of one side silently replacing the other.`,
    );
  } else if (pre.kbId === ourKbId) {
    peerId = null;
    notes.push(
      `“${pre.name}” is a copy of this knowledge base made outside Casebook (it carries the same identity), so the two have no shared history: records that differ are held as conflicts for review instead of one side silently replacing the other.`,
    );
  }
  const previous = peerId === null ? null : getPeer(db, peerId);
  const seenByUs = previous?.seenUpTo ?? '';
  const seenByThem =
    peerId === null ? '' : (db.prepare<[string], string>('SELECT seen_up_to FROM theirs.merge_peers WHERE peer_id = ?').pluck().get(ourKbId) ?? '');

  const mergeId = newId();
  const rows = createRowStore(db);
  const store = kbStoreFor(ctx);
  const nowIso = () => new Date().toISOString();
  db.prepare(
    `INSERT INTO merges (id, peer_id, peer_name, peer_path, finished_at, backup_path, report, previous_seen_up_to)
     VALUES (?, ?, ?, ?, ?, ?, '{}', ?)`,
  ).run(mergeId, peerId ?? pre.kbId ?? '', peerName, pre.theirsPath, nowIso(), options.backupPath, previous?.seenUpTo ?? null);

  // Bookkeeping read once: remembered aliases, pending conflicts on both sides.
  const aliases = new Map<string, Map<string, string>>();
  for (const a of db.prepare<[], { t: string; theirs: string; ours: string }>('SELECT table_name AS t, their_id AS theirs, our_id AS ours FROM main.merge_aliases').all()) {
    aliasesOf(a.t).set(a.theirs, a.ours);
  }
  function aliasesOf(table: string): Map<string, string> {
    let m = aliases.get(table);
    if (!m) aliases.set(table, (m = new Map()));
    return m;
  }
  const ourPending = new Map<string, PendingConflict>();
  for (const c of db
    .prepare<[], { id: string; t: string; k: string; ua: string }>('SELECT id, table_name AS t, row_key AS k, theirs_updated_at AS ua FROM main.merge_conflicts WHERE resolved_at IS NULL')
    .all()) {
    ourPending.set(`${c.t}\0${c.k}`, { id: c.id, theirsUpdatedAt: c.ua });
  }
  const theirPending = new Set(
    db
      .prepare<[], string>(`SELECT table_name || char(0) || row_key || char(0) || theirs_updated_at FROM theirs.merge_conflicts WHERE resolved_at IS NULL`)
      .pluck()
      .all(),
  );

  // Matches their file made when it merged ours: its record `our_id` is the same thing as
  // `their_id`, which may be a record of ours. The exact answer, where our heuristics would guess
  // (and could not match, say, a tag link they removed after matching it to ours).
  const knownToThem = new Map<string, Map<string, string[]>>();
  for (const a of db.prepare<[], { t: string; other: string; own: string }>('SELECT table_name AS t, their_id AS other, our_id AS own FROM theirs.merge_aliases').all()) {
    let byTable = knownToThem.get(a.t);
    if (!byTable) knownToThem.set(a.t, (byTable = new Map()));
    const list = byTable.get(a.own);
    if (list) list.push(a.other);
    else byTable.set(a.own, [a.other]);
  }

  const insertAlias = db.prepare('INSERT OR REPLACE INTO main.merge_aliases (table_name, their_id, our_id, merge_id) VALUES (?, ?, ?, ?)');
  const logRow = db.prepare(
    `INSERT INTO main.merge_log (merge_id, table_name, row_key, before, after_updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (merge_id, table_name, row_key) DO UPDATE SET after_updated_at = excluded.after_updated_at`,
  );
  const conflictRow = db.prepare<[string], Row>(
    'SELECT merge_id, kind, theirs, theirs_updated_at, resolved_at, resolution FROM main.merge_conflicts WHERE id = ?',
  );
  const insertConflict = db.prepare(
    `INSERT INTO main.merge_conflicts (id, merge_id, table_name, row_key, case_id, kind, theirs, theirs_updated_at, created_at)
     VALUES (@id, @mergeId, @table, @rowKey, @caseId, @kind, @theirs, @theirsUpdatedAt, @createdAt)`,
  );
  const replaceConflict = db.prepare(
    'UPDATE main.merge_conflicts SET merge_id = @mergeId, kind = @kind, theirs = @theirs, theirs_updated_at = @theirsUpdatedAt WHERE id = @id',
  );
  const supersedeConflict = db.prepare(`UPDATE main.merge_conflicts SET resolved_at = ?, resolution = '"superseded"' WHERE id = ?`);

  const counts: Counts = { added: zero(), updated: zero(), deleted: zero() };
  const duplicates: MergeReport['duplicates'] = [];
  /** Keys of rows this merge inserted, by table: never natural-key partners of their other rows. */
  const inserted = new Map<string, Set<string>>();
  const casesToIndex = new Set<string>();
  const sourcesToIndex = new Set<string>();
  const renamedEntities = { tags: new Set<string>(), actors: new Set<string>(), fields: new Set<string>() };
  let written = 0;
  let conflictsTouched = 0;

  // ---- reading: which of their rows need a decision at all ----
  const candidates = new Map<string, Candidate[]>();
  TABLE_SPECS.forEach((s, i) => {
    options.onProgress('reading', i, TABLE_SPECS.length);
    const k = s.key;
    const list = db
      .prepare<{ seen: string; table: string }, { key: string; ourKey: string | null }>(
        `SELECT t.${k} AS key, o.${k} AS ourKey FROM theirs.${s.table} t
         LEFT JOIN main.merge_aliases a ON a.table_name = @table AND a.their_id = t.${k}
         LEFT JOIN main.${s.table} o ON o.${k} = coalesce(a.our_id, t.${k})
         WHERE o.${k} IS NULL OR (t.updated_at > @seen AND t.updated_at <> o.updated_at)
         ORDER BY t.${k}`,
      )
      .all({ seen: seenByUs, table: s.table });
    candidates.set(s.table, list);
  });
  options.onProgress('reading', TABLE_SPECS.length, TABLE_SPECS.length);

  // ---- natural keys ----
  const theirHas = new Map<string, Database.Statement<[string], number>>();
  function presentInTheirs(s: TableSpec, key: string): boolean {
    let st = theirHas.get(s.table);
    if (!st) theirHas.set(s.table, (st = db.prepare<[string], number>(`SELECT 1 FROM theirs.${s.table} WHERE ${s.key} = ?`).pluck()));
    return st.get(key) !== undefined;
  }
  const naturalSql: Partial<Record<SyncedTable, Database.Statement<SqlValue[], string>>> = {
    fields: db.prepare<SqlValue[], string>('SELECT id FROM main.fields WHERE name = ? COLLATE NOCASE AND type = ? AND deleted_at IS NULL ORDER BY id').pluck(),
    tags: db.prepare<SqlValue[], string>('SELECT id FROM main.tags WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY id').pluck(),
    actors: db.prepare<SqlValue[], string>('SELECT id FROM main.actors WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY id').pluck(),
    saved_views: db.prepare<SqlValue[], string>('SELECT id FROM main.saved_views WHERE table_name = ? AND name = ? AND deleted_at IS NULL ORDER BY id').pluck(),
    case_values: db.prepare<SqlValue[], string>('SELECT id FROM main.case_values WHERE case_id = ? AND field_id = ?').pluck(),
    case_tags: db.prepare<SqlValue[], string>('SELECT id FROM main.case_tags WHERE case_id = ? AND tag_id = ? AND deleted_at IS NULL ORDER BY id').pluck(),
    case_actors: db.prepare<SqlValue[], string>('SELECT id FROM main.case_actors WHERE case_id = ? AND actor_id = ? AND deleted_at IS NULL ORDER BY id').pluck(),
  };
  const naturalArgs: Partial<Record<SyncedTable, (t: Row) => SqlValue[]>> = {
    fields: (t) => [t.name ?? null, t.type ?? null],
    tags: (t) => [t.name ?? null],
    actors: (t) => [t.name ?? null],
    saved_views: (t) => [t.table_name ?? null, t.name ?? null],
    case_values: (t) => [t.case_id ?? null, t.field_id ?? null],
    case_tags: (t) => [t.case_id ?? null, t.tag_id ?? null],
    case_actors: (t) => [t.case_id ?? null, t.actor_id ?? null],
  };
  const sourceBy = {
    doi: db.prepare<[string], SourceIdentityRow>('SELECT id, citekey, title, doi, isbn FROM main.sources WHERE doi = ? AND deleted_at IS NULL ORDER BY id'),
    isbn: db.prepare<[string], SourceIdentityRow>('SELECT id, citekey, title, doi, isbn FROM main.sources WHERE isbn = ? AND deleted_at IS NULL ORDER BY id'),
    identity: db.prepare<[string], SourceIdentityRow>('SELECT id, citekey, title, doi, isbn FROM main.sources WHERE identity_key = ? AND deleted_at IS NULL ORDER BY id'),
  };

  /** Our record that their row (absent here by id) is the same thing as, if any. */
  function naturalPartner(s: TableSpec, t: Row, theirKey: string): string | null {
    if (s.match === null) return null;
    const eligible = (ourKey: string) =>
      // A value row is unique per case and field whatever its state; other partners must be
      // records their file does not hold itself (then the two are distinct on their side too).
      s.table === 'case_values' || (!inserted.get(s.table)?.has(ourKey) && !presentInTheirs(s, ourKey));
    // A case new to us has no values or links here yet (the common case of a large merge).
    if (s.match === 'link' && typeof t.case_id === 'string' && inserted.get('cases')?.has(t.case_id)) return null;
    const known = knownToThem.get(s.table)?.get(theirKey)?.find((id) => rows.get(s, id) !== undefined && eligible(id));
    if (known !== undefined) {
      if (s.table === 'sources') reportDuplicate(known, t);
      return known;
    }
    if (s.table === 'sources') return isDeleted(s, t) ? null : duplicateOf(t, eligible);
    if (s.table !== 'case_values' && isDeleted(s, t)) return null;
    const st = naturalSql[s.table];
    const args = naturalArgs[s.table];
    if (!st || !args) return null;
    return st.all(...args(t)).find(eligible) ?? null;
  }

  const sourceById = db.prepare<[string], SourceIdentityRow>('SELECT id, citekey, title, doi, isbn FROM main.sources WHERE id = ?');
  function reportDuplicate(ourId: string, t: Row): void {
    const ours = sourceById.get(ourId);
    if (ours) duplicates.push({ kept: ours.citekey, merged: str(t.citekey), title: ours.title || deriveSourceColumns(parseStoredCsl(str(t.csl))).title });
  }

  function duplicateOf(t: Row, eligible: (key: string) => boolean): string | null {
    const ids = deriveSourceColumns(parseStoredCsl(str(t.csl)));
    // Strongest evidence first; two different DOIs (or ISBNs) mean two different works.
    const compatible = (o: SourceIdentityRow) => (!ids.doi || !o.doi || ids.doi === o.doi) && (!ids.isbn || !o.isbn || ids.isbn === o.isbn);
    const found =
      (ids.doi ? sourceBy.doi.all(ids.doi) : []).find((o) => eligible(o.id)) ??
      (ids.isbn ? sourceBy.isbn.all(ids.isbn) : []).find((o) => eligible(o.id) && compatible(o)) ??
      (ids.identityKey ? sourceBy.identity.all(ids.identityKey) : []).find((o) => eligible(o.id) && compatible(o));
    if (!found) return null;
    reportDuplicate(found.id, t);
    return found.id;
  }

  // ---- names that must stay unique among live records ----
  const liveName: Partial<Record<SyncedTable, Database.Statement<SqlValue[], string>>> = {
    sources: db.prepare<SqlValue[], string>('SELECT id FROM main.sources WHERE citekey = ? AND deleted_at IS NULL').pluck(),
    tags: db.prepare<SqlValue[], string>('SELECT id FROM main.tags WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').pluck(),
    fields: db.prepare<SqlValue[], string>('SELECT id FROM main.fields WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').pluck(),
    actors: db.prepare<SqlValue[], string>('SELECT id FROM main.actors WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').pluck(),
    saved_views: db.prepare<SqlValue[], string>('SELECT id FROM main.saved_views WHERE table_name = ? AND name = ? AND deleted_at IS NULL').pluck(),
    case_tags: db.prepare<SqlValue[], string>('SELECT id FROM main.case_tags WHERE case_id = ? AND tag_id = ? AND deleted_at IS NULL').pluck(),
  };
  const restamp = (row: Row) => {
    row.updated_at = ctx.tick();
    row.updated_by = ctx.who();
  };

  /**
   * Makes a live row's unique name free before it is written over `selfKey` (null: inserted): a
   * clashing name gets a suffix and our clock's stamp, so the rename travels back to them.
   */
  function freeName(s: TableSpec, row: Row, selfKey: string | null): void {
    if (isDeleted(s, row)) return;
    const st = liveName[s.table];
    if (!st) return;
    const clash = (args: SqlValue[]) => st.all(...args).some((id) => id !== selfKey);
    switch (s.table) {
      case 'sources': {
        const wanted = str(row.citekey);
        if (!clash([wanted])) return;
        row.citekey = dedupeCitekey(wanted, (key) => clash([key]));
        restamp(row);
        notes.push(`Their source “${wanted}” is now “${str(row.citekey)}”: “${wanted}” is the citekey of a different source here.`);
        return;
      }
      case 'case_tags': {
        // The same tag is already on the case here: their link adds nothing, so it arrives as removed.
        if (typeof row.case_id === 'string' && inserted.get('cases')?.has(row.case_id)) return;
        if (clash([row.case_id ?? null, row.tag_id ?? null])) row.deleted_at = nowIso();
        return;
      }
      case 'saved_views': {
        const wanted = str(row.name);
        if (!clash([row.table_name ?? null, wanted])) return;
        row.name = uniqueName(wanted, (n) => clash([row.table_name ?? null, n]));
        restamp(row);
        return;
      }
      default: {
        const wanted = str(row.name);
        if (!clash([wanted])) return;
        row.name = uniqueName(wanted, (n) => clash([n]));
        restamp(row);
        const what = s.table === 'fields' ? 'field' : s.table === 'tags' ? 'tag' : 'actor';
        notes.push(`Their ${what} “${wanted}” is now “${str(row.name)}”: another ${what} here has that name.`);
      }
    }
  }
  function uniqueName(base: string, taken: (name: string) => boolean): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? `${base} (${peerName})` : `${base} (${peerName} ${n})`;
      if (!taken(candidate)) return candidate;
    }
  }

  // ---- translation of their rows into our ids ----
  function translate(s: TableSpec, raw: Row): Row {
    const t: Row = { ...raw };
    for (const [col, table] of Object.entries(s.refs)) {
      const v = t[col];
      if (typeof v === 'string') {
        const mapped = aliases.get(table)?.get(v);
        if (mapped !== undefined) t[col] = mapped;
      }
    }
    if (s.table === 'case_notes' && typeof t.note_json === 'string') {
      const sourceAliases = aliases.get('sources');
      if (sourceAliases && sourceAliases.size > 0) t.note_json = remapFootnoteSources(t.note_json, sourceAliases);
    }
    return t;
  }

  // ---- effects ----
  function log(s: TableSpec | 'merge_conflicts', rowKey: string, before: Row | null, afterUpdatedAt: string): void {
    logRow.run(mergeId, typeof s === 'string' ? s : s.table, rowKey, before === null ? null : JSON.stringify(before), afterUpdatedAt);
    written++;
  }

  /** Notes the search rows a write makes stale: its case's, its source's, or those of every case using a renamed tag. */
  function touched(s: TableSpec, ourKey: string, before: Row | undefined, after: Row): void {
    if (s.table === 'cases') casesToIndex.add(ourKey);
    else if (s.table === 'sources') sourcesToIndex.add(ourKey);
    else if (s.table === 'tags' || s.table === 'actors' || s.table === 'fields') {
      // Case text holds tag and actor names and the values of live fields; a new one is in no case's text yet.
      const words = s.table === 'tags' ? ['name'] : s.table === 'actors' ? ['name', 'abbreviation'] : [];
      if (before && (isDeleted(s, before) !== isDeleted(s, after) || words.some((w) => before[w] !== after[w]))) renamedEntities[s.table].add(ourKey);
    } else if (s.caseColumn && s.table !== 'case_links') {
      for (const row of before ? [before, after] : [after]) {
        const caseId = row[s.caseColumn];
        if (typeof caseId === 'string') casesToIndex.add(caseId);
      }
    }
  }

  function count(s: TableSpec, before: Row | undefined, after: Row): void {
    const wasLive = before !== undefined && !isDeleted(s, before);
    const isLive = !isDeleted(s, after);
    if (before === undefined) {
      if (isLive) counts.added[s.counts]++;
    } else if (wasLive && !isLive) counts.deleted[s.counts]++;
    else if (isLive) counts.updated[s.counts]++;
  }

  function insertTheirs(s: TableSpec, t: Row): void {
    const row = pick(s, t);
    freeName(s, row, null);
    const key = str(row[s.key]);
    rows.insert(s, row);
    let set = inserted.get(s.table);
    if (!set) inserted.set(s.table, (set = new Set()));
    set.add(key);
    log(s, key, null, str(row.updated_at));
    count(s, undefined, row);
    touched(s, key, undefined, row);
  }

  function takeTheirs(s: TableSpec, ourKey: string, o: Row, t: Row): void {
    const row = pick(s, t);
    row[s.key] = ourKey;
    freeName(s, row, ourKey);
    log(s, ourKey, o, str(row.updated_at));
    rows.update(s, ourKey, row);
    count(s, o, row);
    touched(s, ourKey, o, row);
    const pending = ourPending.get(`${s.table}\0${ourKey}`);
    if (pending) {
      log('merge_conflicts', pending.id, conflictRow.get(pending.id) ?? null, pending.theirsUpdatedAt);
      supersedeConflict.run(nowIso(), pending.id);
      ourPending.delete(`${s.table}\0${ourKey}`);
    }
  }

  function holdConflict(s: TableSpec, ourKey: string, o: Row, t: Row): void {
    const kind: ConflictKind = isDeleted(s, o) ? 'we-deleted' : isDeleted(s, t) ? 'they-deleted' : 'both-edited';
    const theirs = JSON.stringify(pick(s, t));
    const theirsUpdatedAt = str(t.updated_at);
    const pendingKey = `${s.table}\0${ourKey}`;
    const pending = ourPending.get(pendingKey);
    if (pending) {
      // The same disagreement, already waiting for the analyst: keep one conflict, with their newest version.
      if (theirsUpdatedAt <= pending.theirsUpdatedAt) return;
      log('merge_conflicts', pending.id, conflictRow.get(pending.id) ?? null, theirsUpdatedAt);
      replaceConflict.run({ id: pending.id, mergeId, kind, theirs, theirsUpdatedAt });
      ourPending.set(pendingKey, { id: pending.id, theirsUpdatedAt });
    } else {
      const id = newId();
      const caseColumnValue = s.caseColumn ? o[s.caseColumn] : null;
      insertConflict.run({ id, mergeId, table: s.table, rowKey: ourKey, caseId: typeof caseColumnValue === 'string' ? caseColumnValue : null, kind, theirs, theirsUpdatedAt, createdAt: nowIso() });
      log('merge_conflicts', id, null, theirsUpdatedAt);
      ourPending.set(pendingKey, { id, theirsUpdatedAt });
    }
    conflictsTouched++;
  }

  function decide(s: TableSpec, theirKey: string, t: Row, o: Row, newlyMatched: boolean): 'keep' | 'take' | 'conflict' {
    const tUa = str(t.updated_at);
    const oUa = str(o.updated_at);
    const newer = tUa > oUa ? 'take' : 'keep';
    if (newlyMatched && s.match === 'duplicate') return 'keep';
    if (newlyMatched && s.match === 'entity') return newer;
    if (tUa <= seenByUs) return 'keep';
    const oursNew = oUa > seenByThem || theirPending.has(`${s.table}\0${theirKey}\0${oUa}`);
    if (!oursNew) return 'take';
    if (s.bothEdited === 'newest' || sameContent(s, t, o)) return newer;
    return 'conflict';
  }

  /**
   * One field created on both sides: the newer definition, with the options of both (a value
   * chosen on either side stays one of the field's options). A union that neither side has yet is
   * a new version of ours, so that it travels back to them.
   */
  function meetFields(s: TableSpec, ourKey: string, o: Row, t: Row): void {
    const newer = str(t.updated_at) > str(o.updated_at) ? t : o;
    const options = unionOptions(str(newer.options), str(newer === t ? o.options : t.options));
    if (options === str(newer.options)) {
      if (newer === t) takeTheirs(s, ourKey, o, t);
      return;
    }
    const row: Row = { ...pick(s, newer), options };
    restamp(row);
    takeTheirs(s, ourKey, o, row);
  }

  // ---- merging, table by table in foreign-key order ----
  const theirRowsSql = new Map<string, Database.Statement<[string], Row>>();
  for (const s of TABLE_SPECS) {
    const list = candidates.get(s.table) ?? [];
    // Rows we hold under the same key first, then new ones: a name freed by an update in this
    // table is then free for an insert.
    const ordered = [...list.filter((c) => c.ourKey !== null), ...list.filter((c) => c.ourKey === null)];
    let fetch = theirRowsSql.get(s.table);
    if (!fetch) {
      fetch = db.prepare<[string], Row>(`SELECT ${s.columns.join(', ')} FROM theirs.${s.table} WHERE ${s.key} IN (SELECT value FROM json_each(?))`);
      theirRowsSql.set(s.table, fetch);
    }
    options.onProgress(s.phase, 0, ordered.length);
    for (let i = 0; i < ordered.length; i += CHUNK) {
      const chunk = ordered.slice(i, i + CHUNK);
      const theirRows = new Map(fetch.all(JSON.stringify(chunk.map((c) => c.key))).map((r) => [str(r[s.key]), r]));
      for (const c of chunk) {
        const raw = theirRows.get(c.key);
        if (!raw) continue;
        const t = translate(s, raw);
        let ourKey = c.ourKey;
        let newlyMatched = false;
        if (ourKey === null) {
          ourKey = naturalPartner(s, t, c.key);
          if (ourKey !== null) {
            newlyMatched = true;
            aliasesOf(s.table).set(c.key, ourKey);
            insertAlias.run(s.table, c.key, ourKey, mergeId);
          }
        }
        const o = ourKey === null ? undefined : rows.get(s, ourKey);
        if (ourKey === null || o === undefined) {
          insertTheirs(s, t);
          continue;
        }
        if (t.updated_at === o.updated_at) continue;
        if (newlyMatched && s.table === 'fields') {
          meetFields(s, ourKey, o, t);
          continue;
        }
        const action = decide(s, c.key, t, o, newlyMatched);
        if (action === 'take') takeTheirs(s, ourKey, o, t);
        else if (action === 'conflict') holdConflict(s, ourKey, o, t);
      }
      options.onProgress(s.phase, Math.min(i + CHUNK, ordered.length), ordered.length);
    }
  }

  // ---- derived data: search rows of every case and source whose text may have changed ----
  for (const tagId of renamedEntities.tags) {
    for (const caseId of db.prepare<[string], string>('SELECT DISTINCT case_id FROM main.case_tags WHERE tag_id = ? AND deleted_at IS NULL').pluck().all(tagId)) casesToIndex.add(caseId);
  }
  for (const actorId of renamedEntities.actors) for (const caseId of store.repos.actors.caseIdsOfActor(actorId)) casesToIndex.add(caseId);
  for (const fieldId of renamedEntities.fields) for (const caseId of store.repos.values.caseIdsOfField(fieldId)) casesToIndex.add(caseId);
  const reindex = createReindexer(ctx);
  const totalIndex = casesToIndex.size + sourcesToIndex.size;
  let indexed = 0;
  options.onProgress('indexing', 0, totalIndex);
  for (const id of sourcesToIndex) {
    reindex.source(id);
    if (++indexed % CHUNK === 0) options.onProgress('indexing', indexed, totalIndex);
  }
  for (const id of casesToIndex) {
    reindex.case(id);
    if (++indexed % CHUNK === 0) options.onProgress('indexing', indexed, totalIndex);
  }
  options.onProgress('indexing', totalIndex, totalIndex);

  // ---- bookkeeping ----
  options.onProgress('finishing', 0, 1);
  if (peerId !== null) recordPeer(db, { peerId, peerName, seenUpTo: pre.newestTimestamp });
  const changed = written > 0 || conflictsTouched > 0;
  const report: MergeReport = {
    mergeId: changed ? mergeId : null,
    peerName,
    backupPath: options.backupPath,
    added: counts.added,
    updated: counts.updated,
    deleted: counts.deleted,
    duplicates,
    conflicts: changed ? listConflicts(db).filter((c) => c.mergeId === mergeId) : [],
    notes,
  };
  if (changed) {
    db.prepare('UPDATE main.merges SET report = ?, finished_at = ? WHERE id = ?').run(JSON.stringify(report), nowIso(), mergeId);
  } else {
    // Nothing to undo: no history entry. Aliases found on the way stay (they are still true).
    db.prepare('UPDATE main.merge_aliases SET merge_id = NULL WHERE merge_id = ?').run(mergeId);
    db.prepare('DELETE FROM main.merges WHERE id = ?').run(mergeId);
  }
  options.onProgress('finishing', 1, 1);
  return report;
}

/** The options of `first` followed by those of `second` it lacks (compared ignoring case), as JSON. */
function unionOptions(first: string, second: string): string {
  const parse = (json: string): string[] => {
    try {
      const v = JSON.parse(json) as unknown;
      return Array.isArray(v) ? v.filter((o): o is string => typeof o === 'string') : [];
    } catch {
      return [];
    }
  };
  const a = parse(first);
  const b = parse(second);
  const seen = new Set(a.map((o) => o.toLocaleLowerCase()));
  const extra = b.filter((o) => !seen.has(o.toLocaleLowerCase()));
  return extra.length === 0 ? first : JSON.stringify([...a, ...extra]);
}

interface SourceIdentityRow {
  id: string;
  citekey: string;
  title: string;
  doi: string | null;
  isbn: string | null;
}

function zero(): MergeCounts {
  return { cases: 0, sources: 0, other: 0 };
}

function str(v: SqlValue | undefined): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * A note's JSON with the source ids inside its footnotes' citations re-pointed through `aliases`
 * (their duplicate source → ours); the text is returned unchanged when no citation needed it.
 */
export function remapFootnoteSources(noteJson: string, aliases: ReadonlyMap<string, string>): string {
  if (!noteJson.includes('"footnote"')) return noteJson;
  let note: unknown;
  try {
    note = JSON.parse(noteJson);
  } catch {
    return noteJson;
  }
  let changed = false;
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as Record<string, unknown>;
    if (n.type === 'footnote' && Array.isArray(n.citations)) {
      for (const c of n.citations) {
        if (typeof c !== 'object' || c === null) continue;
        const ref = c as Record<string, unknown>;
        const mapped = typeof ref.sourceId === 'string' ? aliases.get(ref.sourceId) : undefined;
        if (mapped !== undefined) {
          ref.sourceId = mapped;
          changed = true;
        }
      }
    }
    for (const value of Object.values(n)) if (typeof value === 'object') visit(value);
  };
  visit(note);
  return changed ? JSON.stringify(note) : noteJson;
}
