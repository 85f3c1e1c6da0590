/**
 * Data for the merge benchmark: our knowledge base and a colleague's file made from it the way the
 * app makes one, then changed on both sides.
 *
 *   ours    N cases (bench/generateKb.ts's fields, tags, actors and notes, plus N/20 sources, four
 *           fifths of them cited from the notes' footnotes), written through the app's services.
 *   theirs  "Save a copy" of M of our cases (saveCopy, scope `cases`), then, in the colleague's
 *           file: M/10 cases edited (summary and status; some field values, tags and notes too),
 *           M/50 deleted for good (Trash, then delete forever), M/5 new cases citing old and new
 *           sources, M/100 new sources of which M/500 are duplicates of ours by DOI under another
 *           citekey.
 *           In ours, after the copy: M/25 of the cases they edited edited here too (the summary:
 *           conflicts), and N/100 cases not in their file (ours only: the merge leaves them).
 *
 * Files are cached under `.bench/` by size and kept between runs; the plan (what was changed) is
 * saved beside them so the benchmark can check the merge's report against it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { FieldValue, LexicalJson } from '../common/domain/schemas';
import { CslItem } from '../common/domain/sources';
import { createKb, openKb } from '../main/db/openKb';
import type { SampleCase, SampleKb, SampleSource } from '../main/sample/sampleTypes';
import { recordPeer } from '../main/share/peers';
import { saveCopy } from '../main/share/snapshot';
import { createWriteContext } from '../main/store/kbSession';
import { kbStoreFor, type KbStore } from '../main/store/kbStore';
import { blocksToLexical, sampleFootnotes, writeKbData } from '../main/store/writeKbData';
import { createRandom, generateKbData } from './generateKb';
import { generateSources } from './exportBench';

/** Bump when the scenario or the way files are made changes: cached files are then rebuilt. */
const GENERATOR_VERSION = 2;

type Rnd = ReturnType<typeof createRandom>;

/** What was changed on each side, by count; the merge's report is checked against it. */
export interface MergePlan {
  ours: number;
  theirs: number;
  sources: number;
  /** Shared cases edited in their file (the conflicts among them). */
  theirEdits: number;
  /** Of those, edited in ours too, after the copy. */
  conflicts: number;
  /** Shared cases deleted for good in their file (none of them edited on either side). */
  theirDeletes: number;
  /** Cases created in their file. */
  theirNewCases: number;
  /** Sources created in their file, duplicates included. */
  theirNewSources: number;
  /** New sources in their file with the DOI of one of ours, under another citekey. */
  duplicateSources: number;
  /** Our cases, not in their file, edited in ours after the copy. */
  ourOnlyEdits: number;
  /** Live cases in ours once the merge has run: ours − their deletes + their new cases. */
  liveCasesAfter: number;
}

export interface MergePair {
  ours: string;
  theirs: string;
  plan: MergePlan;
}

export type Log = (message: string) => void;

/** The pair for these sizes, from the cache under `dir` or generated (a few minutes at 100,000). */
export function mergePair(dir: string, ours: number, theirs: number, log: Log): MergePair {
  if (theirs > ours) throw new Error(`Their file (${theirs} cases) is a copy of some of ours (${ours}); it cannot be larger.`);
  const folder = join(dir, `merge-v${GENERATOR_VERSION}-${ours}-${theirs}`);
  const pair = { ours: join(folder, 'ours.casebook'), theirs: join(folder, 'theirs.casebook') };
  const planPath = join(folder, 'plan.json');
  // plan.json is written last: when it exists, both files are complete.
  if (existsSync(planPath)) return { ...pair, plan: JSON.parse(readFileSync(planPath, 'utf8')) as MergePlan };

  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const base = baseKb(dir, ours, log);
  const oursTemp = join(folder, 'ours.making.casebook');
  copyFileSync(base, oursTemp);
  const plan = changeBothSides(oursTemp, pair.theirs, ours, theirs, log);
  renameSync(oursTemp, pair.ours);
  writeFileSync(planPath, `${JSON.stringify(plan, null, 2)}\n`);
  return { ...pair, plan };
}

/** Our knowledge base before any sharing, cached: it takes most of the generation time. */
function baseKb(dir: string, cases: number, log: Log): string {
  const path = join(dir, `merge-base-v${GENERATOR_VERSION}-${cases}.casebook`);
  if (existsSync(path)) return path;
  const t0 = performance.now();
  const data = withFootnotes(generateKbData(cases, 1), generateSources(Math.max(20, Math.round(cases / 20)), 7), createRandom(101));
  const temp = `${path}.making`;
  rmSync(temp, { force: true });
  createKb(temp, (db) => {
    // Generation only: one big transaction, no fsync per statement. The app never does this.
    db.pragma('synchronous = OFF');
    writeKbData(createWriteContext(db, () => 'Analyst'), data);
  });
  renameSync(temp, path);
  log(`generated our knowledge base: ${cases.toLocaleString('en')} cases, ${data.sources?.length ?? 0} sources in ${seconds(t0)} → ${path}`);
  return path;
}

/**
 * Gives 70% of the cases one to three footnotes, each citing one source (sometimes two) with a
 * page locator, at the end of the note's paragraphs. The last fifth of the sources is never cited
 * (works in the library not yet used): a copy of some cases leaves them out.
 */
function withFootnotes(data: SampleKb, sources: SampleSource[], rnd: Rnd): SampleKb {
  const cited = sources.slice(0, Math.ceil(sources.length * 0.8));
  for (const c of data.cases) {
    if (rnd.next() >= 0.7) continue;
    addFootnotes(c, cited, rnd);
  }
  return { ...data, sources };
}

function addFootnotes(c: SampleCase, sources: readonly SampleSource[], rnd: Rnd): void {
  const paragraphs = c.note.filter((b): b is Extract<typeof b, { type: 'paragraph' }> => b.type === 'paragraph');
  const footnotes: NonNullable<SampleCase['footnotes']> = {};
  const count = Math.min(paragraphs.length, rnd.int(1, 3));
  for (let k = 0; k < count; k++) {
    const name = `f${k + 1}`;
    const paragraph = paragraphs[k];
    if (!paragraph) break;
    paragraph.text = `${paragraph.text}[^${name}]`;
    const cite = () => ({ source: rnd.pick(sources).key, locator: String(rnd.int(1, 400)), label: 'page' as const });
    footnotes[name] = rnd.next() < 0.15 ? [cite(), cite()] : [cite()];
  }
  c.footnotes = footnotes;
}

/**
 * Makes their file from ours with the app's "Save a copy" (some cases), then changes both files as
 * two analysts would, each through the app's services with its own clock.
 */
function changeBothSides(oursPath: string, theirsPath: string, n: number, m: number, log: Log): MergePlan {
  const rnd = createRandom(202);
  const plan: MergePlan = {
    ours: n,
    theirs: m,
    sources: Math.max(20, Math.round(n / 20)),
    theirEdits: Math.round(m / 10),
    conflicts: Math.round(m / 25),
    theirDeletes: Math.round(m / 50),
    theirNewCases: Math.round(m / 5),
    theirNewSources: Math.max(5, Math.round(m / 100)),
    duplicateSources: Math.max(1, Math.round(m / 500)),
    ourOnlyEdits: Math.round(n / 100),
    liveCasesAfter: 0,
  };
  plan.liveCasesAfter = n - plan.theirDeletes + plan.theirNewCases;

  // Which of our cases the colleague gets, and what happens to them.
  let t0 = performance.now();
  const ids = withDb(oursPath, (db) => db.prepare<[], string>('SELECT id FROM cases WHERE deleted_at IS NULL ORDER BY rowid').pluck().all());
  shuffle(ids, rnd);
  const shared = ids.slice(0, m);
  const notShared = ids.slice(m);
  const edited = shared.slice(0, plan.theirEdits);
  const conflicting = edited.slice(0, plan.conflicts);
  const deleted = shared.slice(plan.theirEdits, plan.theirEdits + plan.theirDeletes);
  const ourOnly = notShared.slice(0, plan.ourOnlyEdits);
  if (ourOnly.length < plan.ourOnlyEdits) {
    // Everything was shared: edit, in ours, cases they neither edited nor deleted.
    ourOnly.push(...shared.slice(plan.theirEdits + plan.theirDeletes).slice(0, plan.ourOnlyEdits - ourOnly.length));
  }

  const copy = saveCopy(oursPath, theirsPath, { kind: 'cases', caseIds: shared }, { overwrite: true, onProgress: () => {} });
  // As the app does after a copy: the original records the copy as a peer seen up to the snapshot.
  edit(oursPath, 'Analyst', (_store, db) => recordPeer(db, { peerId: copy.kbId, peerName: 'theirs', seenUpTo: copy.seenUpTo }));
  log(`their file: Save a copy of ${copy.cases.toLocaleString('en')} cases, ${copy.sources.toLocaleString('en')} sources in ${seconds(t0)}`);

  // Their changes.
  t0 = performance.now();
  edit(theirsPath, 'Colleague', (store, db) => {
    const fieldIds = idsByName(db, 'fields');
    const troops = requireId(fieldIds, 'Troops deployed');
    const notes = db.prepare<[string], string>('SELECT note_json FROM case_notes WHERE case_id = ? AND deleted_at IS NULL').pluck();
    edited.forEach((id, i) => {
      store.cases.update(id, { summary: `Their reading: ${sentence(rnd, rnd.int(12, 24))}`, status: 'in_progress' });
      if (i % 2 === 0) store.cases.setValue(id, troops, rnd.int(100, 40_000));
      if (i % 5 === 0) store.cases.setTags(id, [...store.cases.get(id).tags, 'reviewed']);
      if (i % 3 === 0) {
        const json = notes.get(id);
        if (json) store.cases.saveNote(id, reviseNote(JSON.parse(json) as LexicalJson, 'Their field visit confirmed the account above.'));
      }
    });
    store.cases.trash(deleted);
    store.cases.purge(deleted);

    // New sources: some new works, some articles of ours their file does not hold (the copy
    // left out works no case of theirs cites): the same DOI, another citekey.
    const ourArticles = readArticlesNotIn(oursPath, db);
    const fresh = generateSources(plan.theirNewSources - plan.duplicateSources, 9).map((s, i) => distinct(s, i));
    const duplicates: SampleSource[] = [];
    for (let i = 0; i < plan.duplicateSources; i++) {
      const original = ourArticles[Math.floor((i * ourArticles.length) / plan.duplicateSources)];
      if (!original) throw new Error(`Our file has ${ourArticles.length} sources with a DOI that theirs lacks; ${plan.duplicateSources} duplicates were planned.`);
      const csl = JSON.parse(original.csl) as Record<string, unknown>;
      // The same article found in another database: the DOI written differently, no issue number.
      const { issue: _issue, ...rest } = csl;
      duplicates.push({ key: `dup${i}`, citekey: `dup-${original.citekey}`, csl: { ...rest, DOI: `https://doi.org/${String(csl.DOI).toUpperCase()}` } });
    }
    // New cases cite the sources already in their file (keyed by id) and the new ones.
    const sourceIds = new Map<string, string>();
    const citable: SampleSource[] = [];
    for (const row of db.prepare<[], { id: string; citekey: string }>('SELECT id, citekey FROM sources WHERE deleted_at IS NULL').all()) {
      sourceIds.set(row.id, row.id);
      citable.push({ key: row.id, citekey: row.citekey, csl: {} });
    }
    for (const s of [...fresh, ...duplicates]) {
      sourceIds.set(s.key, store.sources.create(CslItem.parse(s.csl), s.citekey).id);
      citable.push(s);
    }

    const added = generateKbData(plan.theirNewCases, 3).cases;
    added.forEach((c, i) => {
      c.title = c.title.replace(/#\d+$/, `#their-${i}`);
      if (rnd.next() < 0.7) addFootnotes(c, citable, rnd);
    });
    writeCases(store, db, added, sourceIds);
  });
  log(`their changes: ${plan.theirEdits} edited, ${plan.theirDeletes} deleted, ${plan.theirNewCases} new cases, ${plan.theirNewSources} new sources in ${seconds(t0)}`);

  // Our changes after the copy.
  t0 = performance.now();
  edit(oursPath, 'Analyst', (store, db) => {
    const troops = requireId(idsByName(db, 'fields'), 'Troops deployed');
    for (const id of conflicting) store.cases.update(id, { summary: `Our reading: ${sentence(rnd, rnd.int(12, 24))}` });
    for (const id of ourOnly) {
      store.cases.update(id, { summary: `Our later reading: ${sentence(rnd, rnd.int(12, 24))}` });
      store.cases.setValue(id, troops, rnd.int(100, 40_000));
    }
  });
  log(`our changes: ${plan.conflicts} of their edited cases, ${ourOnly.length} others in ${seconds(t0)}`);
  return plan;
}

/** Our sources with a DOI that their file (open on `theirs`) does not hold. */
function readArticlesNotIn(oursPath: string, theirs: Database.Database): { citekey: string; csl: string }[] {
  const held = new Set(theirs.prepare<[], string>('SELECT id FROM sources').pluck().all());
  const ours = withDb(oursPath, (db) =>
    db.prepare<[], { id: string; citekey: string; csl: string }>('SELECT id, citekey, csl FROM sources WHERE deleted_at IS NULL AND doi IS NOT NULL ORDER BY citekey').all(),
  );
  return ours.filter((s) => !held.has(s.id));
}

/** Writes cases as writeKbData does, linking the fields, actors and sources already in the file. */
function writeCases(store: KbStore, db: Database.Database, cases: SampleCase[], sourceIds: ReadonlyMap<string, string>): void {
  const fieldIds = new Map<string, string>();
  const byName = idsByName(db, 'fields');
  for (const [key, name] of Object.entries(FIELD_NAMES)) fieldIds.set(key, requireId(byName, name));
  const actorsByName = idsByName(db, 'actors');
  for (const c of cases) {
    const { id } = store.cases.create({ title: c.title, summary: c.summary, periodStart: c.periodStart, periodEnd: c.periodEnd, region: c.region, status: c.status });
    if (c.tags.length) store.cases.setTags(id, c.tags);
    for (const link of c.actors) store.cases.linkActor(id, requireId(actorsByName, `Organisation ${link.actor.slice(1)}`), link.role);
    for (const [key, value] of Object.entries(c.values) as [string, FieldValue][]) store.cases.setValue(id, requireId(fieldIds, key), value);
    const footnotes = sampleFootnotes(c, sourceIds);
    store.cases.saveNote(id, blocksToLexical(c.note, footnotes.lookup));
  }
}

/** bench/generateKb.ts's field keys and names. */
const FIELD_NAMES = { outcome: 'Outcome', troops: 'Troops deployed', lead: 'Lead organisation', mandate: 'UN mandate' } as const;

/** A new source of theirs that matches none of ours: its own DOI, ISBN, title and citekey. */
function distinct(s: SampleSource, i: number): SampleSource {
  const csl: Record<string, unknown> = { ...s.csl, title: `${String(s.csl.title)} (colleague ${i})` };
  if (csl.DOI) csl.DOI = `10.5555/colleague.${i}`;
  if (csl.ISBN) csl.ISBN = `979-8-${String(400000 + i)}-${i % 10}`;
  if (csl.URL) csl.URL = `https://example.net/colleague/${i}`;
  return { key: `new${i}`, citekey: `${s.citekey.replace(/-\d+$/, '')}-colleague${i}`, csl };
}

/** The note with a sentence added to its first paragraph's text (footnotes and their ids kept). */
function reviseNote(note: LexicalJson, addition: string): LexicalJson {
  const root = note.root as { children?: { type?: string; children?: { type?: string; text?: string }[] }[] };
  const paragraph = root.children?.find((b) => b.type === 'paragraph');
  const text = paragraph?.children?.find((t) => t.type === 'text');
  if (text) text.text = `${text.text ?? ''} ${addition}`;
  return note;
}

/** One analyst's session on a file: every change in one transaction, like a long day's work. */
function edit(path: string, who: string, work: (store: KbStore, db: Database.Database) => void): void {
  const opened = openKb(path);
  try {
    opened.db.pragma('synchronous = OFF');
    const ctx = createWriteContext(opened.db, () => who);
    const store = kbStoreFor(ctx);
    opened.db.transaction(() => work(store, opened.db))();
  } finally {
    opened.close();
  }
}

function withDb<T>(path: string, read: (db: Database.Database) => T, readOnly = true): T {
  const opened = openKb(path, { readOnly });
  try {
    return read(opened.db);
  } finally {
    opened.close();
  }
}

function idsByName(db: Database.Database, table: 'fields' | 'actors'): Map<string, string> {
  const rows = db.prepare<[], { id: string; name: string }>(`SELECT id, name FROM ${table} WHERE deleted_at IS NULL`).all();
  return new Map(rows.map((r) => [r.name, r.id]));
}

function requireId(ids: ReadonlyMap<string, string>, name: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`No “${name}” in the generated knowledge base.`);
  return id;
}

const WORDS = 'the envoy mandate council parties ceasefire monitoring observers donors guarantors transition consent access summit'.split(' ');

function sentence(rnd: Rnd, words: number): string {
  const s = Array.from({ length: words }, () => rnd.pick(WORDS)).join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function shuffle<T>(xs: T[], rnd: Rnd): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
}

function seconds(t0: number): string {
  return `${((performance.now() - t0) / 1000).toFixed(1)} s`;
}
