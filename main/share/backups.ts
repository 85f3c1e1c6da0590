import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BackupReason, type BackupInfo, type RestorePreview } from '../../common/domain/sharing';
import { AppError } from '../../common/errors';
import { latestSchemaVersion } from '../db/migrations';
import { configureConnection, getSqliteNativeBinding, readKbHeader } from '../db/openKb';
import { acquireKbLock, describeHolderForCli } from './kbLock';
import { SYNCED_TABLES, newestTimestamp, type SyncedTable } from './peers';
import { compareWithOurSchema } from './schemaCheck';

/**
 * Verified backups of a knowledge base (issue 5). A backup is a `VACUUM INTO` snapshot that passed
 * `PRAGMA quick_check`, flushed to disk, then renamed into place: a backup that exists under its
 * final name is complete and checked.
 *
 * Where: the app keeps them per knowledge base in `<userData>/backups/<kbId>/` (backupsDirFor), so
 * a file that is renamed or moved keeps its history, and a colleague's copy (another kbId) does not
 * mix with ours. The CLI uses the same folder by default (main/cli/shareCommands.ts).
 *
 * Names: `<kb name>.<reason>.<yyyy-mm-ddThh-mm-ss-mmmZ>.casebook`, e.g.
 * `Piracy.daily.2026-05-02T14-02-07-123Z.casebook`: readable in a file manager, sorted by time
 * within a reason, and openable as an ordinary knowledge base. Files in the folder that do not
 * follow the pattern are left alone.
 */

export const BACKUP_EXTENSION = '.casebook';
const STAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z`;
const BACKUP_NAME = new RegExp(`^(.+)\\.(${BackupReason.options.join('|')})\\.(${STAMP})\\.casebook$`);
const DAY_MS = 24 * 60 * 60 * 1000;

/** How many backups of each reason pruning keeps (the newest ones). */
export type RetentionPolicy = Record<BackupReason, number>;
export const DEFAULT_RETENTION: RetentionPolicy = { migration: 3, merge: 5, daily: 7, manual: Infinity, restore: 3 };

/** The app's backup folder for one knowledge base: `<userData>/backups/<kbId>`. */
export function backupsDirFor(userDataDir: string, kbId: string): string {
  return join(userDataDir, 'backups', kbId);
}

/**
 * Takes a verified backup of the open knowledge base into `dir` (created if missing). Synchronous;
 * must not run inside a transaction (VACUUM INTO refuses). Throws IO, with the reason, when the
 * snapshot cannot be written or fails its check; nothing is left behind then.
 */
export function takeBackup(db: Database.Database, kbPath: string, reason: BackupReason, dir: string, now = new Date()): BackupInfo {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new AppError('IO', `Could not create the backup folder “${dir}”: ${(e as Error).message}`);
  }
  const name = basename(kbPath, BACKUP_EXTENSION);
  let at = now.getTime();
  let dest = join(dir, backupFileName(name, reason, new Date(at)));
  // Two backups of one reason in the same millisecond: the second takes the next free stamp.
  while (existsSync(dest)) dest = join(dir, backupFileName(name, reason, new Date(++at)));
  const bytes = writeVerifiedCopy(db, dest, { overwrite: false, what: `the backup of “${name}”` });
  return { path: dest, reason, createdAt: new Date(at).toISOString(), bytes };
}

export function backupFileName(kbName: string, reason: BackupReason, at: Date): string {
  return `${kbName}.${reason}.${at.toISOString().replace(/[:.]/g, '-')}${BACKUP_EXTENSION}`;
}

/**
 * Writes a checked snapshot of `db` to `dest`: `VACUUM INTO` a temporary name in the same folder
 * (a consistent snapshot even while another connection writes), `quick_check`, fsync, then an
 * atomic rename (or, without `overwrite`, a hard link that fails if `dest` appeared meanwhile).
 * Returns the size in bytes. On any failure the temporary file is removed and `dest` is untouched.
 */
export function writeVerifiedCopy(db: Database.Database, dest: string, { overwrite, what }: { overwrite: boolean; what: string }): number {
  if (!overwrite && existsSync(dest)) {
    throw new AppError('ALREADY_EXISTS', `“${basename(dest)}” already exists; choose another name (or allow replacing it).`);
  }
  const temp = join(dirname(dest), `.${basename(dest)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    try {
      db.prepare('VACUUM INTO ?').run(temp);
    } catch (e) {
      throw new AppError('IO', `Could not write ${what}: ${(e as Error).message}`);
    }
    const problem = quickCheckFile(temp);
    if (problem) throw new AppError('IO', `${capitalise(what)} failed its integrity check (${problem}), so it was discarded.`);
    fsyncPath(temp);
    placeFile(temp, dest, overwrite);
    fsyncDir(dirname(dest));
    return statSync(dest).size;
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
  }
}

/** Moves a finished temporary file to its final name, atomically. */
export function placeFile(temp: string, dest: string, overwrite: boolean): void {
  try {
    if (overwrite) {
      renameSync(temp, dest);
      return;
    }
    try {
      linkSync(temp, dest);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw e;
      // File systems without hard links (FAT, exFAT, some network shares): check, then rename.
      if (existsSync(dest)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      renameSync(temp, dest);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('ALREADY_EXISTS', `“${basename(dest)}” already exists; choose another name (or allow replacing it).`);
    }
    throw new AppError('IO', `Could not write “${basename(dest)}”: ${(e as Error).message}`);
  }
}

/**
 * `PRAGMA quick_check` of a file through a read-only connection of its own; null when it is fine,
 * else the first problems in words. The file is not trusted: its schema cannot run our code.
 */
export function quickCheckFile(path: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: getSqliteNativeBinding() });
    db.pragma('trusted_schema = OFF');
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const messages = rows.map((r) => r.quick_check);
    if (messages.length === 1 && messages[0] === 'ok') return null;
    return messages.slice(0, 3).join('; ') || 'no answer';
  } catch (e) {
    return (e as Error).message;
  } finally {
    db?.close();
  }
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames itself. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems (network shares) refuse fsync on a folder; the data itself is synced.
  }
}

/** Backups in `dir`, newest first. Files that do not follow the naming pattern are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const file of names) {
    const m = BACKUP_NAME.exec(file);
    if (!m) continue;
    const stamp = m[3] as string;
    const createdAt = `${stamp.slice(0, 13)}:${stamp.slice(14, 16)}:${stamp.slice(17, 19)}.${stamp.slice(20, 23)}Z`;
    if (Number.isNaN(Date.parse(createdAt))) continue;
    const path = join(dir, file);
    try {
      const st = statSync(path);
      if (!st.isFile()) continue;
      backups.push({ path, reason: m[2] as BackupReason, createdAt, bytes: st.size });
    } catch {
      continue;
    }
  }
  return backups.sort((a, b) => (a.createdAt === b.createdAt ? b.path.localeCompare(a.path) : a.createdAt < b.createdAt ? 1 : -1));
}

export interface PruneResult {
  deleted: string[];
  /** Backups that failed quick_check; their reason was not pruned, so older good ones stay. */
  damaged: string[];
}

/**
 * Deletes the oldest backups of each reason beyond the policy's count. Before deleting any backup
 * of a reason, the newest of that reason must pass quick_check; when it does not, nothing of that
 * reason is deleted (the older ones may be the only good copies). So the only verified backup of a
 * reason is never pruned.
 */
export function pruneBackups(dir: string, policy: RetentionPolicy = DEFAULT_RETENTION): PruneResult {
  const result: PruneResult = { deleted: [], damaged: [] };
  const all = listBackups(dir);
  for (const reason of BackupReason.options) {
    const ofReason = all.filter((b) => b.reason === reason);
    const keep = Math.max(1, policy[reason]);
    if (ofReason.length <= keep) continue;
    const newest = ofReason[0] as BackupInfo;
    if (quickCheckFile(newest.path) !== null) {
      result.damaged.push(newest.path);
      continue;
    }
    for (const old of ofReason.slice(keep)) {
      try {
        rmSync(old.path);
        result.deleted.push(old.path);
      } catch {
        // Still there (permissions, a sync tool holding it): tried again at the next prune.
      }
    }
  }
  return result;
}

/**
 * The daily backup: taken when the newest backup of any reason is older than 24 hours (or there is
 * none) and the knowledge base changed since that backup; then old backups are pruned. Backups
 * stamped in the future (a clock that was wrong) do not count as recent. Returns the new backup or
 * null when none was due.
 */
export function dailyBackupIfDue(db: Database.Database, kbPath: string, dir: string, now = new Date()): BackupInfo | null {
  const recent = listBackups(dir).filter((b) => Date.parse(b.createdAt) <= now.getTime() + 5 * 60_000);
  const newest = recent[0];
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  if (newest && fingerprint(db) === fingerprintOfFile(newest.path)) return null;
  const backup = takeBackup(db, kbPath, 'daily', dir, now);
  pruneBackups(dir);
  return backup;
}

/** What the knowledge base holds, cheaply: the newest change and the number of rows per table. */
function fingerprint(db: Database.Database): string {
  const counts = SYNCED_TABLES.map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
  return `${newestTimestamp(db)}|${counts.join(',')}`;
}

function fingerprintOfFile(path: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: getSqliteNativeBinding() });
    db.pragma('trusted_schema = OFF');
    return fingerprint(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** The primary key of each synced table, and the column naming the case a row belongs to. */
const TABLE_KEYS: Record<SyncedTable, { key: string; caseColumn: string | null; kind: 'cases' | 'notes' | 'sources' | 'other' }> = {
  kb_settings: { key: 'key', caseColumn: null, kind: 'other' },
  fields: { key: 'id', caseColumn: null, kind: 'other' },
  tags: { key: 'id', caseColumn: null, kind: 'other' },
  actors: { key: 'id', caseColumn: null, kind: 'other' },
  sources: { key: 'id', caseColumn: null, kind: 'sources' },
  cases: { key: 'id', caseColumn: 'id', kind: 'cases' },
  case_notes: { key: 'case_id', caseColumn: 'case_id', kind: 'notes' },
  case_values: { key: 'id', caseColumn: 'case_id', kind: 'other' },
  case_tags: { key: 'id', caseColumn: 'case_id', kind: 'other' },
  case_actors: { key: 'id', caseColumn: 'case_id', kind: 'other' },
  citations: { key: 'id', caseColumn: 'case_id', kind: 'other' },
  case_links: { key: 'id', caseColumn: 'from_case_id', kind: 'other' },
  saved_views: { key: 'id', caseColumn: null, kind: 'other' },
};

/**
 * What restoring `backupPath` would lose: records of the open knowledge base created or changed
 * since the backup (absent from it, or with another `updated_at`), by kind, and up to 20 titles of
 * the cases concerned, most recently changed first. The backup is read through a read-only
 * connection of its own after checking that it is a Casebook file that passes quick_check.
 */
export function previewRestore(db: Database.Database, backupPath: string): RestorePreview {
  const backup = verifyBackupFile(backupPath);
  const other = new Database(backupPath, { readonly: true, fileMustExist: true, nativeBinding: getSqliteNativeBinding() });
  try {
    configureConnection(other, { readOnly: true });
    const lost = { cases: 0, notes: 0, sources: 0, other: 0 };
    const caseIds = new Set<string>();
    for (const table of SYNCED_TABLES) {
      const { key, caseColumn, kind } = TABLE_KEYS[table];
      const caseSql = caseColumn ?? 'NULL';
      const ours = db.prepare(`SELECT ${key} AS k, updated_at AS u, ${caseSql} AS c FROM ${table} ORDER BY ${key}`);
      const theirs = other.prepare(`SELECT ${key} AS k, updated_at AS u FROM ${table} ORDER BY ${key}`);
      // A merge join over both files in key order: memory stays flat however large they are.
      const it = theirs.iterate() as IterableIterator<{ k: string; u: string }>;
      let next = it.next();
      for (const row of ours.iterate() as IterableIterator<{ k: string; u: string; c: string | null }>) {
        while (!next.done && compareBinary(next.value.k, row.k) < 0) next = it.next();
        const same = !next.done && next.value.k === row.k && next.value.u === row.u;
        if (same) continue;
        lost[kind]++;
        if (row.c !== null) caseIds.add(row.c);
      }
      if (!next.done) it.return?.();
    }
    const caseTitles = (
      db
        .prepare('SELECT title FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY updated_at DESC, id LIMIT 20')
        .all(JSON.stringify([...caseIds])) as { title: string }[]
    ).map((r) => r.title);
    return { backup, lost, caseTitles };
  } finally {
    other.close();
  }
}

/** SQLite's BINARY order (UTF-8 bytes), which for strings is code-point order. */
function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Checks a backup chosen for restoring: a Casebook file this version can open, passing
 * quick_check, with exactly the schema our migrations create at its version. Returns its BackupInfo (reason and time from its name when it follows the pattern).
 */
export function verifyBackupFile(path: string): BackupInfo {
  const header = readKbHeader(path);
  if (header.userVersion > latestSchemaVersion()) {
    throw new AppError(
      'TOO_NEW',
      `“${basename(path)}” was written by a newer Casebook (schema version ${header.userVersion}; this version knows up to ${latestSchemaVersion()}), so it cannot be restored here.`,
    );
  }
  const problem = quickCheckFile(path);
  if (problem) throw new AppError('IO', `“${basename(path)}” is damaged (${problem}); choose another backup.`);
  // Restored, the file becomes the live knowledge base: nothing but our own schema may come with it.
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: getSqliteNativeBinding() });
  let differences: string[];
  try {
    db.pragma('trusted_schema = OFF');
    differences = compareWithOurSchema(db, header.userVersion);
  } finally {
    db.close();
  }
  if (differences.length > 0) {
    throw new AppError('NOT_A_KB', `“${basename(path)}” ${differences[0]}${differences.length > 1 ? ` (and ${differences.length - 1} more differences)` : ''}, so it is not restored.`);
  }
  const listed = listBackups(dirname(path)).find((b) => b.path === path);
  if (listed) return listed;
  const st = statSync(path);
  return { path, reason: 'manual', createdAt: st.mtime.toISOString(), bytes: st.size };
}

/**
 * Replaces the knowledge base at `kbPath` with a backup. The caller has closed it. Takes the
 * writer's lock for the duration (refusing when another window has the file open), backs up the
 * current file first (reason `restore`, so a restore can itself be undone), checks the chosen
 * backup, copies it beside `kbPath`, flushes it, and renames it over `kbPath`: the file in place
 * is always either the old one or the complete backup. Returns the backup of the replaced file.
 */
export function restoreBackup(kbPath: string, backupPath: string, dir: string): BackupInfo {
  const name = basename(kbPath);
  verifyBackupFile(backupPath);
  readKbHeader(kbPath);
  const lock = acquireKbLock(kbPath);
  if (!lock.ok) throw new AppError('CONFLICT', describeHolderForCli(kbPath, lock.holder, 'close it there before restoring a backup; nothing was changed'));
  try {
    // A read-write connection, so that a transaction a crash left unfinished is rolled back first.
    const current = new Database(kbPath, { fileMustExist: true, nativeBinding: getSqliteNativeBinding() });
    let safety: BackupInfo;
    try {
      configureConnection(current, { readOnly: false });
      safety = takeBackup(current, kbPath, 'restore', dir);
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, `${e.message} “${name}” was left as it was; nothing was restored.`);
      throw new AppError('IO', `“${name}” could not be backed up before restoring (${(e as Error).message}); nothing was restored.`);
    } finally {
      current.close();
    }
    const temp = join(dirname(kbPath), `.${name}.restoring-${randomBytes(4).toString('hex')}`);
    try {
      copyFileSync(backupPath, temp);
      fsyncPath(temp);
      const problem = quickCheckFile(temp);
      if (problem) throw new AppError('IO', `The copy of the backup failed its check (${problem}); “${name}” was left as it was.`);
      // A leftover journal would be "rolled back" into the restored file on the next open.
      rmSync(`${kbPath}-journal`, { force: true });
      renameSync(temp, kbPath);
      fsyncDir(dirname(kbPath));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('IO', `Could not restore “${name}”: ${(e as Error).message}. The file was left as it was.`);
    } finally {
      rmSync(temp, { force: true });
      rmSync(`${temp}-journal`, { force: true });
    }
    pruneBackups(dir);
    return safety;
  } finally {
    lock.lock.release();
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
