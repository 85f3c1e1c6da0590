import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids';
import { createKb, openKb } from '../../main/db/openKb';
import { createKbSession } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { kbId, listPeers, newestTimestamp, recordPeer } from '../../main/share/peers';
import { compareWithOurSchema } from '../../main/share/schemaCheck';
import { saveCopy } from '../../main/share/snapshot';
import { appWithKb, buildNote, expectAppError, sha256, tempDir } from './support/builders';
import { buildArticle, buildBook, cite, noteWithFootnotes } from './support/sourceBuilders';

const ROOT = resolve(import.meta.dirname, '../..');

interface Shelf {
  path: string;
  dir: string;
  piracy: string;
  darfur: string;
  trashed: string;
}

/**
 * A knowledge base of three cases: piracy (tag maritime, actor AMISOM, cites Menkhaus), Darfur
 * (tag sudan, actor AU, cites Crocker and quotes "janjaweed", linked from piracy), and one in the
 * Trash. A fourth source is cited by nobody.
 */
function shelf(): Shelf {
  const dir = tempDir();
  const path = join(dir, 'Horn of Africa.casebook');
  createKb(path);
  const session = createKbSession(openKb(path), () => 'tester');
  try {
    const store = kbStoreFor(session);
    const menkhaus = store.sources.create(buildArticle(), 'menkhaus2009');
    const crocker = store.sources.create(buildBook(), 'crocker2004');
    store.sources.create(buildBook({ title: 'Uncited zanzibarian treatise' }), 'uncited');
    const piracy = store.cases.create({ title: 'Horn of Africa piracy, 2009', region: 'Horn of Africa' });
    const darfur = store.cases.create({ title: 'Darfur mediation, 2006', summary: 'Abuja talks over janjaweed disarmament.' });
    const trashed = store.cases.create({ title: 'Withdrawn xylophonic case' });
    store.cases.trash([trashed.id]);
    store.cases.setTags(piracy.id, ['maritime']);
    store.cases.setTags(darfur.id, ['sudan']);
    const amisom = store.actors.create({ name: 'African Union Mission to Somalia', abbreviation: 'AMISOM', kind: 'mission' });
    const au = store.actors.create({ name: 'African Union', abbreviation: 'AU', kind: 'organisation' });
    store.cases.linkActor(piracy.id, amisom.id, 'patrols');
    store.cases.linkActor(darfur.id, au.id, 'mediator');
    store.cases.saveNote(piracy.id, noteWithFootnotes([cite(menkhaus.id, { locator: '471' })]));
    store.cases.saveNote(darfur.id, noteWithFootnotes([cite(crocker.id, { locator: '12', quote: 'the janjaweed question' })]));
    session.db
      .prepare(`INSERT INTO case_links (id, from_case_id, to_case_id, label, created_at, updated_at, updated_by) VALUES (?, ?, ?, 'compare', ?, ?, 'tester')`)
      .run(newId(), piracy.id, darfur.id, new Date().toISOString(), session.tick());
    return { path, dir, piracy: piracy.id, darfur: darfur.id, trashed: trashed.id };
  } finally {
    session.close();
  }
}

function read<T>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

function column(path: string, sql: string): unknown[] {
  return read<Record<string, unknown>>(path, sql).map((r) => Object.values(r)[0]);
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('saveCopy of the whole knowledge base', () => {
  it('writes a checked copy with its own identity that knows the original as a peer', () => {
    const kb = shelf();
    const original = openKb(kb.path);
    const before = sha256(kb.path);
    const sourceId = kbId(original.db);
    const newest = newestTimestamp(original.db);
    const dest = join(kb.dir, 'For Amina.casebook');
    const phases: string[] = [];

    const copy = saveCopy(kb.path, dest, { kind: 'all' }, { onProgress: (phase) => phases.push(phase) });

    expect(copy).toMatchObject({ path: dest, cases: 2, sources: 3, sourceKbId: sourceId, seenUpTo: newest });
    expect(copy.bytes).toBeGreaterThan(0);
    expect(copy.kbId).not.toBe(sourceId);
    expect(phases).toEqual(expect.arrayContaining(['snapshot', 'trimming', 'compacting', 'checking']));
    expect(sha256(kb.path)).toBe(before);

    const opened = openKb(dest);
    expect(kbId(opened.db)).toBe(copy.kbId);
    expect(listPeers(opened.db)).toEqual([expect.objectContaining({ peerId: sourceId, peerName: 'Horn of Africa', seenUpTo: newest })]);
    expect(column(dest, 'SELECT title FROM cases ORDER BY title')).toEqual(['Darfur mediation, 2006', 'Horn of Africa piracy, 2009', 'Withdrawn xylophonic case']);
    expect(compareWithOurSchema(opened.db)).toEqual([]);
    opened.close();

    // What the caller does next, on the app's connection: the original remembers the copy.
    recordPeer(original.db, { peerId: copy.kbId, peerName: 'For Amina', seenUpTo: copy.seenUpTo });
    expect(listPeers(original.db).map((p) => p.peerId)).toEqual([copy.kbId]);
    original.close();
    expect(readdirSync(kb.dir).sort()).toEqual(['For Amina.casebook', 'Horn of Africa.casebook']);
  });

  it('does not carry the original’s merge bookkeeping into the copy', () => {
    const kb = shelf();
    const original = openKb(kb.path);
    recordPeer(original.db, { peerId: 'colleague-file', peerName: 'Quokka team file', seenUpTo: newestTimestamp(original.db) });
    original.db
      .prepare(`INSERT INTO merges (id, peer_id, peer_name, peer_path, finished_at, report) VALUES (?, 'colleague-file', 'Quokka team file', '/home/quokka/theirs.casebook', ?, ?)`)
      .run(newId(), new Date().toISOString(), JSON.stringify({ notes: ['Quokka team file merged in'] }));
    original.close();

    const copy = saveCopy(kb.path, join(kb.dir, 'copy.casebook'), { kind: 'all' });

    expect(read<{ peer_id: string }>(copy.path, 'SELECT peer_id FROM merge_peers')).toEqual([{ peer_id: copy.sourceKbId }]);
    expect(column(copy.path, 'SELECT count(*) FROM merges')).toEqual([0]);
    expect(readFileSync(copy.path).toString('latin1')).not.toContain('Quokka');
  });
});

describe('saveCopy of some cases', () => {
  it('keeps the chosen cases with what they use, and nothing of the others', () => {
    const kb = shelf();
    const dest = join(kb.dir, 'piracy only.casebook');

    const copy = saveCopy(kb.path, dest, { kind: 'cases', caseIds: [kb.piracy] });

    expect(copy).toMatchObject({ cases: 1, sources: 1 });
    expect(column(dest, 'SELECT title FROM cases')).toEqual(['Horn of Africa piracy, 2009']);
    expect(column(dest, 'SELECT citekey FROM sources')).toEqual(['menkhaus2009']);
    expect(column(dest, 'SELECT name FROM tags')).toEqual(['maritime']);
    expect(column(dest, 'SELECT abbreviation FROM actors')).toEqual(['AMISOM']);
    expect(column(dest, 'SELECT count(*) FROM citations')).toEqual([1]);
    expect(column(dest, 'SELECT count(*) FROM case_notes')).toEqual([1]);
    expect(column(dest, 'SELECT count(*) FROM case_links')).toEqual([0]);
    expect(column(dest, 'PRAGMA foreign_key_check')).toEqual([]);
    expect(column(dest, 'PRAGMA integrity_check')).toEqual(['ok']);

    // Search finds the kept case and none of the removed records.
    expect(column(dest, "SELECT rowid FROM cases_fts WHERE cases_fts MATCH 'piracy'")).toHaveLength(1);
    expect(column(dest, "SELECT rowid FROM cases_fts WHERE cases_fts MATCH 'janjaweed OR xylophonic'")).toEqual([]);
    expect(column(dest, "SELECT rowid FROM sources_fts WHERE sources_fts MATCH 'zanzibarian OR crocker'")).toEqual([]);

    // Not a trace of them in the bytes either (no free pages, no stale index segments).
    const bytes = readFileSync(dest).toString('latin1');
    for (const word of ['janjaweed', 'xylophonic', 'zanzibarian', 'Darfur', 'Crocker']) expect(bytes, word).not.toContain(word);
    expect(bytes).toContain('Menkhaus');
  });

  it('keeps links between kept cases and may include a case from the Trash', () => {
    const kb = shelf();
    const copy = saveCopy(kb.path, join(kb.dir, 'two.casebook'), { kind: 'cases', caseIds: [kb.piracy, kb.darfur, kb.trashed] });
    expect(copy).toMatchObject({ cases: 2, sources: 2 });
    expect(column(copy.path, 'SELECT count(*) FROM case_links')).toEqual([1]);
    expect(column(copy.path, 'SELECT count(*) FROM cases WHERE trashed_at IS NOT NULL')).toEqual([1]);
  });

  it('opens in the app, where search and the footnotes work', async () => {
    const kb = shelf();
    const copy = saveCopy(kb.path, join(kb.dir, 'darfur.casebook'), { kind: 'cases', caseIds: [kb.darfur] });
    const app = await appWithKb();
    const info = await app.call('kb.open', { path: copy.path });
    expect(info.readOnly).toBe(false);
    expect((await app.call('cases.list', { search: 'janjaweed' })).rows.map((r) => r.title)).toEqual(['Darfur mediation, 2006']);
    expect((await app.call('cases.list', { search: 'piracy' })).rows).toEqual([]);
    expect((await app.call('sources.list', {})).rows.map((r) => r.citekey)).toEqual(['crocker2004']);
    app.core.close();
  });

  it('refuses when a chosen case no longer exists, writing nothing', () => {
    const kb = shelf();
    expectAppError(() => saveCopy(kb.path, join(kb.dir, 'x.casebook'), { kind: 'cases', caseIds: [kb.piracy, newId()] }), 'NOT_FOUND', /1 of the 2 chosen cases/);
    expect(readdirSync(kb.dir)).toEqual(['Horn of Africa.casebook']);
  });
});

describe('the destination', () => {
  it('is never replaced unless asked, and then only by a complete copy', () => {
    const kb = shelf();
    const dest = join(kb.dir, 'copy.casebook');
    writeFileSync(dest, 'precious');
    expectAppError(() => saveCopy(kb.path, dest, { kind: 'all' }), 'ALREADY_EXISTS', /already exists/);
    expect(readFileSync(dest, 'utf8')).toBe('precious');

    // A failure on the way (a case that does not exist) leaves the old file too.
    expect(() => saveCopy(kb.path, dest, { kind: 'cases', caseIds: [newId()] }, { overwrite: true })).toThrow();
    expect(readFileSync(dest, 'utf8')).toBe('precious');

    saveCopy(kb.path, dest, { kind: 'all' }, { overwrite: true });
    expect(column(dest, 'PRAGMA quick_check')).toEqual(['ok']);
    expect(readdirSync(kb.dir).sort()).toEqual(['Horn of Africa.casebook', 'copy.casebook']);
  });

  it('is never the original itself, nor a file open in Casebook', () => {
    const kb = shelf();
    expectAppError(() => saveCopy(kb.path, kb.path, { kind: 'all' }, { overwrite: true }), 'CONFLICT', /cannot replace the knowledge base it is made from/);

    const other = join(kb.dir, 'open elsewhere.casebook');
    createKb(other);
    const window = openKb(other);
    expectAppError(() => saveCopy(kb.path, other, { kind: 'all' }, { overwrite: true }), 'CONFLICT', /is open in Casebook \(process \d+.*close it there before replacing it/);
    window.close();
  });
});

describe('a consistent snapshot while another connection writes', () => {
  it('leaves out a write transaction that has not committed', () => {
    const kb = shelf();
    const writer = openKb(kb.path);
    const store = kbStoreFor(createKbSession(writer, () => 'writer'));
    writer.db.exec('BEGIN IMMEDIATE');
    store.cases.create({ title: 'Uncommitted case' });

    const copy = saveCopy(kb.path, join(kb.dir, 'during.casebook'), { kind: 'all' });

    writer.db.exec('COMMIT');
    writer.close();
    expect(column(copy.path, 'SELECT title FROM cases ORDER BY title')).not.toContain('Uncommitted case');
    expect(column(kb.path, 'SELECT title FROM cases ORDER BY title')).toContain('Uncommitted case');
  });

  it('holds whole transactions only while another process commits batch after batch', async () => {
    const kb = shelf();
    // Ten cases per transaction, each batch with its own region, a few milliseconds apart (as
    // saves are: in rollback-journal mode a writer that never pauses would starve every reader);
    // a batch that meets a lock waits and tries again, so the writer keeps going all along.
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         const db = new Database(${JSON.stringify(kb.path)});
         db.pragma('busy_timeout = 10000');
         db.pragma('journal_mode = DELETE');
         let rowid = 1000;
         const insert = db.prepare("INSERT INTO cases (id, fts_rowid, title, region, created_at, updated_at, updated_by) VALUES (?, ?, 'Batch case', ?, '2026-01-01T00:00:00.000Z', ?, 'writer')");
         const batch = db.transaction((n) => { for (let i = 0; i < 10; i++) { rowid++; insert.run('batch-' + rowid, rowid, 'batch ' + n, '2026-01-01T00:00:00.000Z-0000-' + n); } });
         const pause = new Int32Array(new SharedArrayBuffer(4));
         for (let n = 0; n < 100000; n++) {
           try { batch(n); } catch { Atomics.wait(pause, 0, 0, 5); n--; continue; }
           if (n === 2) process.stdout.write('committing\\n');
           Atomics.wait(pause, 0, 0, 3);
         }`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    await new Promise<void>((done) => child.stdout?.once('data', () => done()));

    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const copy = saveCopy(kb.path, join(kb.dir, `snapshot ${i}.casebook`), { kind: 'all' });
      const batches = read<{ region: string; n: number }>(copy.path, "SELECT region, count(*) AS n FROM cases WHERE region LIKE 'batch %' GROUP BY region");
      for (const b of batches) expect(b.n, b.region).toBe(10);
      expect(column(copy.path, 'PRAGMA quick_check')).toEqual(['ok']);
      seen.push(batches.length);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    // The writer was really writing while the snapshots were taken.
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(3);
  });
});

describe('the live file at rest', () => {
  it('holds every save by itself: a copy of just the .casebook file has it', async () => {
    const app = await appWithKb('Live.casebook');
    const c = await app.call('cases.create', { title: 'Liberia peace talks, 2003' });
    await app.call('notes.save', { caseId: c.id, note: buildNote('Accra ceasefire signed on 17 June.') });

    // Copied while the app still has the file open, without any journal or side file.
    const copy = join(tempDir(), 'copied.casebook');
    copyFileSync(app.path, copy);

    expect(column(copy, 'SELECT note_text FROM case_notes')).toEqual([expect.stringContaining('Accra ceasefire signed on 17 June.')]);
    expect(column(copy, 'PRAGMA quick_check')).toEqual(['ok']);
    app.core.close();
  });
});
