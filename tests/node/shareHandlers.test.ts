import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newId } from '../../common/ids';
import { startApp, sha256, tempDir, type TestApp } from './support/builders';
import { importApp } from './support/importSupport';

/**
 * Sharing through the app's channels, as the windows use them: copies, merges and backups run in
 * the job process; conflicts, undo and restore on the app's connection.
 */

function readOnlyDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const kbIdOf = (path: string) => readOnlyDb(path, (db) => (db.prepare('SELECT kb_id FROM kb_identity').pluck().get() as string));

async function caseTitled(app: TestApp, title: string) {
  const page = await app.call('cases.list', { search: title });
  const row = page.rows.find((r) => r.title === title);
  if (!row) throw new Error(`no case “${title}”`);
  return app.call('cases.get', { id: row.id });
}

describe('sharing through the app', { timeout: 120_000 }, () => {
  it('saves a checked copy with its own identity, and the original remembers it', async () => {
    const app = await importApp();
    await app.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    const dest = join(app.dir, 'for-bob.casebook');
    const result = await app.call('kb.saveCopy', { jobId: newId(), path: dest, scope: { kind: 'all' } });
    expect(result).toMatchObject({ path: dest, cases: 1, sources: 0 });
    expect(readOnlyDb(dest, (db) => db.pragma('quick_check', { simple: true }))).toBe('ok');
    expect(kbIdOf(dest)).not.toBe(kbIdOf(app.path));
    const peers = readOnlyDb(app.path, (db) => db.prepare('SELECT peer_id FROM merge_peers').pluck().all());
    expect(peers).toEqual([kbIdOf(dest)]);
    // An existing file is only replaced when asked.
    const again = await app.send('kb.saveCopy', { jobId: newId(), path: dest, scope: { kind: 'all' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(await app.send('kb.saveCopy', { jobId: newId(), path: app.path, scope: { kind: 'all' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('merges a colleague’s file: report, a conflict reviewed field by field, history, undo', async () => {
    const mine = await importApp();
    const piracy = await mine.call('cases.create', { title: 'Horn of Africa piracy, 2009', region: 'Horn of Africa' });
    await mine.call('cases.create', { title: 'Liberia peace process, 2003' });
    const theirPath = join(tempDir(), 'bob.casebook');
    await mine.call('kb.saveCopy', { jobId: newId(), path: theirPath, scope: { kind: 'all' } });

    // Bob edits the piracy case and adds one; we edit the same case differently.
    const bob = startApp();
    await bob.call('kb.open', { path: theirPath });
    await bob.call('cases.update', { id: piracy.id, patch: { summary: 'Bob: naval patrols cut attacks.', region: 'Gulf of Aden' } });
    await bob.call('cases.create', { title: 'Aceh peace talks, 2005' });
    await bob.call('kb.close', {});
    await mine.call('cases.update', { id: piracy.id, patch: { summary: 'Mine: ransoms rose.' } });
    const theirBytes = sha256(theirPath);

    const report = await mine.call('merge.run', { jobId: newId(), path: theirPath });
    expect(sha256(theirPath)).toBe(theirBytes);
    expect(report.added.cases).toBe(1);
    expect(report.conflicts).toHaveLength(1);
    expect(report.backupPath && existsSync(report.backupPath)).toBe(true);
    expect((await mine.call('kb.current', {}))?.conflicts).toBe(1);
    expect((await caseTitled(mine, 'Aceh peace talks, 2005')).title).toBe('Aceh peace talks, 2005');

    const [summary] = await mine.call('merge.conflicts', {});
    const detail = await mine.call('merge.conflict', { id: summary!.id });
    const differing = Object.fromEntries(detail.fields.filter((f) => f.differs).map((f) => [f.key, [f.ours, f.theirs]]));
    expect(differing).toMatchObject({ summary: ['Mine: ransoms rose.', 'Bob: naval patrols cut attacks.'], region: ['Horn of Africa', 'Gulf of Aden'] });
    const { remaining } = await mine.call('merge.resolve', { id: summary!.id, choices: { summary: 'ours', region: 'theirs' } });
    expect(remaining).toBe(0);
    const resolved = await mine.call('cases.get', { id: piracy.id });
    expect(resolved).toMatchObject({ summary: 'Mine: ransoms rose.', region: 'Gulf of Aden' });
    // A local edit after the merge is newer than everything the merge brought in.
    expect(resolved.updatedAt > (await caseTitled(mine, 'Aceh peace talks, 2005')).updatedAt).toBe(true);

    const [entry] = await mine.call('merge.history', {});
    expect(entry).toMatchObject({ id: report.mergeId, undoneAt: null });
    const undone = await mine.call('merge.undo', { mergeId: report.mergeId! });
    // The resolved case was never changed by the merge (ours stayed in place), so nothing is kept back.
    expect(undone).toEqual({ restored: 1, kept: [] });
    expect((await mine.call('cases.list', {})).rows.map((r) => r.title)).not.toContain('Aceh peace talks, 2005');
    expect((await mine.call('merge.history', {}))[0]?.undoneAt).not.toBeNull();
  });

  it('a cancelled merge writes nothing', async () => {
    const mine = await importApp();
    const piracy = await mine.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    const theirPath = join(tempDir(), 'bob.casebook');
    await mine.call('kb.saveCopy', { jobId: newId(), path: theirPath, scope: { kind: 'all' } });
    const bob = startApp();
    await bob.call('kb.open', { path: theirPath });
    await bob.call('cases.update', { id: piracy.id, patch: { summary: 'Bob was here.' } });
    for (let i = 0; i < 50; i++) await bob.call('cases.create', { title: `Bob’s case ${i}` });
    await bob.call('kb.close', {});

    const jobId = newId();
    mine.onProgress((p) => {
      // In the middle of the transaction: the job process is killed, and SQLite rolls its journal back.
      if (p.jobId === jobId && p.phase.startsWith('merging')) void mine.call('jobs.cancel', { jobId });
    });
    const answer = await mine.send('merge.run', { jobId, path: theirPath });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await mine.call('cases.list', {})).total).toBe(1);
    expect((await mine.call('cases.get', { id: piracy.id })).summary).toBe('');
    expect(await mine.call('merge.history', {})).toEqual([]);
    // Merging again afterwards works, and brings everything in.
    const report = await mine.call('merge.run', { jobId: newId(), path: theirPath });
    expect(report.added.cases).toBe(50);
    expect((await mine.call('cases.get', { id: piracy.id })).summary).toBe('Bob was here.');
  });

  it('refuses a damaged colleague file with a message and leaves both files as they were', async () => {
    const mine = await importApp();
    await mine.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    const empty = join(mine.dir, 'empty.casebook');
    writeFileSync(empty, '');
    const before = sha256(mine.path);
    const answer = await mine.send('merge.run', { jobId: newId(), path: empty });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_A_KB' } });
    expect(sha256(mine.path)).toBe(before);
  });

  it('backs up now, previews and restores a backup; a daily backup is taken on open', async () => {
    const app = await importApp({ dailyBackups: true });
    await expect.poll(async () => (await app.call('backups.list', {})).map((b) => b.reason), { timeout: 60_000 }).toContain('daily');
    await app.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    const backup = await app.call('backups.create', { jobId: newId() });
    expect(backup.reason).toBe('manual');
    await app.call('cases.create', { title: 'Written after the backup' });

    const preview = await app.call('backups.preview', { path: backup.path });
    expect(preview.lost.cases).toBe(1);
    expect(preview.caseTitles).toEqual(['Written after the backup']);
    expect(await app.send('backups.preview', { path: app.path })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const info = await app.call('backups.restore', { path: backup.path });
    expect(info.path).toBe(app.path);
    expect((await app.call('cases.list', {})).rows.map((r) => r.title)).toEqual(['Horn of Africa piracy, 2009']);
    // The state before the restore was itself backed up.
    expect((await app.call('backups.list', {})).map((b) => b.reason)).toContain('restore');
  });

  it('warns about a file in a cloud-sync folder and works on a local copy', async () => {
    const dir = tempDir();
    const app = startApp(dir);
    mkdirSync(join(dir, 'Dropbox'));
    const kb = await app.call('kb.create', { path: join(dir, 'Dropbox', 'piracy.casebook') });
    expect(kb.cloudFolder).toBe('Dropbox');
    await app.call('cases.create', { title: 'Horn of Africa piracy, 2009' });
    const local = await app.call('kb.localCopy', { jobId: newId() });
    expect(local.path).toBe(join(dir, 'Documents', 'Casebook', 'piracy.casebook'));
    expect(local.cloudFolder).toBeNull();
    expect((await app.call('cases.list', {})).rows.map((r) => r.title)).toEqual(['Horn of Africa piracy, 2009']);
  });
});
