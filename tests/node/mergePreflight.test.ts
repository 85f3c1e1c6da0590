import { copyFileSync, existsSync, openSync, readdirSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../main/db/openKb';
import { bundledMigrations, latestSchemaVersion, migrate } from '../../main/db/migrations';
import { newestTimestamp } from '../../main/share/peers';
import { preflightTheirs } from '../../main/share/preflight';
import { compareWithOurSchema } from '../../main/share/schemaCheck';
import { createWriteContext } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { buildNote, tempDir } from './support/builders';
import { fingerprint, mergeInto, newKb } from './support/mergeSupport';

/** A colleague's knowledge base with a few cases and notes, closed, ready to be merged. */
function colleagueFile(cases = 3): string {
  const kb = newKb(tempDir(), 'bob', 'Bob');
  for (let i = 0; i < cases; i++) {
    const { id } = kb.store.cases.create({ title: `Case ${i}`, summary: `Summary ${i} `.repeat(40) });
    kb.store.cases.saveNote(id, buildNote(`Note ${i} `.repeat(60)));
  }
  kb.close();
  return kb.path;
}

/** Changes a closed file with a plain SQLite connection, as someone outside Casebook could. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(sql);
  db.close();
}

/** Expects the file to be refused with `message`, left exactly as it was, and no copy left behind. */
function expectRefused(path: string, message: RegExp, code = 'NOT_A_KB'): void {
  const before = existsSync(path) ? fingerprint(path) : null;
  const work = tempDir('casebook-preflight-');
  let error: unknown;
  try {
    preflightTheirs(path, work);
  } catch (e) {
    error = e;
  }
  expect(error).toMatchObject({ name: 'AppError', code });
  expect((error as Error).message).toMatch(message);
  expect(existsSync(path) ? fingerprint(path) : null).toEqual(before);
  expect(existsSync(`${path}-journal`)).toBe(false);
  expect(readdirSync(work)).toEqual([]);
}

describe('checking a colleague’s file before a merge', () => {
  it('copies a sound file aside and describes it, leaving theirs untouched', () => {
    const path = colleagueFile();
    const before = fingerprint(path);
    const work = tempDir();
    const pre = preflightTheirs(path, work);
    try {
      expect(pre).toMatchObject({ theirsPath: path, name: 'bob', schemaVersion: latestSchemaVersion() });
      expect(pre.kbId).toMatch(/^[0-9a-f]{32}$/);
      expect(existsSync(pre.copyPath)).toBe(true);
      const copy = new Database(pre.copyPath, { readonly: true });
      expect(pre.newestTimestamp).toBe(newestTimestamp(copy));
      copy.close();
    } finally {
      pre.cleanup();
    }
    expect(readdirSync(work)).toEqual([]);
    expect(fingerprint(path)).toEqual(before);
  });

  it('refuses a file with a trigger Casebook does not create', () => {
    const path = colleagueFile();
    tamper(path, "CREATE TRIGGER wipe_sources AFTER UPDATE ON cases BEGIN UPDATE sources SET citekey = 'x'; END;");
    expectRefused(path, /has a trigger “wipe_sources” on table “cases” that Casebook does not create.*It was left unchanged\./);
  });

  it('refuses a file with a view Casebook does not create', () => {
    const path = colleagueFile();
    tamper(path, 'CREATE VIEW case_titles AS SELECT title FROM cases;');
    expectRefused(path, /has a view “case_titles” that Casebook does not create/);
  });

  it('refuses a file where a table was replaced by a view', () => {
    const path = colleagueFile();
    tamper(
      path,
      `DROP TABLE saved_views;
       CREATE VIEW saved_views AS SELECT id, 'cases' AS table_name, 'default' AS name, '{}' AS layout, created_at, updated_at, updated_by, deleted_at FROM cases;`,
    );
    expectRefused(path, /has a view “saved_views” where Casebook has a table/);
  });

  it('refuses a file whose table is defined differently, or that lacks an index', () => {
    const path = colleagueFile();
    tamper(path, 'DROP INDEX cases_by_region; ALTER TABLE tags ADD COLUMN colour TEXT;');
    expectRefused(path, /defines the table “tags” differently from Casebook; lacks the index “cases_by_region”/);
  });

  it('refuses a file written by a newer Casebook', () => {
    const path = colleagueFile();
    tamper(path, `PRAGMA user_version = ${latestSchemaVersion() + 1}`);
    expectRefused(path, new RegExp(`written by a newer Casebook \\(schema ${latestSchemaVersion() + 1};.*update Casebook to merge it`), 'TOO_NEW');
  });

  it('refuses a damaged file (a corrupted page)', () => {
    const good = colleagueFile(40);
    const path = join(tempDir(), 'damaged.casebook');
    copyFileSync(good, path);
    const db = new Database(path, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'case_notes'").pluck().get() as number;
    db.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize);
    closeSync(fd);
    expectRefused(path, /“damaged\.casebook” is damaged \(quick_check: .+\); it cannot be merged\. It was left unchanged\./);
  });

  it('refuses an empty file, a file that is not SQLite, and another application’s database', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.casebook');
    writeFileSync(empty, '');
    expectRefused(empty, /“empty\.casebook” is empty \(0 bytes\)/);

    const text = join(dir, 'notes.casebook');
    writeFileSync(text, 'Minutes of the meeting, 3 May.\n'.repeat(20));
    expectRefused(text, /“notes\.casebook” is not a Casebook knowledge base \(it is not a SQLite database\)/);

    const other = join(dir, 'other.casebook');
    tamper(other, 'PRAGMA application_id = 305419896; CREATE TABLE cases (id TEXT PRIMARY KEY);');
    expectRefused(other, /another application \(application id 0x12345678\)/);
  });

  it('refuses a file whose version stamps are not clock readings', () => {
    const path = colleagueFile();
    tamper(path, "UPDATE cases SET updated_at = 'zzzz-always-newest' WHERE rowid = 1");
    expectRefused(path, /carries the version stamp “zzzz-always-newest”, which is not one Casebook writes/);
  });

  it('refuses a missing file', () => {
    expectRefused(join(tempDir(), 'nowhere.casebook'), /does not exist/, 'NOT_FOUND');
  });

  it('checks an older file’s schema before migrating its copy, so a planted trigger never runs', () => {
    const path = join(tempDir(), 'old.casebook');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, bundledMigrations().slice(0, 2));
    // Migration 3 updates every source: this trigger would fire during it.
    db.exec("CREATE TRIGGER on_source AFTER UPDATE ON sources BEGIN UPDATE cases SET title = 'pwned'; END;");
    db.close();
    expectRefused(path, /has a trigger “on_source” on table “sources”/);
  });

  it('migrates the copy of an older file, which merges as a file without shared history', async () => {
    const path = join(tempDir(), 'old.casebook');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, bundledMigrations().slice(0, 3));
    kbStoreFor(createWriteContext(db, () => 'Bob')).cases.create({ title: 'From an older Casebook' });
    db.close();
    const before = fingerprint(path);

    const pre = preflightTheirs(path, tempDir());
    expect(pre).toMatchObject({ kbId: null, schemaVersion: 3 });
    pre.cleanup();

    const amina = newKb(tempDir(), 'amina', 'Amina');
    const report = await mergeInto(amina, path);
    expect(report.added.cases).toBe(1);
    expect(report.notes).toEqual([expect.stringMatching(/made by a Casebook without sharing \(schema 3\)/)]);
    expect(amina.store.cases.list({ search: 'older', filters: [], sort: [], trash: false, offset: 0, limit: 10 }).rows.map((r) => r.title)).toEqual([
      'From an older Casebook',
    ]);
    expect(fingerprint(path)).toEqual(before);
  });

  it('accepts statistics written by ANALYZE, which are SQLite’s own', () => {
    const path = colleagueFile();
    tamper(path, 'ANALYZE;');
    const pre = preflightTheirs(path, tempDir());
    pre.cleanup();
  });

  it('finds nothing to report in a schema our migrations made', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(compareWithOurSchema(db)).toEqual([]);
    db.exec('CREATE INDEX extra_by_title ON cases (title)');
    expect(compareWithOurSchema(db)).toEqual(['has an index “extra_by_title” on table “cases” that Casebook does not create']);
    db.close();
  });
});
