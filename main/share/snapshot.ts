import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { CopyResult, CopyScope } from '../../common/domain/sharing';
import { AppError } from '../../common/errors';
import { latestSchemaVersion, migrate } from '../db/migrations';
import { KB_EXTENSION, configureConnection, getSqliteNativeBinding, openKb } from '../db/openKb';
import type { ProgressFn } from '../import/importTypes';
import { fsyncDir, fsyncPath, placeFile, quickCheckFile } from './backups';
import { describeHolderForCli, liveLockHolder } from './kbLock';
import { SYNCED_TABLES, assignNewKbId, kbId, newestTimestamp, recordPeer } from './peers';

export interface SaveCopyOptions {
  /** Replace an existing file at `dest` (never one open in Casebook). */
  overwrite?: boolean;
  onProgress?: ProgressFn;
}

export type SaveCopyResult = CopyResult & {
  /** The copy's own identity. */
  kbId: string;
  /** The newest change of the original the copy holds; both files have seen each other up to it. */
  seenUpTo: string;
  /** The original's identity, recorded in the copy as its peer. */
  sourceKbId: string;
};

/**
 * "Save a copy" / "Export for a colleague": writes a consistent copy of the knowledge base at
 * `sourcePath` to `dest`, all of it or some cases with what they use. Runs in the job process on a
 * read-only connection of its own (the app keeps its connection and may go on writing: the snapshot
 * is taken by `VACUUM INTO` inside one read transaction, so it holds every save or none of one).
 *
 * The snapshot is written beside `dest` under a temporary name and changed there: it gets its own
 * identity and records the original as a peer seen up to the snapshot; a `cases` scope removes,
 * for good, every other case with everything attached to it, the sources no kept case cites, and
 * the tags and actors no kept case uses (a fresh copy has never been shared, so nothing needs a
 * tombstone), and rebuilds both search indexes so no word of a removed record stays in the file.
 * The file's own merge bookkeeping (history, conflicts, other peers) is not copied. Then `VACUUM`
 * (removed records leave no free pages behind), `quick_check`, fsync, and an atomic rename onto
 * `dest`: an existing good file is never replaced by a half-written one.
 *
 * The caller records the copy as a peer of the original on the app's connection:
 * `recordPeer(original, { peerId: result.kbId, peerName: <copy's name>, seenUpTo: result.seenUpTo })`.
 */
export function saveCopy(sourcePath: string, dest: string, scope: CopyScope, options: SaveCopyOptions = {}): SaveCopyResult {
  const progress: ProgressFn = options.onProgress ?? (() => {});
  const overwrite = options.overwrite === true;
  const source = resolve(sourcePath);
  const target = resolve(dest);
  refuseDestination(source, target, overwrite);

  const temp = join(dirname(target), `.${basename(target)}.copying-${randomBytes(4).toString('hex')}`);
  try {
    progress('snapshot', 0, 1);
    const original = openKb(source, { readOnly: true });
    try {
      if (original.schemaVersion > latestSchemaVersion()) {
        throw new AppError('TOO_NEW', `“${basename(source)}” was written by a newer Casebook; update Casebook to copy it.`);
      }
      original.db.prepare('VACUUM INTO ?').run(temp);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('IO', `Could not write the copy “${basename(target)}”: ${(e as Error).message}`);
    } finally {
      original.close();
    }
    progress('snapshot', 1, 1);

    const result = prepareCopy(temp, source, scope, progress);

    progress('checking', 0, 1);
    const problem = quickCheckFile(temp);
    if (problem) throw new AppError('IO', `The copy failed its integrity check (${problem}), so it was discarded; “${basename(target)}” was not written.`);
    fsyncPath(temp);
    refuseDestination(source, target, overwrite);
    if (overwrite) {
      // A journal left by the replaced file would be "rolled back" into the copy on its first open.
      rmSync(`${target}-journal`, { force: true });
    }
    placeFile(temp, target, overwrite);
    fsyncDir(dirname(target));
    progress('checking', 1, 1);
    return { ...result, path: target, bytes: statSync(target).size };
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
  }
}

function refuseDestination(source: string, target: string, overwrite: boolean): void {
  if (!existsSync(target)) return;
  if (sameFile(source, target)) {
    throw new AppError('CONFLICT', `A copy cannot replace the knowledge base it is made from; choose another name than “${basename(target)}”.`);
  }
  if (!overwrite) throw new AppError('ALREADY_EXISTS', `“${basename(target)}” already exists; choose another name or allow replacing it.`);
  const holder = liveLockHolder(target);
  if (holder) throw new AppError('CONFLICT', describeHolderForCli(target, holder, 'close it there before replacing it'));
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

/** Everything done to the snapshot before it is checked and put in place. */
function prepareCopy(temp: string, source: string, scope: CopyScope, progress: ProgressFn): Omit<SaveCopyResult, 'path' | 'bytes'> {
  const db = new Database(temp, { fileMustExist: true, nativeBinding: getSqliteNativeBinding() });
  try {
    configureConnection(db, { readOnly: false });
    // Only the copy is written, and it is discarded on any failure: no need to wait for the disk.
    db.pragma('synchronous = OFF');
    // The original's merge bookkeeping, deleted from a whole copy, is overwritten rather than left
    // readable in free space (a copy of some cases is rewritten by VACUUM instead).
    if (scope.kind === 'all') db.pragma('secure_delete = ON');
    migrate(db);
    const sourceKbId = kbId(db);
    const seenUpTo = newestTimestamp(db);

    progress('trimming', 0, 1);
    // Foreign keys are checked once at the end instead of per deleted row: case_tags has no index
    // on case_id alone SQLite can use for that (its unique index is partial), so checking each of
    // 50,000 deleted cases would scan it 50,000 times.
    db.pragma('foreign_keys = OFF');
    const copyKbId = db.transaction(() => {
      clearLocalBookkeeping(db);
      if (scope.kind === 'cases') keepOnlyCases(db, scope.caseIds);
      const id = assignNewKbId(db);
      recordPeer(db, { peerId: sourceKbId, peerName: basename(source, KB_EXTENSION), seenUpTo });
      return id;
    })();
    db.pragma('foreign_keys = ON');
    const dangling = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (dangling.length > 0) {
      const first = dangling[0] as { table: string; parent: string };
      throw new AppError('INTERNAL', `The copy would have ${dangling.length} rows of ${first.table} pointing at missing ${first.parent}; it was not written.`);
    }
    progress('trimming', 1, 1);

    progress('compacting', 0, 1);
    if (scope.kind === 'cases') {
      // Rebuilt from the remaining rows, the indexes hold no term of a removed record; VACUUM
      // then writes the file afresh, so no removed record survives in a free page either.
      db.exec("INSERT INTO cases_fts (cases_fts) VALUES ('rebuild')");
      db.exec("INSERT INTO sources_fts (sources_fts) VALUES ('rebuild')");
      db.exec('VACUUM');
    } else {
      // The snapshot is already compact; only the cleared bookkeeping (zeroed by secure_delete)
      // left free pages. Rewriting the whole file is worth it only when they are many.
      const { pages, free } = db.prepare('SELECT (SELECT page_count FROM pragma_page_count()) AS pages, (SELECT freelist_count FROM pragma_freelist_count()) AS free').get() as { pages: number; free: number };
      if (free > pages / 10) db.exec('VACUUM');
    }
    progress('compacting', 1, 1);

    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM cases WHERE deleted_at IS NULL AND trashed_at IS NULL) AS cases,
                (SELECT count(*) FROM sources WHERE deleted_at IS NULL) AS sources`,
      )
      .get() as { cases: number; sources: number };
    return { kbId: copyKbId, seenUpTo, sourceKbId, cases: counts.cases, sources: counts.sources };
  } finally {
    db.close();
  }
}

/**
 * Empties every table that is neither synced data, the file's identity, nor a search index: the
 * merge history, undo log, conflicts, aliases and peers of the original are about the original's
 * exchanges, not the copy's.
 */
function clearLocalBookkeeping(db: Database.Database): void {
  const keep = new Set<string>([...SYNCED_TABLES, 'kb_identity']);
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .all() as { name: string; sql: string | null }[];
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const isIndexTable = (name: string) => virtual.some((v) => name === v || name.startsWith(`${v}_`));
  for (const { name } of tables) {
    if (keep.has(name) || isIndexTable(name)) continue;
    db.prepare(`DELETE FROM "${name.replace(/"/g, '""')}"`).run();
  }
}

/**
 * Keeps the chosen cases (live ones; cases in the Trash may be chosen) with their notes, values,
 * tag and actor links and citations, links between kept cases, the sources those citations point
 * at, and the tags and actors the kept cases use. Fields, settings and saved views stay. Tombstones
 * of links and citations are dropped, so a source, tag or actor only a removed link pointed at goes.
 */
function keepOnlyCases(db: Database.Database, caseIds: string[]): void {
  db.exec('CREATE TEMP TABLE keep_cases (id TEXT PRIMARY KEY) WITHOUT ROWID');
  const insert = db.prepare('INSERT OR IGNORE INTO keep_cases (id) SELECT id FROM cases WHERE id = ? AND deleted_at IS NULL');
  for (const id of caseIds) insert.run(id);
  const kept = (db.prepare('SELECT count(*) AS n FROM keep_cases').get() as { n: number }).n;
  const wanted = new Set(caseIds).size;
  if (kept < wanted) {
    throw new AppError('NOT_FOUND', `${wanted - kept} of the ${wanted} chosen cases no longer exist (deleted meanwhile?); choose the cases again.`);
  }
  const notKept = (column: string) => `${column} NOT IN (SELECT id FROM keep_cases)`;
  db.exec(`
    DELETE FROM case_links WHERE ${notKept('from_case_id')} OR ${notKept('to_case_id')} OR deleted_at IS NOT NULL;
    DELETE FROM citations WHERE ${notKept('case_id')} OR deleted_at IS NOT NULL;
    DELETE FROM case_tags WHERE ${notKept('case_id')} OR deleted_at IS NOT NULL;
    DELETE FROM case_actors WHERE ${notKept('case_id')} OR deleted_at IS NOT NULL;
    DELETE FROM case_values WHERE ${notKept('case_id')};
    DELETE FROM case_notes WHERE ${notKept('case_id')};
    DELETE FROM cases WHERE ${notKept('id')};
    DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM citations);
    DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM case_tags);
    DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM case_actors);
    DELETE FROM cases_fts WHERE rowid NOT IN (SELECT fts_rowid FROM cases);
    DELETE FROM sources_fts WHERE rowid NOT IN (SELECT fts_rowid FROM sources WHERE fts_rowid IS NOT NULL);
    DROP TABLE temp.keep_cases;
  `);
}
