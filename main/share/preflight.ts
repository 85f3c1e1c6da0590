import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../common/errors';
import { parseHlc } from '../../common/hlc';
import { APPLICATION_ID, KB_EXTENSION, getSqliteNativeBinding, readKbHeader } from '../db/openKb';
import { latestSchemaVersion, migrate } from '../db/migrations';
import { newestTimestamp } from './peers';
import { compareWithOurSchema } from './schemaCheck';

/** A colleague's file, copied aside and checked: safe to read from and merge. */
export interface Preflighted {
  /** The checked copy (migrated to our schema version); the only file the merge reads. */
  copyPath: string;
  /** Their file as the analyst chose it; never opened for writing. */
  theirsPath: string;
  /** Their knowledge base's identity, or null when the file predates sharing (schema < 4). */
  kbId: string | null;
  /** Their file's name without the extension, e.g. "bob-fieldwork". */
  name: string;
  /** Their file's schema version before the copy was migrated. */
  schemaVersion: number;
  /** The newest `updated_at` in their file ('' when it holds no rows). */
  newestTimestamp: string;
  /** Removes the copy. */
  cleanup(): void;
}

/** First schema version with kb_identity and merge_peers (migrations/0004_sharing.sql). */
const SHARING_SCHEMA_VERSION = 4;

/**
 * Copies a colleague's file into `workDir` and checks the copy, refusing with a message a person
 * can act on anything that is not a sound Casebook file this build can merge: an empty or
 * non-SQLite file, another application's database, a damaged one, one from a newer Casebook, or one
 * whose schema has anything Casebook does not create (a trigger or view could run code in our
 * process). Their file is only ever read, byte for byte, once; every check runs on the copy.
 *
 * Order matters: the copy's schema is compared with ours (reading sqlite_schema only) before
 * anything in it is executed — quick_check evaluates CHECK constraints and our migrations write
 * to its tables, which would fire a trigger planted there.
 */
export function preflightTheirs(theirsPath: string, workDir: string): Preflighted {
  const name = basename(theirsPath);
  const left = 'It was left unchanged.';
  checkIsFile(theirsPath, name);

  mkdirSync(workDir, { recursive: true });
  const copyPath = join(workDir, `merge-${randomBytes(6).toString('hex')}${KB_EXTENSION}`);
  const cleanup = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${copyPath}${suffix}`, { force: true });
  };

  try {
    copyFileSync(theirsPath, copyPath);
    // A writer that crashed (or a file in WAL mode) leaves part of the file's state beside it;
    // the copy takes it along so SQLite rolls it back (or forward) on the copy, not on theirs.
    for (const suffix of ['-journal', '-wal']) {
      if (existsSync(`${theirsPath}${suffix}`)) copyFileSync(`${theirsPath}${suffix}`, `${copyPath}${suffix}`);
    }
    checkVersion(readKbHeader(copyPath, name), name, left);

    const db = openCopy(copyPath, name, left);
    try {
      const damaged = (e: unknown, what = ''): AppError =>
        new AppError('NOT_A_KB', `“${name}” is damaged (${what}${e instanceof Error ? e.message : String(e)}); it cannot be merged. ${left}`);
      let header: Header;
      let problems: string[];
      try {
        // Read again through SQLite: a file left in WAL mode may hold a newer first page in its log.
        header = {
          applicationId: db.pragma('application_id', { simple: true }) as number,
          userVersion: db.pragma('user_version', { simple: true }) as number,
        };
        checkVersion(header, name, left);
        problems = compareWithOurSchema(db, header.userVersion);
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw damaged(e);
      }
      refuseProblems(problems, name, left);

      let check: string[];
      try {
        check = db.prepare<[], string>('PRAGMA quick_check').pluck().all();
      } catch (e) {
        throw damaged(e, 'quick_check: ');
      }
      if (check.length !== 1 || check[0] !== 'ok') {
        throw new AppError('NOT_A_KB', `“${name}” is damaged (quick_check: ${check.slice(0, 3).join('; ')}); it cannot be merged. ${left}`);
      }

      db.pragma('query_only = OFF');
      // Statistics steer the query planner; a planted sqlite_stat1 could make our reads crawl.
      for (const stat of db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sqlite_stat%'").pluck().all()) {
        db.exec(`DROP TABLE "${stat}"`);
      }
      if (header.userVersion < latestSchemaVersion()) {
        migrate(db);
        refuseProblems(compareWithOurSchema(db), name, left);
      }

      const dangling = db.prepare<[], { table: string }>('PRAGMA foreign_key_check').all();
      if (dangling.length > 0) {
        const tables = [...new Set(dangling.map((d) => d.table))].slice(0, 3).join(', ');
        throw new AppError('NOT_A_KB', `“${name}” is damaged: records in ${tables} point at records that are not in the file; it cannot be merged. ${left}`);
      }

      // Versions are compared as text: one stamp that is not a clock reading ("zzz") would win
      // every comparison and be the newest for good.
      const newest = newestTimestamp(db);
      if (newest !== '' && parseHlc(newest) === null) {
        throw new AppError('NOT_A_KB', `“${name}” is damaged: a record carries the version stamp “${newest.slice(0, 40)}”, which is not one Casebook writes; it cannot be merged. ${left}`);
      }

      const kbId =
        header.userVersion >= SHARING_SCHEMA_VERSION
          ? (db.prepare<[], string>('SELECT kb_id FROM kb_identity WHERE singleton = 1').pluck().get() ?? null)
          : null;
      return {
        copyPath,
        theirsPath,
        kbId,
        name: basename(theirsPath, KB_EXTENSION),
        schemaVersion: header.userVersion,
        newestTimestamp: newest,
        cleanup,
      };
    } finally {
      db.close();
    }
  } catch (e) {
    cleanup();
    throw e;
  }
}

function checkIsFile(path: string, name: string): void {
  try {
    if (!statSync(path).isFile()) throw new AppError('NOT_A_KB', `“${name}” is a folder, not a Casebook file.`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `“${path}” does not exist.`);
    throw new AppError('IO', `Cannot read “${name}”: ${(e as Error).message}`);
  }
}

interface Header {
  applicationId: number;
  userVersion: number;
}

/** Refuses another application's file, one from a newer Casebook, and one without our tables. */
function checkVersion(header: Header, name: string, left: string): void {
  if (header.applicationId !== APPLICATION_ID) {
    throw new AppError(
      'NOT_A_KB',
      `“${name}” is a SQLite database of another application (application id 0x${(header.applicationId >>> 0).toString(16).padStart(8, '0')}), not a Casebook knowledge base. ${left}`,
    );
  }
  const latest = latestSchemaVersion();
  if (header.userVersion > latest) {
    throw new AppError('TOO_NEW', `“${name}” was written by a newer Casebook (schema ${header.userVersion}; this version knows up to ${latest}); update Casebook to merge it. ${left}`);
  }
  if (header.userVersion === 0) throw new AppError('NOT_A_KB', `“${name}” has no Casebook tables, so there is nothing to merge. ${left}`);
}

/**
 * The copy on a connection of its own, with nothing of ours registered on it: schema functions
 * limited to innocuous built-ins (trusted_schema=OFF), reads only until the checks pass.
 */
function openCopy(copyPath: string, name: string, left: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(copyPath, { fileMustExist: true, nativeBinding: getSqliteNativeBinding() });
  } catch (e) {
    throw new AppError('NOT_A_KB', `“${name}” cannot be opened as a database (${(e as Error).message}). ${left}`);
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    db.pragma('foreign_keys = OFF');
    db.pragma('query_only = ON');
  } catch (e) {
    db.close();
    throw new AppError('NOT_A_KB', `“${name}” is damaged (${(e as Error).message}); it cannot be merged. ${left}`);
  }
  return db;
}

function refuseProblems(problems: string[], name: string, left: string): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).join('; ');
  const more = problems.length > 5 ? ` and ${problems.length - 5} more differences` : '';
  throw new AppError('NOT_A_KB', `“${name}” cannot be merged: it ${shown}${more}. Casebook only merges files whose structure it created itself. ${left}`);
}
