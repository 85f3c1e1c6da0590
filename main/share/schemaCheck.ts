import Database from 'better-sqlite3';
import { getSqliteNativeBinding } from '../db/openKb';
import { bundledMigrations, latestSchemaVersion, migrate } from '../db/migrations';

/**
 * Is a file's schema exactly the one Casebook creates? A colleague's file (or a restored backup)
 * is only merged or opened for sharing when it holds nothing but our tables, indexes and full-text
 * tables as our migrations write them: a trigger or view added by someone else would run inside
 * our process with our privileges the moment we write to or read from its tables.
 */

interface SchemaEntry {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

const references = new Map<number, Map<string, SchemaEntry>>();

/**
 * The problems, in words, that make the schema of `db` (its main database) differ from the one
 * our migrations create at `version` (default: the latest): extra triggers, views, tables or
 * indexes, missing ones, a table defined differently or replaced by a view. Empty when it matches.
 * Reads only `sqlite_schema`; nothing defined in the file is executed.
 */
export function compareWithOurSchema(db: Database.Database, version = latestSchemaVersion()): string[] {
  const ours = referenceSchema(version);
  const theirs = new Map<string, SchemaEntry>();
  for (const entry of readSchema(db)) theirs.set(entry.name.toLowerCase(), entry);

  const problems: string[] = [];
  for (const [key, entry] of theirs) {
    const expected = ours.get(key);
    if (!expected) {
      problems.push(`has ${describe(entry)} that Casebook does not create`);
    } else if (expected.type !== entry.type) {
      problems.push(`has ${article(entry.type)} ${entry.type} “${entry.name}” where Casebook has ${article(expected.type)} ${expected.type}`);
    } else if (expected.tblName.toLowerCase() !== entry.tblName.toLowerCase() || normaliseSql(expected.sql) !== normaliseSql(entry.sql)) {
      problems.push(`defines the ${entry.type} “${entry.name}” differently from Casebook`);
    }
  }
  for (const [key, expected] of ours) {
    if (!theirs.has(key)) problems.push(`lacks the ${expected.type} “${expected.name}”`);
  }
  return problems;
}

function readSchema(db: Database.Database): SchemaEntry[] {
  return db
    .prepare<[], SchemaEntry>('SELECT type, name, tbl_name AS tblName, sql FROM main.sqlite_schema')
    .all()
    // Statistics written by ANALYZE or PRAGMA optimize are SQLite's own, not part of the design.
    .filter((e) => !/^sqlite_stat\d$/i.test(e.name));
}

function referenceSchema(version: number): Map<string, SchemaEntry> {
  let ref = references.get(version);
  if (!ref) {
    const db = new Database(':memory:', { nativeBinding: getSqliteNativeBinding() });
    try {
      migrate(db, bundledMigrations().slice(0, version));
      ref = new Map(readSchema(db).map((e) => [e.name.toLowerCase(), e]));
    } finally {
      db.close();
    }
    references.set(version, ref);
  }
  return ref;
}

/** The same statement written with different spacing compares equal; anything else does not. */
function normaliseSql(sql: string | null): string {
  if (sql === null) return '';
  return sql
    .replace(/\s+/g, ' ')
    .replace(/ ?([(),;]) ?/g, '$1')
    .trim();
}

function describe(entry: SchemaEntry): string {
  switch (entry.type) {
    case 'trigger':
      return `a trigger “${entry.name}” on table “${entry.tblName}”`;
    case 'index':
      return `an index “${entry.name}” on table “${entry.tblName}”`;
    default:
      return `${article(entry.type)} ${entry.type} “${entry.name}”`;
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
