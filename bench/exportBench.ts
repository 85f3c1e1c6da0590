/**
 * Export benchmark. Generates seeded knowledge bases through the app's own services (N sources of
 * every common kind: books, chapters with editors, journal articles, reports by institutions, web
 * pages; accented, particle and non-Latin names in some), then measures:
 *
 *   bibliography   a bibliography of all N sources (runExport, format 'bibliography', plain text)
 *                  in Chicago (full note, the app's default) and APA, for N = 1,000 and 10,000:
 *                  the first run in a fresh Node process (styles, locales and citeproc engines not
 *                  yet loaded, an empty formatted-citations cache), then the same export again in
 *                  that process (the cache answers). Timed inside the process, modules loaded.
 *   docx           a Word export of one case whose note has 500 footnotes citing 200 sources with
 *                  locators, in Chicago: first run (fresh process) and cached, and the file size.
 *
 * beside `pandoc --citeproc` on the same CSL-JSON (what the Markdown export writes) and the same
 * style as CSL XML: `nocite: '@*'` and `-t plain` for the bibliography, the equivalent Markdown
 * with 500 Pandoc citations to .docx for the case. Pandoc is timed wall-clock with its process
 * start included; its start-up cost alone (an empty bibliography, same style) is printed too.
 * Peak RSS of every process is measured with /usr/bin/time (Casebook's figure includes Node, tsx
 * and the app modules).
 *
 *   npm run bench:export                       # 1,000 and 10,000 sources
 *   npx tsx bench/exportBench.ts 500 2000      # other sizes
 *   BENCH_KEEP=1 npm run bench:export          # keep the generated files (their folder is printed)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SampleBlock, SampleCitation, SampleKb, SampleSource } from '../main/sample/sampleTypes';
import type { LocatorLabel } from '../common/domain/sources';
import { createRandom } from './generateKb';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(HERE, '../..');
const PANDOC = '/usr/bin/pandoc';
const TIME = '/usr/bin/time';
const STYLES = ['chicago-fullnote-bibliography', 'apa'] as const;
const DOCX_STYLE = 'chicago-fullnote-bibliography';
const FOOTNOTES = 500;
const DOCX_SOURCES = 200;

type Rnd = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------------------------------------
// Generated sources

interface Person {
  /** ASCII, for citekeys. */
  key: string;
  name: Record<string, string>;
  /** Some authors write in their own script: their titles are in it too. */
  script?: 'zh' | 'ja' | 'ru' | 'ar' | 'ko' | 'el';
}

const PEOPLE: Person[] = [
  { key: 'menkhaus', name: { family: 'Menkhaus', given: 'Ken' } },
  { key: 'dewaal', name: { family: 'Waal', given: 'Alex', 'non-dropping-particle': 'de' } },
  { key: 'schoenfeld', name: { family: 'Schönfeld', given: 'Jürgen' } },
  { key: 'aberg', name: { family: 'Åberg', given: 'Ingrid' } },
  { key: 'okafor', name: { family: 'Okafor', given: 'Chidi' } },
  { key: 'moller', name: { family: 'Møller', given: 'Søren' } },
  { key: 'prunier', name: { family: 'Prunier', given: 'Gérard' } },
  { key: 'capek', name: { family: 'Čapek', given: 'Karel' } },
  { key: 'williams', name: { family: 'Williams', given: 'Paul D.' } },
  { key: 'garcia', name: { family: 'García Márquez', given: 'Lucía' } },
  { key: 'nguyen', name: { family: 'Nguyễn', given: 'Thị Minh' } },
  { key: 'obrien', name: { family: "O'Brien", given: 'Siobhán' } },
  { key: 'bueger', name: { family: 'Bueger', given: 'Christian' } },
  { key: 'gaulle', name: { family: 'Gaulle', given: 'Anne', 'dropping-particle': 'de' } },
  { key: 'harper', name: { family: 'Harper', given: 'Mary', suffix: 'Jr.' } },
  { key: 'flint', name: { family: 'Flint', given: 'Julie' } },
  { key: 'wang', name: { family: '王', given: '缉思' }, script: 'zh' },
  { key: 'zhang', name: { family: '张', given: '春' }, script: 'zh' },
  { key: 'yamamoto', name: { family: '山本', given: '武彦' }, script: 'ja' },
  { key: 'ivanov', name: { family: 'Иванов', given: 'Сергей' }, script: 'ru' },
  { key: 'lavrova', name: { family: 'Лаврова', given: 'Ольга' }, script: 'ru' },
  { key: 'hashimi', name: { family: 'الهاشمي', given: 'هشام' }, script: 'ar' },
  { key: 'park', name: { family: '박', given: '민준' }, script: 'ko' },
  { key: 'papadopoulos', name: { family: 'Παπαδόπουλος', given: 'Γιώργος' }, script: 'el' },
];
const INSTITUTIONS = [
  { key: 'icg', name: 'International Crisis Group', place: 'Brussels', series: 'Africa Report' },
  { key: 'unsc', name: 'United Nations Security Council', place: 'New York', series: 'S/' },
  { key: 'auc', name: 'African Union Commission', place: 'Addis Ababa', series: 'PSC/PR/COMM.' },
  { key: 'sipri', name: 'Stockholm International Peace Research Institute', place: 'Stockholm', series: 'SIPRI Policy Paper' },
  { key: 'hrw', name: 'Human Rights Watch', place: 'New York', series: 'HRW Report' },
  { key: 'eucouncil', name: 'Council of the European Union', place: 'Brussels', series: 'Council Document' },
];
const TOPICS = [
  'Counter-Piracy Governance',
  'Peacekeeping in Darfur',
  'AMISOM and the Somali State',
  'UN–AU Cooperation',
  'Maritime Security in the Gulf of Aden',
  'Hybrid Missions',
  'Regional Organisations and Mediation',
  'Sanctions and Arms Embargoes',
  'Ceasefire Monitoring in the South Caucasus',
  'Burden Sharing in Peace Operations',
];
const SUBTITLES = ['Evidence from the Field', 'A Comparative Study', 'Lessons Learned', 'Institutions, Interests and Norms', 'Between Consent and Coercion'];
const NATIVE_TITLES: Record<NonNullable<Person['script']>, string[]> = {
  zh: ['中国与非洲联盟的维和合作', '亚丁湾护航行动研究', '联合国维和行动的变迁'],
  ja: ['アフリカの平和構築と日本', 'ソマリア沖海賊対処の国際協力'],
  ru: ['Миротворческие операции ООН в Африке', 'Региональные организации и урегулирование конфликтов'],
  ar: ['الاتحاد الأفريقي وحفظ السلام في الصومال', 'الأمن البحري في خليج عدن'],
  ko: ['유엔 평화유지활동과 지역기구', '아덴만 해적 대응의 국제 협력'],
  el: ['Η Ευρωπαϊκή Ένωση και η ναυτική ασφάλεια', 'Ειρηνευτικές αποστολές στην Αφρική'],
};
const LANGUAGE: Record<NonNullable<Person['script']>, string> = { zh: 'zh-CN', ja: 'ja-JP', ru: 'ru-RU', ar: 'ar', ko: 'ko-KR', el: 'el-GR' };
const JOURNALS = ['International Affairs', 'Survival', 'African Affairs', 'Journal of Strategic Studies', 'Third World Quarterly', 'International Peacekeeping', 'Global Governance'];
const PUBLISHERS: [string, string][] = [
  ['Oxford University Press', 'Oxford'],
  ['Cambridge University Press', 'Cambridge'],
  ['Routledge', 'London'],
  ['Lynne Rienner', 'Boulder, CO'],
  ['Hurst', 'London'],
  ['Palgrave Macmillan', 'Basingstoke'],
];
const WEBSITES = ['War on the Rocks', 'Just Security', 'The Conversation', 'Lawfare', 'IPI Global Observatory'];

function people(rnd: Rnd, lo: number, hi: number): Person[] {
  return Array.from({ length: rnd.int(lo, hi) }, () => rnd.pick(PEOPLE));
}

function titleFor(rnd: Rnd, lead: Person | undefined, i: number): Record<string, string> {
  if (lead?.script && rnd.next() < 0.7) return { title: rnd.pick(NATIVE_TITLES[lead.script]), language: LANGUAGE[lead.script] };
  const base = `${rnd.pick(TOPICS)}: ${rnd.pick(SUBTITLES)}`;
  if (rnd.next() >= 0.3) return { title: `${base} (${i})` };
  const from = rnd.int(1990, 2015);
  return { title: `${base}, ${from}–${from + rnd.int(1, 10)} (${i})` };
}

/** `count` reproducible CSL records with readable, unique citekeys. */
export function generateSources(count: number, seed = 7): SampleSource[] {
  const rnd = createRandom(seed);
  const out: SampleSource[] = [];
  for (let i = 0; i < count; i++) {
    const year = rnd.int(1985, 2025);
    const month = rnd.int(1, 12);
    const kind = rnd.next();
    let csl: Record<string, unknown>;
    let lead: string;
    if (kind < 0.3) {
      const authors = people(rnd, 1, 3);
      lead = authors[0]?.key ?? 'anon';
      const first = rnd.int(1, 600);
      csl = {
        type: 'article-journal',
        author: authors.map((p) => p.name),
        ...titleFor(rnd, authors[0], i),
        'container-title': rnd.pick(JOURNALS),
        volume: String(rnd.int(1, 99)),
        issue: String(rnd.int(1, 6)),
        page: `${first}–${first + rnd.int(8, 30)}`,
        issued: { 'date-parts': [[year, month]] },
        DOI: `10.${rnd.int(1000, 9999)}/bench.${i}`,
      };
    } else if (kind < 0.5) {
      const [publisher, place] = rnd.pick(PUBLISHERS);
      const edited = rnd.next() < 0.15;
      const names = people(rnd, 1, 2);
      lead = names[0]?.key ?? 'anon';
      csl = {
        type: 'book',
        [edited ? 'editor' : 'author']: names.map((p) => p.name),
        ...titleFor(rnd, names[0], i),
        publisher,
        'publisher-place': place,
        issued: { 'date-parts': [[year]] },
        ISBN: `978-0-19-${String(100000 + i).slice(-6)}-${i % 10}`,
        ...(rnd.next() < 0.2 ? { edition: String(rnd.int(2, 4)) } : {}),
      };
    } else if (kind < 0.7) {
      const [publisher, place] = rnd.pick(PUBLISHERS);
      const authors = people(rnd, 1, 2);
      lead = authors[0]?.key ?? 'anon';
      const first = rnd.int(1, 300);
      csl = {
        type: 'chapter',
        author: authors.map((p) => p.name),
        ...titleFor(rnd, authors[0], i),
        'container-title': `The Politics of ${rnd.pick(TOPICS)}`,
        editor: people(rnd, 1, 3).map((p) => p.name),
        publisher,
        'publisher-place': place,
        page: `${first}–${first + rnd.int(15, 35)}`,
        issued: { 'date-parts': [[year]] },
      };
    } else if (kind < 0.85) {
      const inst = rnd.pick(INSTITUTIONS);
      lead = inst.key;
      csl = {
        type: 'report',
        author: [{ literal: inst.name }],
        title: `${rnd.pick(TOPICS)}: ${rnd.pick(SUBTITLES)} (${i})`,
        publisher: inst.name,
        'publisher-place': inst.place,
        'collection-title': inst.series,
        number: String(rnd.int(100, 999)),
        issued: { 'date-parts': [[year, month, rnd.int(1, 28)]] },
        URL: `https://example.org/${inst.key}/reports/${i}`,
      };
    } else {
      const institutional = rnd.next() < 0.3;
      const person = rnd.pick(PEOPLE);
      lead = institutional ? 'web' : person.key;
      csl = {
        type: 'webpage',
        author: institutional ? [{ literal: rnd.pick(INSTITUTIONS).name }] : [person.name],
        ...titleFor(rnd, institutional ? undefined : person, i),
        'container-title': rnd.pick(WEBSITES),
        URL: `https://example.com/analysis/${year}/${i}`,
        issued: { 'date-parts': [[year, month, rnd.int(1, 28)]] },
        accessed: { 'date-parts': [[2025, rnd.int(1, 12), rnd.int(1, 28)]] },
      };
    }
    out.push({ key: `s${i}`, citekey: `${lead}${year}-${i}`, csl });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The long case note

const WORDS = (
  'the mission mandate council regional organisation contact group envoy mediation ceasefire agreement parties ' +
  'troops deployment transition hybrid support financing logistics coordination legitimacy burden sharing ' +
  'secretariat summit resolution negotiation monitoring observers capacity civilian police humanitarian access ' +
  'sovereignty consent neighbours guarantors spoilers implementation sequencing exit strategy donors'
).split(' ');

function sentence(rnd: Rnd, words: number): string {
  const s = Array.from({ length: words }, () => rnd.pick(WORDS)).join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface LongNote {
  blocks: SampleBlock[];
  footnotes: Record<string, SampleCitation[]>;
  /** The same note as Pandoc Markdown, citations as `[@key, p. 12]`. */
  markdown: string;
}

const PANDOC_LABEL: Partial<Record<LocatorLabel, string>> = { page: 'p.', chapter: 'chap.', paragraph: 'para.' };

/**
 * A note of 125 paragraphs (90–140 words each) under a heading every 10, each paragraph with
 * four footnotes: one or two citations each, a page (or chapter, paragraph) locator, the same
 * source as the footnote before now and then (Ibid.), every one of the sources cited.
 */
function longNote(sources: SampleSource[], seed = 11): LongNote {
  const rnd = createRandom(seed);
  const blocks: SampleBlock[] = [];
  const footnotes: Record<string, SampleCitation[]> = {};
  const md: string[] = [];
  const citekey = new Map(sources.map((s) => [s.key, s.citekey]));
  let n = 0;
  let previous = sources[0]?.key ?? '';
  const citation = (): SampleCitation => {
    // Every source once (in order), then repeats of the one before (Ibid.) or random ones.
    const source = n < sources.length ? (sources[n]?.key ?? '') : rnd.next() < 0.2 ? previous : rnd.pick(sources).key;
    previous = source;
    const r = rnd.next();
    const label: LocatorLabel = r < 0.85 ? 'page' : r < 0.95 ? 'chapter' : 'paragraph';
    const first = rnd.int(1, 400);
    const locator = label === 'page' ? (rnd.next() < 0.3 ? `${first}–${first + rnd.int(1, 6)}` : String(first)) : String(rnd.int(1, 12));
    return { source, locator, label };
  };
  const cite = (c: SampleCitation) => `@${citekey.get(c.source)}, ${PANDOC_LABEL[c.label ?? 'page']} ${c.locator}`;
  for (let p = 0; n < FOOTNOTES; p++) {
    if (p % 10 === 0) {
      const heading = `Phase ${p / 10 + 1}: ${rnd.pick(TOPICS)}`;
      blocks.push({ type: 'heading', level: 2, text: heading });
      md.push(`## ${heading}`);
    }
    const text: string[] = [];
    const mdText: string[] = [];
    for (let k = 0; k < 4 && n < FOOTNOTES; k++) {
      const body = Array.from({ length: rnd.int(1, 2) }, () => sentence(rnd, rnd.int(12, 20))).join('. ');
      const cits = rnd.next() < 0.15 ? [citation(), citation()] : [citation()];
      n++;
      footnotes[`f${n}`] = cits;
      text.push(`${body}.[^f${n}]`);
      mdText.push(`${body} [${cits.map(cite).join('; ')}].`);
    }
    blocks.push({ type: 'paragraph', text: text.join(' ') });
    md.push(mdText.join(' '));
  }
  const markdown = `---\ntitle: Long case note\n---\n\n${md.join('\n\n')}\n`;
  return { blocks, footnotes, markdown };
}

// ---------------------------------------------------------------------------------------------
// Knowledge bases, through the app's services

async function writeKb(path: string, data: SampleKb): Promise<void> {
  const { createKb } = await import('../main/db/openKb');
  const { createWriteContext } = await import('../main/store/kbSession');
  const { writeKbData } = await import('../main/store/writeKbData');
  createKb(path, (db) => {
    // Generation only: one big transaction, no fsync per statement. The app never does this.
    db.pragma('synchronous = OFF');
    writeKbData(createWriteContext(db, () => 'bench'), data);
  });
}

/** The sources as Casebook's CSL-JSON export writes them (what its Markdown export hands Pandoc): `id` = citekey. */
async function cslJsonFor(kbPath: string): Promise<string> {
  const { openKb } = await import('../main/db/openKb');
  const { createWriteContext } = await import('../main/store/kbSession');
  const { kbStoreFor } = await import('../main/store/kbStore');
  const { exportSourceData } = await import('../main/export/sourceData');
  const opened = openKb(kbPath, { readOnly: true });
  try {
    const ids = opened.db.prepare<[], string>('SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY citekey').pluck().all();
    const store = kbStoreFor(createWriteContext(opened.db, () => ''));
    return exportSourceData([...store.sources.formattable(ids).values()].map((s) => s.csl), 'csl-json');
  } finally {
    opened.db.close();
  }
}

async function styleXml(id: string): Promise<string> {
  const { resolveStyle } = await import('../main/citations/resolveStyle');
  return resolveStyle(id, () => null).xml();
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface ChildResult {
  firstMs: number;
  cachedMs: number;
  cachedHit: boolean;
  /** From process start to the first call: Node, tsx and the app modules. Not in the figures. */
  startupMs: number;
  /** Of the first run: from the formatter's start to its end (engine build and citeproc). */
  formatMs: number;
  /** Bibliography: entries in the text. Docx: bytes of the file. */
  size: number;
}

/** In a fresh process: the export twice on one cache folder; prints the figures as JSON. */
async function child(args: string[]): Promise<void> {
  const [mode, kbPath, style, cacheDir, out, caseId] = args as [string, string, string, string, string, string];
  const { runExport } = await import('../main/export/runExport');
  const request =
    mode === 'bibliography'
      ? { kbPath, format: 'bibliography' as const, scope: { kind: 'kb' as const }, sources: 'all' as const, bibliographyFormat: 'text' as const, style, cacheDir }
      : { kbPath, format: 'docx' as const, scope: { kind: 'cases' as const, caseIds: [caseId] }, bibliographyFormat: 'text' as const, style, cacheDir, path: out };
  const startupMs = performance.now();
  let formatStart = NaN;
  let formatMs = NaN;
  const progress = (phase: string, done: number, total: number) => {
    if (phase !== 'formatting citations') return;
    if (done === 0 && total > 0) formatStart = performance.now();
    else if (done === total) formatMs = performance.now() - formatStart;
  };
  let t = performance.now();
  const first = await runExport(request, progress);
  const firstMs = performance.now() - t;
  t = performance.now();
  const again = await runExport(request);
  const cachedMs = performance.now() - t;
  if (first.cached || !again.cached) throw new Error(`unexpected cache state: first ${first.cached}, second ${again.cached}`);
  const size = mode === 'bibliography' ? ((first.html ?? '').match(/<p>/g) ?? []).length : statSync(out).size;
  const result: ChildResult = { firstMs, cachedMs, cachedHit: again.cached, startupMs, formatMs, size };
  process.stdout.write(JSON.stringify(result));
}

interface Run {
  ms: number;
  rssMb: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time for its peak RSS; `ms` is wall-clock, process start included. */
function run(command: string, args: string[], cwd = ROOT): Run {
  const t0 = performance.now();
  const r = spawnSync(TIME, ['-f', 'maxrss=%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t0;
  const rss = /maxrss=(\d+)\s*$/.exec(r.stderr);
  if (r.status !== 0 || !rss) throw new Error(`${command} ${args.slice(0, 4).join(' ')} … failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { ms, rssMb: Number(rss[1]) / 1024, stdout: r.stdout };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function casebook(mode: 'bibliography' | 'docx', kb: string, style: string, dir: string, runs: number, out = '', caseId = '') {
  const samples: (ChildResult & { rssMb: number })[] = [];
  for (let i = 0; i < runs; i++) {
    const cacheDir = mkdtempSync(join(dir, 'cache-'));
    const r = run(process.execPath, ['--import', 'tsx', HERE, '--child', mode, kb, style, cacheDir, out, caseId]);
    samples.push({ ...(JSON.parse(r.stdout) as ChildResult), rssMb: r.rssMb });
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return {
    firstMs: median(samples.map((s) => s.firstMs)),
    cachedMs: median(samples.map((s) => s.cachedMs)),
    formatMs: median(samples.map((s) => s.formatMs)),
    startupMs: median(samples.map((s) => s.startupMs)),
    rssMb: median(samples.map((s) => s.rssMb)),
    size: samples[0]?.size ?? 0,
  };
}

function pandoc(args: string[], runs: number, cwd: string) {
  const samples = Array.from({ length: runs }, () => run(PANDOC, args, cwd));
  return { ms: median(samples.map((s) => s.ms)), rssMb: median(samples.map((s) => s.rssMb)), stdout: samples[0]?.stdout ?? '' };
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const ms = (x: number) => x.toFixed(0);
const mb = (x: number) => x.toFixed(0);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args.slice(1));
  const sizes = args.map(Number).filter((n) => n > 0);
  const pandocVersion = spawnSync(PANDOC, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? 'pandoc';
  const dir = mkdtempSync(join(tmpdir(), 'casebook-export-bench-'));
  try {
    const styleFiles = new Map<string, string>();
    for (const id of STYLES) {
      const path = join(dir, `${id}.csl`);
      writeFileSync(path, await styleXml(id));
      styleFiles.set(id, path);
    }
    writeFileSync(join(dir, 'empty.json'), '[]');
    writeFileSync(join(dir, 'nocite.md'), "---\nnocite: '@*'\n---\n");

    // Pandoc's fixed cost: start-up, reading the style and an empty bibliography.
    const startup = new Map<string, number>();
    for (const id of STYLES) {
      startup.set(id, pandoc(['--citeproc', '--bibliography', 'empty.json', '--csl', styleFiles.get(id) as string, '-t', 'plain', 'nocite.md'], 5, dir).ms);
    }

    interface Row {
      n: number;
      style: string;
      runs: number;
      cb: ReturnType<typeof casebook>;
      pd: { ms: number; rssMb: number; entries: number };
    }
    const rows: Row[] = [];
    for (const n of sizes.length > 0 ? sizes : [1_000, 10_000]) {
      const kb = join(dir, `sources-${n}.casebook`);
      let t = performance.now();
      await writeKb(kb, { fields: [], actors: [], sources: generateSources(n), cases: [] });
      const json = join(dir, `sources-${n}.json`);
      writeFileSync(json, await cslJsonFor(kb));
      log(`generated ${n.toLocaleString('en')} sources in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const runs = n <= 2_000 ? 3 : 1;
      for (const style of STYLES) {
        t = performance.now();
        const cb = casebook('bibliography', kb, style, dir, runs);
        const pd = pandoc(['--citeproc', '--bibliography', json, '--csl', styleFiles.get(style) as string, '-t', 'plain', 'nocite.md'], runs, dir);
        const entries = pd.stdout.split(/\n\s*\n/).filter((e) => e.trim()).length;
        log(`  ${style}, ${n}: Casebook ${ms(cb.firstMs)} ms (${cb.size} entries), pandoc ${ms(pd.ms)} ms (${entries} entries) — ${((performance.now() - t) / 1000).toFixed(0)} s`);
        rows.push({ n, style, runs, cb, pd: { ms: pd.ms, rssMb: pd.rssMb, entries } });
      }
      rmSync(kb, { force: true });
    }

    // DOCX: one case, 500 footnotes citing 200 sources.
    log('docx: generating the case');
    const sources = generateSources(DOCX_SOURCES, 13);
    const note = longNote(sources);
    const docxKb = join(dir, 'docx.casebook');
    await writeKb(docxKb, {
      fields: [],
      actors: [],
      sources,
      cases: [
        {
          title: 'Long case note',
          summary: 'A case whose note has 500 footnotes.',
          periodStart: '2008',
          periodEnd: '2012',
          region: 'Horn of Africa',
          status: 'complete',
          tags: ['bench'],
          actors: [],
          values: {},
          note: note.blocks,
          footnotes: note.footnotes,
        },
      ],
    });
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(docxKb, { readonly: true });
    const caseId = db.prepare<[], string>('SELECT id FROM cases').pluck().get() as string;
    db.close();
    writeFileSync(join(dir, 'docx.json'), await cslJsonFor(docxKb));
    writeFileSync(join(dir, 'note.md'), note.markdown);
    const words = note.markdown.split(/\s+/).length;
    log('docx: Casebook');
    const docxRuns = 3;
    const cbDocx = casebook('docx', docxKb, DOCX_STYLE, dir, docxRuns, join(dir, 'casebook.docx'), caseId);
    log('docx: pandoc');
    const pdDocx = pandoc(['--citeproc', '--bibliography', 'docx.json', '--csl', styleFiles.get(DOCX_STYLE) as string, '-o', 'pandoc.docx', 'note.md'], docxRuns, dir);
    const pandocDocxSize = statSync(join(dir, 'pandoc.docx')).size;
    const pandocFootnotes = (readFileSync(join(dir, 'note.md'), 'utf8').match(/\[@/g) ?? []).length;

    // The table.
    console.log(`Export benchmark — Node ${process.version}, ${pandocVersion} (${PANDOC}), generated sources (seed 7)`);
    console.log('Casebook: runExport in a fresh Node process, timed inside it after the modules are loaded; "first" = empty');
    console.log('formatted-citations cache and no citeproc engine yet, "cached" = the same export again in that process.');
    console.log('pandoc: wall-clock of `pandoc --citeproc` with process start included. Peak RSS from /usr/bin/time');
    console.log('(Casebook: the whole Node process, tsx and app modules included). "(citeproc)": the part of the first');
    console.log('run spent in the formatter (engine build included); the rest is reading sources and rendering.\n');
    for (const id of STYLES) console.log(`pandoc start-up alone (empty bibliography, ${id}): ${ms(startup.get(id) ?? NaN)} ms`);
    console.log('');
    const head = ['N', ' style', 'runs', 'CB first ms', '(citeproc)', 'CB cached ms', 'pandoc ms', 'first/pandoc', 'CB RSS MB', 'pandoc RSS MB', 'entries CB/pandoc'];
    const widths = [7, 31, 5, 12, 11, 13, 10, 13, 10, 14, 18];
    const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('');
    console.log(line(head));
    for (const r of rows) {
      console.log(
        line([
          r.n.toLocaleString('en'),
          ` ${r.style}`,
          String(r.runs),
          ms(r.cb.firstMs),
          ms(r.cb.formatMs),
          ms(r.cb.cachedMs),
          ms(r.pd.ms),
          (r.cb.firstMs / r.pd.ms).toFixed(2),
          mb(r.cb.rssMb),
          mb(r.pd.rssMb),
          `${r.cb.size}/${r.pd.entries}`,
        ]),
      );
    }
    const cbStartup = median(rows.map((r) => r.cb.startupMs));
    console.log(`\nCasebook process start-up before the first call (Node + tsx + app modules), median: ${ms(cbStartup)} ms — not in the figures above.`);
    console.log(`\nDOCX: one case, ${FOOTNOTES} footnotes (${pandocFootnotes} Pandoc citations) citing ${DOCX_SOURCES} sources, ~${words.toLocaleString('en')} words, ${DOCX_STYLE}, median of ${docxRuns}`);
    console.log(`  Casebook runExport docx  first ${ms(cbDocx.firstMs)} ms (citeproc ${ms(cbDocx.formatMs)} ms), cached ${ms(cbDocx.cachedMs)} ms, ${(cbDocx.size / 1024).toFixed(0)} KB, peak RSS ${mb(cbDocx.rssMb)} MB`);
    console.log(`  pandoc --citeproc -o .docx      ${ms(pdDocx.ms)} ms (process start included), ${(pandocDocxSize / 1024).toFixed(0)} KB, peak RSS ${mb(pdDocx.rssMb)} MB`);
    console.log(`  ratio Casebook first / pandoc   ${(cbDocx.firstMs / pdDocx.ms).toFixed(2)}`);
  } finally {
    if (process.env.BENCH_KEEP) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

// Run only as a script, so the generators can be imported elsewhere.
if (process.argv[1] && resolve(process.argv[1]) === HERE) await main();
