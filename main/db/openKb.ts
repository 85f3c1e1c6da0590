import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../common/errors';
import { latestSchemaVersion, migrate } from './migrations';
import { takeBackup } from '../share/backups';
import { acquireKbLock, type KbLock, type LockOwner } from '../share/kbLock';

/** `PRAGMA application_id` of every Casebook file: "CSBK". */
export const APPLICATION_ID = 0x4353424b;
export const MIN_SQLITE_VERSION = '3.51.3';
export const KB_EXTENSION = '.casebook';

export interface OpenedDb {
  db: Database.Database;
  path: string;
  schemaVersion: number;
  readOnly: boolean;
  /** Why the file is open read-only, in words for a banner; null when writable. */
  readOnlyReason: string | null;
  /** Backup written before migrating an older file, if any. */
  migrationBackup: string | null;
  /** The writer's lock this connection holds (null when read-only or opened with `lock: false`). */
  lock: KbLock | null;
  /** Who holds the writer's lock when that is why the file is open read-only. */
  lockHolder: LockOwner | null;
  /** Closes the connection and releases the writer's lock. */
  close(): void;
}

export interface OpenOptions {
  /** Open read-only even when the file is writable. */
  readOnly?: boolean;
  /**
   * Folder for the verified backup taken before a migration (default: beside the file), or a
   * function of the file's knowledge-base id giving it (the app's `<userData>/backups/<kbId>`).
   * Files older than schema version 4 have no id yet: the function is then called with the id the
   * migration gives them.
   */
  backupDir?: string | ((kbId: string) => string);
  /**
   * Take the writer's lock (default true). When another window holds it the file opens read-only
   * and `lockHolder` says who. Job processes that write on behalf of the window that holds the
   * lock (an import's commit, a merge) pass false.
   */
  lock?: boolean;
  /** Recorded in the lock file so that another window can say who has the file open. */
  displayName?: string;
}

let sqliteNativeBinding: string | undefined;

/**
 * The Electron host points better-sqlite3 at a copy built for Electron's ABI (DESIGN §3); tests,
 * the CLI and the browser host never call this and load the default Node build.
 */
export function setSqliteNativeBinding(path: string | undefined): void {
  sqliteNativeBinding = path;
}

/** The native binding set for this process, if any (other databases, such as caches, use it too). */
export function getSqliteNativeBinding(): string | undefined {
  return sqliteNativeBinding;
}

export interface KbHeader {
  applicationId: number;
  userVersion: number;
}

/**
 * Opens an existing knowledge base after checking, from the file's bytes alone, that it is ours:
 * a 0-byte file, a file that is not SQLite, or another application's SQLite database is refused
 * and left exactly as it was. A file from a newer Casebook opens read-only. An older one gets a
 * verified backup (main/share/backups.ts), then is migrated. Opening for writing takes the writer's
 * lock (main/share/kbLock.ts); when another window holds it, the file opens read-only instead.
 * Close with `opened.close()`, which also releases the lock.
 */
export function openKb(path: string, options: OpenOptions = {}): OpenedDb {
  const name = basename(path);
  const header = readKbHeader(path);
  const latest = latestSchemaVersion();

  let readOnlyReason: string | null = options.readOnly ? 'opened read-only' : null;
  if (header.userVersion > latest) {
    readOnlyReason =
      `“${name}” was written by a newer Casebook (schema version ${header.userVersion}; ` +
      `this version knows up to ${latest}). It is open read-only: update Casebook to edit it.`;
  } else if (!isWritable(path)) {
    readOnlyReason = `“${name}” is a read-only file; changes cannot be saved.`;
  } else if (!isWritable(dirname(path))) {
    readOnlyReason = `The folder of “${name}” is not writable, so changes cannot be saved safely.`;
  }

  let db: Database.Database | null = null;
  let lock: KbLock | null = null;
  let lockHolder: LockOwner | null = null;
  if (readOnlyReason === null && options.lock !== false) {
    const attempt = acquireKbLock(path, {
      ...(options.displayName ? { displayName: options.displayName } : {}),
      isLive: () => db?.open ?? true,
    });
    if (attempt.ok) lock = attempt.lock;
    else {
      readOnlyReason = attempt.reason;
      lockHolder = attempt.holder;
    }
  }
  const readOnly = readOnlyReason !== null;

  try {
    db = new Database(path, { fileMustExist: true, readonly: readOnly, nativeBinding: sqliteNativeBinding });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const conn = db;
  const close = () => {
    if (conn.open) conn.close();
    lock?.release();
  };
  try {
    configureConnection(conn, { readOnly });
    let migrationBackup: string | null = null;
    if (!readOnly && header.userVersion < latest) {
      // A file older than schema 4 gets its identity from the migration; it is chosen here so
      // that the backup can go to that identity's folder before migrating.
      let newIdentity: string | null = null;
      if (header.userVersion > 0) {
        const existingId = readKbId(conn);
        if (existingId === null) newIdentity = randomBytes(16).toString('hex');
        const dir = typeof options.backupDir === 'function' ? options.backupDir(existingId ?? (newIdentity as string)) : (options.backupDir ?? dirname(path));
        migrationBackup = takeBackup(conn, path, 'migration', dir).path;
      }
      migrate(conn);
      if (newIdentity !== null) conn.prepare('UPDATE kb_identity SET kb_id = ? WHERE singleton = 1').run(newIdentity);
    }
    const schemaVersion = conn.pragma('user_version', { simple: true }) as number;
    return { db: conn, path, schemaVersion, readOnly, readOnlyReason, migrationBackup, lock, lockHolder, close };
  } catch (e) {
    close();
    throw e;
  }
}

/**
 * Creates a new, empty knowledge base at `path` (which must not exist). The file is built under a
 * temporary name and renamed into place, so a failure never leaves a half-made file behind.
 * `seed` runs inside the creation, before the rename (used for the sample knowledge base).
 */
export function createKb(path: string, seed?: (db: Database.Database) => void): void {
  if (existsSync(path)) {
    throw new AppError('ALREADY_EXISTS', `“${basename(path)}” already exists; choose another name or open it.`);
  }
  if (!existsSync(dirname(path))) {
    throw new AppError('IO', `The folder “${dirname(path)}” does not exist.`);
  }
  const temp = join(dirname(path), `.${basename(path)}.creating-${process.pid}`);
  const db = new Database(temp, { nativeBinding: sqliteNativeBinding });
  try {
    configureConnection(db, { readOnly: false });
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    seed?.(db);
    db.close();
    renameSync(temp, path);
  } catch (e) {
    if (db.open) db.close();
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    throw e;
  }
}

/**
 * Per-connection settings. Rollback-journal mode (DELETE) keeps the `.casebook` file complete by
 * itself whenever no write is in progress, so a colleague who copies just that file after a save
 * gets the save; synchronous=FULL makes an acknowledged save survive a crash or power loss.
 */
export function configureConnection(db: Database.Database, { readOnly }: { readOnly: boolean }): void {
  const version = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
    throw new AppError(
      'INTERNAL',
      `This build links SQLite ${version}; Casebook needs ${MIN_SQLITE_VERSION} or newer (earlier versions can corrupt files).`,
    );
  }
  db.pragma('trusted_schema = OFF');
  db.pragma('foreign_keys = ON');
  db.pragma('cell_size_check = ON');
  db.pragma('busy_timeout = 5000');
  if (!readOnly) {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
  }
}

/**
 * Checks from a file's first 100 bytes alone that it is a Casebook file, without opening it with
 * SQLite (so nothing, not even a journal, is created beside a foreign file). Throws NOT_A_KB, or
 * NOT_FOUND / IO, with a message that names the file (`name`: how the user knows it, when `path` is
 * a private copy).
 */
export function readKbHeader(path: string, name = basename(path)): KbHeader {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new AppError('NOT_A_KB', `“${name}” is a folder, not a Casebook file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `“${path}” does not exist.`);
    throw new AppError('IO', `Cannot read “${name}”: ${(e as Error).message}`);
  }
  if (size === 0) {
    throw new AppError('NOT_A_KB', `“${name}” is empty (0 bytes), so it is not a Casebook knowledge base. It was left unchanged.`);
  }
  const bytes = Buffer.alloc(100);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new AppError('IO', `Cannot read “${name}”: ${(e as Error).message}`);
  }
  let read: number;
  try {
    read = readSync(fd, bytes, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || bytes.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
    throw new AppError('NOT_A_KB', `“${name}” is not a Casebook knowledge base (it is not a SQLite database). It was left unchanged.`);
  }
  const applicationId = bytes.readUInt32BE(68);
  const userVersion = bytes.readUInt32BE(60);
  if (applicationId !== APPLICATION_ID) {
    throw new AppError(
      'NOT_A_KB',
      `“${name}” is a SQLite database of another application (application id 0x${applicationId.toString(16).padStart(8, '0')}), not a Casebook knowledge base. It was left unchanged.`,
    );
  }
  return { applicationId, userVersion };
}

/** The file's knowledge-base id, or null for a file older than the identity table (schema 4). */
function readKbId(db: Database.Database): string | null {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'kb_identity'").get();
  if (!table) return null;
  const row = db.prepare('SELECT kb_id AS id FROM kb_identity WHERE singleton = 1').get() as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Writable for us and not marked read-only by the user. The mode bits are checked too because
 * root (CI, containers) passes access(W_OK) even on a file whose owner made it read-only.
 */
function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return process.platform === 'win32' || (statSync(path).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
