import { closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createKb, openKb } from '../../main/db/openKb';
import { bundledMigrations, latestSchemaVersion, migrate } from '../../main/db/migrations';
import { createKbSession, type KbSession } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { kbId } from '../../main/share/peers';
import {
  DEFAULT_RETENTION,
  backupsDirFor,
  dailyBackupIfDue,
  listBackups,
  previewRestore,
  pruneBackups,
  restoreBackup,
  takeBackup,
} from '../../main/share/backups';
import { buildNote, expectAppError, sha256, tempDir } from './support/builders';
import { buildBook } from './support/sourceBuilders';

const HOUR = 60 * 60 * 1000;

/** A knowledge base named `Piracy.casebook` open through a session, with its backup folder. */
function piracyKb(): { path: string; dir: string; session: KbSession } {
  const root = tempDir();
  const path = join(root, 'Piracy.casebook');
  createKb(path);
  const session = createKbSession(openKb(path), () => 'tester');
  return { path, dir: join(root, 'userData', 'backups', 'kb'), session };
}

function titlesIn(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT title FROM cases WHERE deleted_at IS NULL ORDER BY title').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

/** Overwrites the file's second page with garbage, keeping its header: SQLite finds it damaged. */
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096);
  closeSync(fd);
}

describe('takeBackup', () => {
  it('writes a checked copy named after the file, the reason and the time, in a folder it creates', () => {
    const { path, dir, session } = piracyKb();
    kbStoreFor(session).cases.create({ title: 'Horn of Africa piracy, 2009' });

    const backup = takeBackup(session.db, path, 'manual', dir, new Date('2026-05-02T14:02:07.123Z'));

    expect(backup).toEqual({
      path: join(dir, 'Piracy.manual.2026-05-02T14-02-07-123Z.casebook'),
      reason: 'manual',
      createdAt: '2026-05-02T14:02:07.123Z',
      bytes: expect.any(Number),
    });
    expect(titlesIn(backup.path)).toEqual(['Horn of Africa piracy, 2009']);
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(copy.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    copy.close();
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual([basename(backup.path)]);
    session.close();
  });

  it('gives two backups in the same millisecond different names', () => {
    const { path, dir, session } = piracyKb();
    const at = new Date('2026-05-02T14:02:07.123Z');
    const a = takeBackup(session.db, path, 'merge', dir, at);
    const b = takeBackup(session.db, path, 'merge', dir, at);
    expect(a.path).not.toBe(b.path);
    expect(listBackups(dir)).toHaveLength(2);
    session.close();
  });

  it('refuses inside a transaction, leaving nothing behind', () => {
    const { path, dir, session } = piracyKb();
    session.db.exec('BEGIN');
    expectAppError(() => takeBackup(session.db, path, 'manual', dir), 'IO', /Could not write the backup of “Piracy”/);
    session.db.exec('ROLLBACK');
    expect(readdirSync(dir)).toEqual([]);
    session.close();
  });
});

describe('listBackups', () => {
  it('lists backups newest first and ignores other files', () => {
    const { path, dir, session } = piracyKb();
    const older = takeBackup(session.db, path, 'daily', dir, new Date('2026-05-01T08:00:00.000Z'));
    const newer = takeBackup(session.db, path, 'merge', dir, new Date('2026-05-02T08:00:00.000Z'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'Piracy.casebook'), 'not a backup name');
    writeFileSync(join(dir, 'Piracy.weekly.2026-05-03T08-00-00-000Z.casebook'), 'unknown reason');
    mkdirSync(join(dir, 'Piracy.manual.2026-05-04T08-00-00-000Z.casebook'));

    expect(listBackups(dir).map((b) => [b.reason, b.createdAt])).toEqual([
      ['merge', newer.createdAt],
      ['daily', older.createdAt],
    ]);
    expect(listBackups(join(dir, 'missing'))).toEqual([]);
    session.close();
  });

  it('keeps backups of each knowledge base in a folder of its own identity', () => {
    expect(backupsDirFor('/u/Casebook', 'abc123')).toBe(join('/u/Casebook', 'backups', 'abc123'));
  });
});

describe('pruneBackups', () => {
  it('keeps the newest backups of each reason as the policy says, and every manual one', () => {
    const { path, dir, session } = piracyKb();
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 9; i++) takeBackup(session.db, path, 'daily', dir, new Date(start + i * 24 * HOUR));
    for (let i = 0; i < 4; i++) takeBackup(session.db, path, 'migration', dir, new Date(start + i * HOUR));
    for (let i = 0; i < 12; i++) takeBackup(session.db, path, 'manual', dir, new Date(start + i * HOUR));

    const result = pruneBackups(dir);

    const left = listBackups(dir);
    const daily = left.filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(DEFAULT_RETENTION.daily);
    expect(daily.at(-1)?.createdAt).toBe('2026-01-03T00:00:00.000Z');
    expect(left.filter((b) => b.reason === 'migration')).toHaveLength(3);
    expect(left.filter((b) => b.reason === 'manual')).toHaveLength(12);
    expect(result).toEqual({ deleted: expect.any(Array), damaged: [] });
    expect(result.deleted).toHaveLength(3);
    session.close();
  });

  it('deletes nothing of a reason whose newest backup is damaged, and says which one', () => {
    const { path, dir, session } = piracyKb();
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(takeBackup(session.db, path, 'restore', dir, new Date(start + i * HOUR)));
    const newest = made.at(-1)?.path as string;
    damage(newest);

    expect(pruneBackups(dir)).toEqual({ deleted: [], damaged: [newest] });
    expect(listBackups(dir)).toHaveLength(5);
    session.close();
  });

  it('never deletes the only backup of a reason, whatever the policy', () => {
    const { path, dir, session } = piracyKb();
    takeBackup(session.db, path, 'merge', dir);
    pruneBackups(dir, { ...DEFAULT_RETENTION, merge: 0 });
    expect(listBackups(dir)).toHaveLength(1);
    session.close();
  });
});

describe('dailyBackupIfDue', () => {
  it('takes one a day when the knowledge base changed, and keeps a week of them', () => {
    const { path, dir, session } = piracyKb();
    const store = kbStoreFor(session);
    const day0 = Date.parse('2026-03-01T09:00:00.000Z');

    expect(dailyBackupIfDue(session.db, path, dir, new Date(day0))?.reason).toBe('daily');
    store.cases.create({ title: 'Aceh peace talks' });
    expect(dailyBackupIfDue(session.db, path, dir, new Date(day0 + 23 * HOUR))).toBeNull();
    expect(dailyBackupIfDue(session.db, path, dir, new Date(day0 + 25 * HOUR))?.createdAt).toBe(new Date(day0 + 25 * HOUR).toISOString());

    // Unchanged since the last backup: a day later there is nothing new to keep.
    expect(dailyBackupIfDue(session.db, path, dir, new Date(day0 + 50 * HOUR))).toBeNull();

    for (let day = 3; day < 12; day++) {
      store.cases.create({ title: `Case of day ${day}` });
      expect(dailyBackupIfDue(session.db, path, dir, new Date(day0 + day * 24 * HOUR))).not.toBeNull();
    }
    const dailies = listBackups(dir).filter((b) => b.reason === 'daily');
    expect(dailies).toHaveLength(7);
    expect(titlesIn(dailies[0]?.path as string)).toContain('Case of day 11');
    session.close();
  });

  it('counts the newest other backup (a merge an hour ago) as recent, but not one stamped in the future', () => {
    const { path, dir, session } = piracyKb();
    const now = Date.parse('2026-03-01T09:00:00.000Z');
    takeBackup(session.db, path, 'merge', dir, new Date(now - HOUR));
    expect(dailyBackupIfDue(session.db, path, dir, new Date(now))).toBeNull();

    const other = tempDir();
    takeBackup(session.db, path, 'manual', other, new Date(now + 48 * HOUR));
    expect(dailyBackupIfDue(session.db, path, other, new Date(now))?.reason).toBe('daily');
    session.close();
  });
});

describe('previewRestore', () => {
  it('counts what was created or changed since the backup, and names the cases', () => {
    const { path, dir, session } = piracyKb();
    const store = kbStoreFor(session);
    store.cases.create({ title: 'Unchanged case' });
    const edited = store.cases.create({ title: 'Darfur, 2004' });
    const noted = store.cases.create({ title: 'Liberia peace talks, 2003' });
    const backup = takeBackup(session.db, path, 'daily', dir);

    store.cases.update(edited.id, { summary: 'Revised after the field visit.' });
    store.cases.saveNote(noted.id, buildNote('New finding.'));
    store.cases.create({ title: 'Aceh peace talks' });
    store.sources.create(buildBook());

    const preview = previewRestore(session.db, backup.path);

    expect(preview.backup).toEqual(backup);
    // Saving a note also touches its case (its search row changes with it).
    expect(preview.lost).toEqual({ cases: 3, notes: 1, sources: 1, other: 0 });
    expect(preview.caseTitles.sort()).toEqual(['Aceh peace talks', 'Darfur, 2004', 'Liberia peace talks, 2003']);
    session.close();
  });

  it('lists at most 20 case titles', () => {
    const { path, dir, session } = piracyKb();
    const backup = takeBackup(session.db, path, 'daily', dir);
    const store = kbStoreFor(session);
    for (let i = 0; i < 25; i++) store.cases.create({ title: `New case ${i}` });
    const preview = previewRestore(session.db, backup.path);
    expect(preview.lost.cases).toBe(25);
    expect(preview.caseTitles).toHaveLength(20);
    session.close();
  });

  it('refuses a file that is not ours or is damaged', () => {
    const { session } = piracyKb();
    const dir = tempDir();
    const text = join(dir, 'letter.casebook');
    writeFileSync(text, 'Dear colleague,\n'.repeat(20));
    expectAppError(() => previewRestore(session.db, text), 'NOT_A_KB', /not a SQLite database/);

    const foreign = join(dir, 'other.casebook');
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    expectAppError(() => previewRestore(session.db, foreign), 'NOT_A_KB', /another application/);
    session.close();
  });
});

describe('restoreBackup', () => {
  it('replaces the file with the backup after backing up the current state', () => {
    const { path, dir, session } = piracyKb();
    const store = kbStoreFor(session);
    store.cases.create({ title: 'Before the backup' });
    const backup = takeBackup(session.db, path, 'daily', dir);
    store.cases.create({ title: 'After the backup' });
    session.close();

    const safety = restoreBackup(path, backup.path, dir);

    expect(titlesIn(path)).toEqual(['Before the backup']);
    expect(safety.reason).toBe('restore');
    expect(titlesIn(safety.path)).toEqual(['After the backup', 'Before the backup']);
    expect(readdirSync(join(path, '..')).filter((f) => f !== 'userData')).toEqual(['Piracy.casebook']);
    // The restored file opens writable, and the restore can itself be undone.
    const reopened = openKb(path);
    expect(reopened.readOnly).toBe(false);
    reopened.close();
    restoreBackup(path, safety.path, dir);
    expect(titlesIn(path)).toEqual(['After the backup', 'Before the backup']);
  });

  it('leaves the file exactly as it was when the backup is damaged', () => {
    const { path, dir, session } = piracyKb();
    const backup = takeBackup(session.db, path, 'daily', dir);
    kbStoreFor(session).cases.create({ title: 'Current work' });
    session.close();
    const count = readdirSync(dir).length;
    damage(backup.path);
    const before = sha256(path);

    expectAppError(() => restoreBackup(path, backup.path, dir), 'IO', /is damaged .*choose another backup/);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir)).toHaveLength(count);
  });

  it('refuses while another window has the file open', () => {
    const { path, dir, session } = piracyKb();
    const backup = takeBackup(session.db, path, 'daily', dir);
    const before = sha256(path);
    expectAppError(() => restoreBackup(path, backup.path, dir), 'CONFLICT', /^“Piracy\.casebook” is open in Casebook \(process \d+, since \d\d:\d\d\); close it there before restoring a backup; nothing was changed\.$/);
    session.close();
    expect(sha256(path)).toBe(before);
  });

  it('refuses a file with a trigger Casebook does not create', () => {
    const { path, dir, session } = piracyKb();
    const backup = takeBackup(session.db, path, 'daily', dir);
    session.close();
    const db = new Database(backup.path);
    db.exec("CREATE TRIGGER spy AFTER INSERT ON cases BEGIN SELECT 1; END");
    db.close();
    const before = sha256(path);
    expectAppError(() => restoreBackup(path, backup.path, dir), 'NOT_A_KB', /has a trigger “spy” on table “cases” that Casebook does not create, so it is not restored/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a backup from a newer Casebook', () => {
    const { path, dir, session } = piracyKb();
    const backup = takeBackup(session.db, path, 'daily', dir);
    session.close();
    const db = new Database(backup.path);
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    db.close();
    expectAppError(() => restoreBackup(path, backup.path, dir), 'TOO_NEW', /newer Casebook/);
  });
});

describe('the backup before a migration', () => {
  it('is a verified backup in the folder of the identity the file gets', () => {
    const root = tempDir();
    const path = join(root, 'Old.casebook');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, bundledMigrations().slice(0, 3));
    db.prepare(
      `INSERT INTO cases (id, fts_rowid, title, created_at, updated_at, updated_by) VALUES ('c1', 1, 'Old case', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z-0000-aa', 'x')`,
    ).run();
    db.close();
    const userData = join(root, 'userData');

    const opened = openKb(path, { backupDir: (id) => backupsDirFor(userData, id) });
    const id = kbId(opened.db);
    opened.close();

    const backups = listBackups(backupsDirFor(userData, id));
    expect(backups.map((b) => [b.reason, b.path])).toEqual([['migration', opened.migrationBackup]]);
    expect(basename(opened.migrationBackup as string)).toMatch(/^Old\.migration\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.casebook$/);
    const backup = new Database(opened.migrationBackup as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(3);
    backup.close();
    expect(titlesIn(opened.migrationBackup as string)).toEqual(['Old case']);
    expect(existsSync(join(root, 'Old.casebook'))).toBe(true);
  });
});
