import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createKb, openKb } from '../../main/db/openKb';
import { bundledMigrations, migrate } from '../../main/db/migrations';
import { checkKb } from '../../main/share/checkKb';
import { createKbSession } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { buildNote, sha256, tempDir } from './support/builders';
import { buildBook, cite, noteWithFootnotes } from './support/sourceBuilders';
import { casebook, BIN, ROOT } from './support/cliSupport';



function expectOneLineError(r: { code: number | null; stderr: string }, code: number, message: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^casebook: /);
  expect(r.stderr).toMatch(message);
}

/** A knowledge base with two cases, a cited source and a note, in a fresh folder. */
function sampleKb(name = 'Piracy.casebook'): string {
  const path = join(tempDir(), name);
  createKb(path);
  const session = createKbSession(openKb(path), () => 'tester');
  try {
    const store = kbStoreFor(session);
    const source = store.sources.create(buildBook(), 'crocker2004');
    const c = store.cases.create({ title: 'Horn of Africa piracy, 2009' });
    store.cases.saveNote(c.id, noteWithFootnotes([cite(source.id, { locator: '12' })]));
    const d = store.cases.create({ title: 'Darfur mediation, 2006' });
    store.cases.saveNote(d.id, buildNote('Abuja talks.'));
  } finally {
    session.close();
  }
  return path;
}

/** Changes the file behind SQLite's back, as a damaged disk or another program would. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

describe('checkKb', () => {
  it('finds nothing wrong with a healthy file, and does not change it', () => {
    const path = sampleKb();
    const before = sha256(path);
    const result = checkKb(path);
    expect(result).toMatchObject({ ok: true, problems: [], notes: [], counts: { cases: 2, sources: 1, citations: 1 } });
    expect(result.kbId).toMatch(/^[0-9a-f]{32}$/);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['Piracy.casebook']);
  });

  it('reports a file that is not ours', () => {
    const path = join(tempDir(), 'letter.casebook');
    writeFileSync(path, 'Dear colleague,\n'.repeat(20));
    expect(checkKb(path)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not a SQLite database/)], kbId: null });
  });

  it('reports damaged pages', () => {
    const path = sampleKb();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096 * 3);
    closeSync(fd);
    const result = checkKb(path);
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.startsWith('Integrity: '))).toBe(true);
  });

  it('reports a trigger someone added, and does not check the search indexes then', () => {
    const path = sampleKb();
    tamper(path, "CREATE TRIGGER spy AFTER INSERT ON cases BEGIN SELECT 1; END");
    const result = checkKb(path);
    expect(result.problems).toEqual(['Schema: the file has a trigger “spy” on table “cases” that Casebook does not create.']);
    expect(result.notes).toEqual([expect.stringMatching(/search row was not checked/)]);
  });

  it('reports references to missing records', () => {
    const path = sampleKb();
    tamper(path, 'DELETE FROM sources');
    const result = checkKb(path);
    expect(result.problems).toContain('References: 1 row of citations points at missing sources.');
  });

  it('reports search rows that are missing or left over', () => {
    const path = sampleKb();
    tamper(path, "DELETE FROM cases_fts WHERE rowid = (SELECT min(fts_rowid) FROM cases); INSERT INTO sources_fts (rowid, citekey) VALUES (999, 'ghost')");
    expect(checkKb(path).problems).toEqual(['Search: 1 case is missing from the search index.', 'Search: the search index holds 1 entry of sources that no longer exist.']);
  });

  it('reports a full-text index that disagrees with the text it indexes', () => {
    const path = sampleKb();
    const session = createKbSession(openKb(path), () => 'tester');
    kbStoreFor(session).cases.create({ title: 'Qwzxv crisis' });
    session.close();
    // The index stores terms in lower case, the case row keeps "Qwzxv": change the index's term only.
    const bytes = readFileSync(path);
    const at = bytes.indexOf('qwzxv', 0, 'latin1');
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf('qwzxv', at + 1, 'latin1')).toBe(-1);
    bytes.write('qwzxw', at, 'latin1');
    writeFileSync(path, bytes);

    const result = checkKb(path);
    expect(result.problems).toEqual([expect.stringMatching(/^Search: the cases search index does not match the text it indexes \(fts5: checksum mismatch/)]);
  });
});

describe('casebook check and casebook backup', { timeout: 180_000 }, () => {
  it('check prints ok and exits 0, or lists problems and exits 1', () => {
    const path = sampleKb();
    const ok = casebook('check', path);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`${path}: ok (schema version ${checkKb(path).schemaVersion}, 2 cases, 1 sources)\n`);

    const json = casebook('check', path, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ path, ok: true, problems: [] });

    tamper(path, 'CREATE VIEW everything AS SELECT * FROM cases');
    const bad = casebook('check', path, '--json');
    expectOneLineError(bad, 1, /“Piracy\.casebook” has 1 problem \(listed above\)/);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problems: ['Schema: the file has a view “everything” that Casebook does not create.'] });
  });

  it('backup writes a checked copy to a file or into a folder, and replaces only with --force', () => {
    const path = sampleKb();
    const out = tempDir();
    const file = join(out, 'before-submission.casebook');

    const first = casebook('backup', path, file, '--json');
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ path: file, reason: 'manual' });
    expect(checkKb(file)).toMatchObject({ ok: true, kbId: checkKb(path).kbId });

    expectOneLineError(casebook('backup', path, file), 1, /already exists; add --force to replace it/);
    expect(casebook('backup', path, file, '--force').code).toBe(0);

    const folder = join(out, 'nightly');
    mkdirSync(folder);
    const into = casebook('backup', path, folder);
    expect(into.code).toBe(0);
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^Piracy\.manual\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.casebook$/)]);

    expectOneLineError(casebook('backup', path, path, '--force'), 1, /cannot replace the knowledge base itself/);
  });

  it('commands that write refuse while the file is open in Casebook; reading and backing up still work', () => {
    const path = sampleKb();
    const window = openKb(path);
    const before = sha256(path);

    expectOneLineError(casebook('case', 'add', path, '--title', 'Aceh'), 1, new RegExp(`“Piracy\\.casebook” is open in Casebook \\(process ${process.pid}, since \\d\\d:\\d\\d\\); close it there first\\.`));
    const bib = join(tempDir(), 'one.bib');
    writeFileSync(bib, '@book{gurr1970, author = {Gurr, Ted Robert}, title = {Why Men Rebel}, year = {1970}}');
    expectOneLineError(casebook('import', path, bib), 1, /is open in Casebook \(process \d+.*close it there first/);
    expect(sha256(path)).toBe(before);

    expect(casebook('info', path).code).toBe(0);
    expect(casebook('backup', path, join(tempDir(), 'b.casebook')).code).toBe(0);
    window.close();

    expect(casebook('case', 'add', path, '--title', 'Aceh').code).toBe(0);
  });

  it('puts the backup taken before migrating an older file in $CASEBOOK_BACKUP_DIR (or --backup-dir)', () => {
    const path = join(tempDir(), 'Old.casebook');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, bundledMigrations().slice(0, 3));
    db.close();
    const backups = tempDir();

    const r = spawnSync(process.execPath, [BIN, 'case', 'add', path, '--title', 'Aceh'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CASEBOOK_USER: 'cli-tester', CASEBOOK_BACKUP_DIR: backups },
      timeout: 60_000,
    });

    expect(r.stderr).toBe('');
    expect(readdirSync(backups)).toEqual([expect.stringMatching(/^Old\.migration\.[\dT-]+Z\.casebook$/)]);
    expect(checkKb(join(backups, readdirSync(backups)[0] as string))).toMatchObject({ ok: true, schemaVersion: 3 });
    expect(readdirSync(join(path, '..'))).toEqual(['Old.casebook']);
  });
});
