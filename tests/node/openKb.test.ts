import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../common/ipc/channels';
import { newId } from '../../common/ids';
import { APPLICATION_ID, createKb, openKb } from '../../main/db/openKb';
import { latestSchemaVersion } from '../../main/db/migrations';
import { appWithKb, buildActor, buildCase, buildField, buildNote, expectAppError, sha256, startApp, tempDir } from './support/builders';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

describe('a new knowledge base', () => {
  it('is at the latest schema version, has our application id and only STRICT tables', () => {
    const path = join(tempDir(), 'new.casebook');
    createKb(path);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'cases_fts%' AND name NOT LIKE 'sources_fts%' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['cases', 'fields', 'case_values', 'tags', 'actors', 'saved_views']));
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT\s*$/);
    db.close();
  });

  it('refuses to overwrite an existing file', () => {
    const path = join(tempDir(), 'taken.casebook');
    writeFileSync(path, 'precious');
    expectAppError(() => createKb(path), 'ALREADY_EXISTS', /already exists/);
  });
});

describe('opening files that are not ours', () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ['a 0-byte file', (p) => writeFileSync(p, ''), /empty \(0 bytes\)/],
    ['a text file', (p) => writeFileSync(p, 'Dear colleague,\n'.repeat(20)), /not a SQLite database/],
    [
      'another application’s SQLite database (application_id 0)',
      (p) => {
        const db = new Database(p);
        db.exec('CREATE TABLE notes (body TEXT)');
        db.close();
      },
      /another application \(application id 0x00000000\)/,
    ],
    [
      'a SQLite database with a different application_id',
      (p) => {
        const db = new Database(p);
        db.pragma('application_id = 1234');
        db.exec('CREATE TABLE notes (body TEXT)');
        db.close();
      },
      /another application \(application id 0x000004d2\)/,
    ],
  ];

  for (const [what, make, message] of cases) {
    it(`refuses ${what} and leaves its bytes unchanged`, async () => {
      const app = startApp();
      const path = join(app.dir, 'x.casebook');
      make(path);
      const before = sha256(path);
      const answer = await app.send('kb.open', { path });
      expect(answer).toEqual({ ok: false, error: { code: 'NOT_A_KB', message: expect.stringMatching(message) } });
      expect(answer.ok === false && answer.error.message).toContain('“x.casebook”');
      expect(sha256(path)).toBe(before);
      expect(await app.call('kb.current', {})).toBeNull();
    });
  }

  it('refuses a folder', async () => {
    const app = startApp();
    const path = join(app.dir, 'folder.casebook');
    mkdirSync(path);
    expect(await app.send('kb.open', { path })).toEqual({ ok: false, error: { code: 'NOT_A_KB', message: expect.stringMatching(/is a folder/) } });
  });

  it('says when a file does not exist', async () => {
    const app = startApp();
    expect(await app.send('kb.open', { path: join(app.dir, 'missing.casebook') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a file from a newer Casebook', () => {
  it('opens read-only, says which version it needs, and is not changed', async () => {
    const app = startApp();
    const path = join(app.dir, 'future.casebook');
    createKb(path);
    const future = latestSchemaVersion() + 3;
    const db = new Database(path);
    db.pragma(`user_version = ${future}`);
    db.close();
    const before = sha256(path);

    const kb = await app.call('kb.open', { path });
    expect(kb.readOnly).toBe(true);
    expect(kb.schemaVersion).toBe(future);
    expect(kb.readOnlyReason).toContain(`schema version ${future}`);
    expect(kb.readOnlyReason).toContain(`knows up to ${latestSchemaVersion()}`);
    expect(await app.send('cases.create', buildCase())).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: kb.readOnlyReason } });
    app.core.close();
    expect(sha256(path)).toBe(before);
  });
});

/** A valid input for every write channel of the knowledge base, built around one existing case. */
async function writeInputs(app: Awaited<ReturnType<typeof appWithKb>>) {
  const field = await app.call('fields.create', buildField({ name: 'Outcome', type: 'single_select', options: ['Success'] }));
  const actor = await app.call('actors.create', buildActor());
  const other = await app.call('actors.create', buildActor({ name: 'United Nations', abbreviation: 'UN', kind: 'organisation' }));
  const c = await app.call('cases.create', buildCase());
  const linked = await app.call('cases.linkActor', { caseId: c.id, actorId: actor.id, role: 'lead' });
  // Previewing an import reads only; committing it is the write.
  const preview = await app.call('import.preview', {
    jobId: newId(),
    text: '@book{crocker2011, author = {Crocker, Chester A.}, title = {Collective Conflict Management}, year = {2011}}',
    fileName: 'one.bib',
  });
  const linkId = linked.caseActors[0]?.linkId as string;
  await app.call('cases.trash', { ids: [c.id] });
  const trashed = await app.call('cases.create', buildCase({ title: 'In the Trash' }));
  const purgeable = await app.call('cases.create', buildCase({ title: 'To delete forever' }));
  await app.call('cases.trash', { ids: [trashed.id, purgeable.id] });
  await app.call('cases.restore', { ids: [c.id] });
  const source = await app.call('sources.create', { csl: { type: 'book', title: 'Taming Intractable Conflicts', author: [{ family: 'Crocker' }] } });
  const unused = await app.call('sources.create', { csl: { type: 'report', title: 'Somalia', author: [{ literal: 'International Crisis Group' }] } });
  // A colleague's copy to merge and a backup to restore (copies and backups only read the file).
  const colleague = join(app.dir, 'colleague.casebook');
  await app.call('kb.saveCopy', { jobId: newId(), path: colleague, scope: { kind: 'all' } });
  const backup = await app.call('backups.create', { jobId: newId() });
  const inputs: Record<string, unknown> = {
    'sources.create': { csl: { type: 'book', title: 'Why Men Rebel', author: [{ family: 'Gurr' }] } },
    'sources.update': { id: source.id, citekey: 'crocker-taming' },
    'sources.delete': { id: unused.id },
    'kbSettings.set': { citationStyle: 'apa' },
    'styles.add': { fileName: 'minimal-note-style.csl', xml: readFileSync(join(FIXTURES, 'minimal-note-style.csl'), 'utf8') },
    'styles.remove': { id: 'custom:casebook-test-notes' },
    'cases.create': buildCase({ title: 'New' }),
    'cases.update': { id: c.id, patch: { title: 'Renamed' } },
    'cases.setValue': { caseId: c.id, fieldId: field.id, value: 'Success' },
    'cases.setTags': { caseId: c.id, tags: ['piracy'] },
    'cases.restore': { ids: [trashed.id] },
    'cases.purge': { ids: [purgeable.id] },
    'notes.save': { caseId: c.id, note: buildNote('Changed') },
    'fields.update': { id: field.id, name: 'Result' },
    'fields.reorder': { ids: [field.id] },
    'fields.delete': { id: field.id },
    'actors.create': buildActor({ name: 'European Union', abbreviation: 'EU', kind: 'organisation' }),
    'actors.update': { id: actor.id, name: 'AMISOM mission' },
    'cases.linkActor': { caseId: c.id, actorId: other.id, role: 'donor' },
    'cases.updateActorLink': { linkId, role: 'observer' },
    'cases.unlinkActor': { linkId },
    'views.save': { table: 'cases', layout: { columnOrder: ['title'], hidden: [], sizes: {}, sort: [] } },
    // Last: reorder above lists every field, and the case must stay editable for the channels above.
    'fields.create': buildField({ name: 'Another' }),
    'cases.trash': { ids: [c.id] },
    'import.commit': { jobId: newId(), previewId: preview.previewId },
    'merge.run': { jobId: newId(), path: colleague },
    // Ids of a conflict and a merge that do not exist: refused as READ_ONLY before they are looked up
    // (resolving and undoing real ones: tests/node/shareHandlers.test.ts).
    'merge.resolve': { id: newId(), choices: {} },
    'merge.undo': { mergeId: newId() },
    'backups.restore': { path: backup.path },
  };
  return inputs;
}

const READ_CHANNELS = new Set([
  'cases.list',
  'cases.get',
  'fields.list',
  'tags.list',
  'actors.list',
  'views.get',
  'sources.list',
  'sources.get',
  'sources.pick',
  'citations.format',
  'styles.list',
  'kbSettings.get',
  'import.preview',
  'jobs.cancel',
  // Exports read the file; the automatic export's setting is the user's, not the file's.
  'export.run',
  'autoExport.get',
  'autoExport.set',
  // Copies and backups read the file (a read-only file can be copied and backed up); so does conflict review.
  'kb.saveCopy',
  'kb.localCopy',
  'merge.history',
  'merge.conflicts',
  'merge.conflict',
  'backups.list',
  'backups.create',
  'backups.preview',
]);
/** Write channels whose valid input needs a conflict or a merge that writeInputs does not make. */
const NEEDS_A_MERGE = new Set(['merge.resolve', 'merge.undo']);
const CORE_CHANNELS = new Set(['app.info', 'settings.get', 'settings.set', 'kb.current', 'kb.open', 'kb.create', 'kb.close', 'kb.recent', 'dialog.openKb', 'dialog.newKb', 'dialog.saveFile']);

describe('a read-only file (chmod 0444)', () => {
  it('opens read-only, and every write channel answers READ_ONLY and changes nothing', async () => {
    const app = await appWithKb('locked.casebook');
    const inputs = await writeInputs(app);
    const writeChannels = INVOKE_CHANNELS.filter((c) => !READ_CHANNELS.has(c) && !CORE_CHANNELS.has(c));
    expect(Object.keys(inputs).sort()).toEqual([...writeChannels].sort());
    app.core.close();
    chmodSync(app.path, 0o444);
    const before = sha256(app.path);

    const kb = await app.call('kb.open', { path: app.path });
    expect(kb.readOnly).toBe(true);
    expect(kb.readOnlyReason).toMatch(/read-only file/);
    for (const channel of writeChannels) {
      const answer = await app.send(channel, inputs[channel]);
      expect(answer, channel).toEqual({ ok: false, error: { code: 'READ_ONLY', message: kb.readOnlyReason } });
    }
    const page = await app.call('cases.list', {});
    expect(page.rows.map((r) => r.title)).toEqual(['Horn of Africa piracy, 2009']);
    app.core.close();
    expect(sha256(app.path)).toBe(before);
  });

  it('accepts every write channel on a writable copy (the inputs above are valid)', async () => {
    const app = await appWithKb();
    const inputs = await writeInputs(app);
    for (const [channel, input] of Object.entries(inputs)) {
      if (NEEDS_A_MERGE.has(channel)) continue;
      const answer = await app.send(channel, input);
      expect(answer.ok, `${channel}: ${JSON.stringify(answer)}`).toBe(true);
    }
  });
});

describe('openKb directly', () => {
  it('reports NOT_A_KB without creating a journal beside a refused file', () => {
    const dir = tempDir();
    const path = join(dir, 'plain.casebook');
    writeFileSync(path, Buffer.alloc(4096, 7));
    expectAppError(() => openKb(path), 'NOT_A_KB', /not a SQLite database/);
  });
});

describe('migrating an older file', () => {
  it('backs the file up, then brings it to the latest version with its cases intact', async () => {
    const { bundledMigrations, migrate } = await import('../../main/db/migrations');
    const dir = tempDir();
    const path = join(dir, 'old.casebook');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, bundledMigrations().slice(0, 1));
    db.prepare(
      `INSERT INTO cases (id, fts_rowid, title, created_at, updated_at, updated_by) VALUES ('c1', 1, 'Old case', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z-0000-aa', 'x')`,
    ).run();
    db.prepare(`INSERT INTO cases_fts (rowid, title, summary, fields, note) VALUES (1, 'Old case', '', '', '')`).run();
    db.close();

    const opened = openKb(path, { backupDir: dir });
    expect(opened.schemaVersion).toBe(latestSchemaVersion());
    // A verified backup named like every other: <name>.migration.<time>.casebook.
    expect(opened.migrationBackup).toMatch(/old\.migration\.\d{4}-\d\d-\d\dT[\d-]+Z\.casebook$/);
    opened.close();
    const backup = new Database(opened.migrationBackup as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();

    const app = startApp();
    await app.call('kb.open', { path });
    expect((await app.call('cases.list', { search: 'old' })).rows.map((r) => r.title)).toEqual(['Old case']);
  });
});
