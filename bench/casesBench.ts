/**
 * Cases table and note-save benchmark. For each size it generates (once, cached under .bench/) a
 * knowledge base through the app's services, then times the operations the table and editor do —
 * through the app's own dispatch (zod validation, store, row mapping) — beside raw better-sqlite3
 * running the equivalent SQL on the same file. Prints medians and the ratio app / raw.
 *
 *   npm run bench                 # 10,000 and 100,000 cases
 *   npm run bench -- 2000         # other sizes
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createAppCore, type AppCore } from '../main/app/createAppCore';
import { configureConnection } from '../main/db/openKb';
import { paragraphsToNote, noteToPlainText } from '../common/editor/noteText';
import { generateKb } from './generateKb';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const RUNS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function call(core: AppCore, channel: string, input: unknown): Promise<unknown> {
  const env = await core.dispatch(channel, input);
  if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
  return env.value;
}

const PAGE_COLUMNS = `c.id, c.title, c.summary, c.period_start, c.period_end, c.region, c.status,
  c.created_at, c.updated_at, c.updated_by, c.trashed_at`;
const PAGE_EXTRAS = `
  (SELECT group_concat(t.name, '|') FROM case_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.case_id = c.id AND ct.deleted_at IS NULL) AS tags,
  (SELECT group_concat(a.name, '|') FROM case_actors ca JOIN actors a ON a.id = ca.actor_id WHERE ca.case_id = c.id AND ca.deleted_at IS NULL) AS actors,
  (SELECT json_group_object(v.field_id, json(v.value)) FROM case_values v WHERE v.case_id = c.id AND v.deleted_at IS NULL) AS vals`;
const LIVE = 'c.deleted_at IS NULL AND c.trashed_at IS NULL';

function rawStatements(db: Database.Database, troopsField: string) {
  return {
    count: db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${LIVE}`),
    // The page's ids are chosen first, then only those rows get their tags, actors and values
    // (SQLite would otherwise compute the correlated columns for every row skipped by OFFSET).
    byTitle: db.prepare(`SELECT ${PAGE_EXTRAS}, c.* FROM (SELECT ${PAGE_COLUMNS} FROM cases c WHERE ${LIVE} ORDER BY c.title COLLATE NOCASE, c.id LIMIT 100 OFFSET ?) AS c`),
    byTroops: db.prepare(
      `SELECT ${PAGE_EXTRAS}, c.* FROM (SELECT ${PAGE_COLUMNS} FROM cases c LEFT JOIN case_values s ON s.case_id = c.id AND s.field_id = '${troopsField}' AND s.deleted_at IS NULL
       WHERE ${LIVE} ORDER BY s.sort_num DESC NULLS LAST, c.title COLLATE NOCASE, c.id LIMIT 100) AS c`,
    ),
    countTroops: db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${LIVE}`),
    filtered: db.prepare(
      `SELECT ${PAGE_EXTRAS}, c.* FROM (SELECT ${PAGE_COLUMNS} FROM cases c WHERE ${LIVE} AND c.region LIKE '%Africa%' AND c.status = 'complete'
       ORDER BY c.title COLLATE NOCASE, c.id LIMIT 100) AS c`,
    ),
    countFiltered: db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${LIVE} AND c.region LIKE '%Africa%' AND c.status = 'complete'`),
    saveNote: db.prepare(
      `INSERT INTO case_notes (case_id, note_json, note_text, created_at, updated_at, updated_by) VALUES (@id, @json, @text, @now, @now, 'bench')
       ON CONFLICT (case_id) DO UPDATE SET note_json = excluded.note_json, note_text = excluded.note_text, updated_at = excluded.updated_at`,
    ),
    touchCase: db.prepare(`UPDATE cases SET updated_at = ?, updated_by = ? WHERE id = ?`),
    ftsDelete: db.prepare(`DELETE FROM cases_fts WHERE rowid = ?`),
    ftsInsert: db.prepare(`INSERT INTO cases_fts (rowid, title, summary, fields, note) VALUES (?, ?, ?, '', ?)`),
    caseRow: db.prepare(`SELECT fts_rowid, title, summary FROM cases WHERE id = ?`),
  };
}

async function benchSize(n: number): Promise<void> {
  const dir = resolve('.bench');
  mkdirSync(dir, { recursive: true });
  const kb = join(dir, `cases-${n}-seed1.casebook`);
  if (!existsSync(kb)) {
    const t0 = performance.now();
    generateKb(kb, n, 1);
    console.log(`generated ${n.toLocaleString('en')} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${kb}`);
  }
  const userData = mkdtempSync(join(tmpdir(), 'casebook-bench-'));
  const ports = { host: 'browser' as const, dialogs: null, push: () => {} };

  const rows: [string, number, number][] = [];

  // 1. Open + first page (a new core each run, as at app start).
  let core!: AppCore;
  const appOpen = await time(async () => {
    core?.close();
    core = createAppCore({ userDataDir: userData, ports, dailyBackups: false });
    core.open(kb);
    await call(core, 'cases.list', { offset: 0, limit: 100 });
  }, 7);
  let raw!: Database.Database;
  let st!: ReturnType<typeof rawStatements>;
  const troopsField = (await call(core, 'fields.list', {}) as { id: string; name: string }[]).find((f) => f.name === 'Troops deployed')!.id;
  const rawOpen = await time(() => {
    raw?.close();
    raw = new Database(kb, { fileMustExist: true });
    configureConnection(raw, { readOnly: false });
    st = rawStatements(raw, troopsField);
    st.count.get();
    st.byTitle.all(0);
  }, 7);
  rows.push(['open + first page', appOpen, rawOpen]);

  // 2. Sort change: by a user number field, descending.
  const appSort = await time(() => call(core, 'cases.list', { offset: 0, limit: 100, sort: [{ column: `field:${troopsField}`, desc: true }] }));
  const rawSort = await time(() => {
    st.countTroops.get();
    st.byTroops.all();
  });
  rows.push(['sort change (user number field)', appSort, rawSort]);

  // 3. Filter change: region contains “Africa” and status = complete.
  const filters = [
    { column: 'region', op: 'contains', value: 'Africa' },
    { column: 'status', op: 'equals', value: 'complete' },
  ];
  const appFilter = await time(() => call(core, 'cases.list', { offset: 0, limit: 100, filters }));
  const rawFilter = await time(() => {
    st.countFiltered.get();
    st.filtered.all();
  });
  rows.push(['filter change (region + status)', appFilter, rawFilter]);

  // 4. Window fetches while scrolling: 100-row windows at spread offsets.
  const offsets = Array.from({ length: 20 }, (_, i) => Math.floor(((i + 0.5) / 20) * (n - 100)));
  let k = 0;
  const appWindow = await time(() => call(core, 'cases.list', { offset: offsets[k++ % offsets.length], limit: 100 }), 20);
  k = 0;
  const rawWindow = await time(() => {
    st.count.get();
    st.byTitle.all(offsets[k++ % offsets.length]);
  }, 20);
  rows.push(['window fetch while scrolling', appWindow, rawWindow]);

  // 5. Note save: a ~1,500-word note on one case.
  const first = ((await call(core, 'cases.list', { offset: Math.floor(n / 2), limit: 1 })) as { rows: { id: string }[] }).rows[0]!.id;
  const paragraphs = Array.from({ length: 15 }, (_, i) => `Paragraph ${i}: ` + 'the contact group met the envoy and agreed a common position on the mandate '.repeat(7));
  let rev = 0;
  const appSave = await time(() => {
    paragraphs[0] = `Revision ${rev++}`;
    return call(core, 'notes.save', { caseId: first, note: paragraphsToNote(paragraphs) });
  });
  core.close();
  const rawSaveTx = raw.transaction((json: string, text: string) => {
    const c = st.caseRow.get(first) as { fts_rowid: number; title: string; summary: string };
    const now = new Date().toISOString();
    st.saveNote.run({ id: first, json, text, now });
    st.touchCase.run(now, 'bench', first);
    st.ftsDelete.run(c.fts_rowid);
    st.ftsInsert.run(c.fts_rowid, c.title, c.summary, text);
  });
  const rawSave = await time(() => {
    paragraphs[0] = `Revision ${rev++}`;
    const note = paragraphsToNote(paragraphs);
    rawSaveTx(JSON.stringify(note), noteToPlainText(note));
  });
  rows.push(['note save (~1,500 words)', appSave, rawSave]);
  raw.close();
  rmSync(userData, { recursive: true, force: true });

  console.log(`\n${n.toLocaleString('en')} cases (median of ${RUNS} runs; open: 7 runs)`);
  console.log(`${'operation'.padEnd(34)}${'Casebook ms'.padStart(13)}${'raw SQLite ms'.padStart(15)}${'ratio'.padStart(8)}`);
  for (const [name, app, rawMs] of rows) {
    console.log(`${name.padEnd(34)}${app.toFixed(2).padStart(13)}${rawMs.toFixed(2).padStart(15)}${(app / rawMs).toFixed(2).padStart(8)}`);
  }
}

for (const n of SIZES.length ? SIZES : [10_000, 100_000]) await benchSize(n);
