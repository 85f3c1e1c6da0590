import type Database from 'better-sqlite3';
import { MergeReport, type MergeHistoryEntry, type UndoMergeResult } from '../../common/domain/sharing';
import { AppError } from '../../common/errors';
import type { WriteContext } from '../store/kbSession';
import { createLabeler } from './conflicts';
import { createReindexer, createRowStore, TABLE_SPECS, type Row, type TableSpec } from './mergeRows';
import { forgetPeer, recordPeer } from './peers';

interface MergeRow {
  id: string;
  peerId: string;
  peerName: string;
  finishedAt: string;
  report: string;
  previousSeenUpTo: string | null;
  undoneAt: string | null;
}

interface LogRow {
  table: string;
  rowKey: string;
  before: string | null;
  afterUpdatedAt: string;
}

const MERGE_COLUMNS = `id, peer_id AS peerId, peer_name AS peerName, finished_at AS finishedAt, report,
  previous_seen_up_to AS previousSeenUpTo, undone_at AS undoneAt`;

/** Merges into this knowledge base, newest first (merges that changed nothing are not recorded). */
export function mergeHistory(db: Database.Database): MergeHistoryEntry[] {
  return db
    .prepare<[], MergeRow>(`SELECT ${MERGE_COLUMNS} FROM merges ORDER BY finished_at DESC, id DESC`)
    .all()
    .map((m) => ({ id: m.id, peerName: m.peerName, finishedAt: m.finishedAt, report: readReport(m.report, m.peerName), undoneAt: m.undoneAt }));
}

/**
 * Undoes the most recent merge in one transaction. Every record it wrote goes back to what it was
 * before — a record it brought in is removed — unless it has changed since (then it is kept and
 * named in `kept`). Its pending conflicts are dropped, conflicts it replaced come back, and the
 * colleague's mark goes back, so merging their file again brings the same changes again.
 * Only the most recent merge that is not undone can be undone: an earlier one may have been built
 * upon by a later one.
 */
export function undoMerge(ctx: WriteContext, mergeId: string): UndoMergeResult {
  const { db } = ctx;
  return db.transaction((): UndoMergeResult => {
    const merge = db.prepare<[string], MergeRow>(`SELECT ${MERGE_COLUMNS} FROM merges WHERE id = ?`).get(mergeId);
    if (!merge) throw new AppError('NOT_FOUND', `No merge with id “${mergeId}”.`);
    if (merge.undoneAt !== null) throw new AppError('CONFLICT', `The merge from “${merge.peerName}” was already undone.`);
    const later = db
      .prepare<[string, string], { peerName: string }>(
        `SELECT peer_name AS peerName FROM merges WHERE undone_at IS NULL AND id <> ? AND finished_at >= ? ORDER BY finished_at DESC LIMIT 1`,
      )
      .get(mergeId, merge.finishedAt);
    if (later) {
      throw new AppError('CONFLICT', `Only the most recent merge can be undone: undo the later merge from “${later.peerName}” first.`);
    }

    const rows = createRowStore(db);
    const labels = createLabeler(db);
    const reindex = createReindexer(ctx);
    const casesToIndex = new Set<string>();
    const sourcesToIndex = new Set<string>();
    const kept: string[] = [];
    let restored = 0;

    const log = db
      .prepare<[string], LogRow>('SELECT table_name AS "table", row_key AS rowKey, before, after_updated_at AS afterUpdatedAt FROM merge_log WHERE merge_id = ?')
      .all(mergeId);
    const byTable = new Map<string, LogRow[]>();
    for (const entry of log) {
      const list = byTable.get(entry.table);
      if (list) list.push(entry);
      else byTable.set(entry.table, [entry]);
    }

    const touched = (s: TableSpec, key: string, row: Row | undefined) => {
      if (s.table === 'sources') sourcesToIndex.add(key);
      else if (s.table === 'cases') casesToIndex.add(key);
      else if (row && s.caseColumn && s.table !== 'case_links') {
        const caseId = row[s.caseColumn];
        if (typeof caseId === 'string') casesToIndex.add(caseId);
      }
      if (row && (s.table === 'tags' || s.table === 'actors' || s.table === 'fields')) {
        const column = s.table === 'tags' ? 'tag_id' : s.table === 'actors' ? 'actor_id' : 'field_id';
        const linkTable = s.table === 'tags' ? 'case_tags' : s.table === 'actors' ? 'case_actors' : 'case_values';
        for (const caseId of db.prepare<[string], string>(`SELECT DISTINCT case_id FROM ${linkTable} WHERE ${column} = ?`).pluck().all(key)) casesToIndex.add(caseId);
      }
    };

    // Rows the merge changed go back first (their earlier states only refer to records that
    // existed before the merge); then rows it brought in are removed, children before parents.
    const inserted: { s: TableSpec; entry: LogRow }[] = [];
    for (const s of TABLE_SPECS) {
      for (const entry of byTable.get(s.table) ?? []) {
        const current = rows.get(s, entry.rowKey);
        if (!current) continue;
        if (current.updated_at !== entry.afterUpdatedAt) {
          kept.push(labels.record(s.table, current));
          continue;
        }
        if (entry.before === null) {
          inserted.push({ s, entry });
          continue;
        }
        const before = JSON.parse(entry.before) as Row;
        try {
          rows.update(s, entry.rowKey, before);
          restored++;
          touched(s, entry.rowKey, current);
          touched(s, entry.rowKey, before);
        } catch (e) {
          if (!isConstraintError(e)) throw e;
          kept.push(`${labels.record(s.table, current)} (its earlier name is taken now)`);
        }
      }
    }
    for (const { s, entry } of inserted.reverse()) {
      const current = rows.get(s, entry.rowKey);
      if (!current) continue;
      const label = labels.record(s.table, current);
      // Search rows go first; the merge inserted these rows, so nothing else owns their fts_rowid.
      if (s.table === 'cases') dropSearchRow(db, 'cases', entry.rowKey);
      if (s.table === 'sources') dropSearchRow(db, 'sources', entry.rowKey);
      try {
        rows.delete(s, entry.rowKey);
        restored++;
        // A case it belonged to is reindexed; the reindexer skips records no longer there.
        touched(s, entry.rowKey, current);
      } catch (e) {
        if (!isConstraintError(e)) throw e;
        // Records made after the merge refer to it: it stays, and so does its search row.
        kept.push(`${label} (used by records made after the merge)`);
        if (s.table === 'cases') casesToIndex.add(entry.rowKey);
        if (s.table === 'sources') sourcesToIndex.add(entry.rowKey);
      }
    }

    // Conflicts: the versions this merge replaced or settled come back while still pending; the
    // ones it raised go.
    const restoreConflict = db.prepare(
      `UPDATE merge_conflicts SET merge_id = @merge_id, kind = @kind, theirs = @theirs, theirs_updated_at = @theirs_updated_at,
         resolved_at = @resolved_at, resolution = @resolution
       WHERE id = @id AND theirs_updated_at = @after AND (resolved_at IS NULL OR resolution = '"superseded"')`,
    );
    for (const entry of byTable.get('merge_conflicts') ?? []) {
      if (entry.before === null) continue;
      const before = JSON.parse(entry.before) as Row;
      restoreConflict.run({
        id: entry.rowKey,
        after: entry.afterUpdatedAt,
        merge_id: before.merge_id ?? null,
        kind: before.kind ?? null,
        theirs: before.theirs ?? null,
        theirs_updated_at: before.theirs_updated_at ?? null,
        resolved_at: before.resolved_at ?? null,
        resolution: before.resolution ?? null,
      });
    }
    db.prepare('DELETE FROM merge_conflicts WHERE merge_id = ? AND resolved_at IS NULL').run(mergeId);
    db.prepare('DELETE FROM merge_aliases WHERE merge_id = ?').run(mergeId);

    for (const id of sourcesToIndex) reindex.source(id);
    for (const id of casesToIndex) reindex.case(id);

    if (merge.previousSeenUpTo === null) forgetPeer(db, merge.peerId);
    else recordPeer(db, { peerId: merge.peerId, peerName: merge.peerName, seenUpTo: merge.previousSeenUpTo }, true);
    db.prepare('UPDATE merges SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), mergeId);
    return { restored, kept };
  })();
}

function dropSearchRow(db: Database.Database, table: 'cases' | 'sources', id: string): void {
  const rowid = db.prepare<[string], number | null>(`SELECT fts_rowid FROM ${table} WHERE id = ?`).pluck().get(id);
  if (typeof rowid === 'number') db.prepare(`DELETE FROM ${table}_fts WHERE rowid = ?`).run(rowid);
}

function isConstraintError(e: unknown): boolean {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT');
}

function readReport(json: string, peerName: string): MergeReport {
  const parsed = MergeReport.safeParse(safeJson(json));
  if (parsed.success) return parsed.data;
  const none = { cases: 0, sources: 0, other: 0 };
  return { mergeId: null, peerName, backupPath: null, added: none, updated: none, deleted: none, duplicates: [], conflicts: [], notes: [] };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
