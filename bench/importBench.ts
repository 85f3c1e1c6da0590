/**
 * Import benchmark. Generates a seeded BibTeX file (10,000 entries by default: articles, books,
 * chapters with crossref, reports; accents, @string macros, month macros), then measures, each in
 * a fresh Node process so peak memory (max RSS) is the run's own:
 *
 *   citation-js   citation-js parsing the whole file in one call (the floor for any importer)
 *   full import   Casebook's preview (split, per-entry parse, checks, duplicate detection) plus
 *                 commit (one transaction) into a fresh knowledge base — the job's code, in-process
 *
 * and, for wall-clock time as the app sees it, the same import through the app core with real job
 * processes. Prints times, peak RSS and the ratios full / citation-js.
 *
 *   npx tsx bench/importBench.ts            # 10,000 entries
 *   npx tsx bench/importBench.ts 50000      # another size
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './generateKb';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(HERE, '../..');

const FAMILIES = ['Menkhaus', 'Bueger', 'de Waal', 'Schönfeld', 'Åberg', 'Okafor', 'Williams', 'Møller', 'Prunier', 'Flint', 'Harper', 'Čapek'];
const LATEX_FAMILIES = ['Menkhaus', 'Bueger', 'de Waal', 'Sch{\\"o}nfeld', '{\\AA}berg', 'Okafor', 'Williams', 'M{\\o}ller', 'Prunier', 'Flint', 'Harper', '\\v{C}apek'];
const GIVEN = ['Ken', 'Christian', 'Alex', 'Jürgen', 'Ingrid', 'Chidi', 'Paul D.', 'Søren', 'Gérard', 'Julie', 'Mary', 'Karel'];
const TOPICS = ['Counter-Piracy Governance', 'Peacekeeping in Darfur', 'AMISOM and the Somali State', 'UN--AU Cooperation', 'Maritime Security in the Gulf of Aden', 'Hybrid Missions', 'Regional Organisations and Mediation', 'Sanctions and Arms Embargoes'];
const JOURNALS = ['ia', 'survival', '{African Affairs}', '{Journal of Strategic Studies}', '{Third World Quarterly}'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A reproducible BibTeX file of `count` entries. */
export function generateBibtex(count: number, seed = 42): string {
  const rnd = createRandom(seed);
  const out = ['@string{ia = "International Affairs"}\n@string{survival = "Survival"}\n\n'];
  for (let i = 0; i < count; i++) {
    const authors = Array.from({ length: rnd.int(1, 3) }, () => {
      const k = rnd.int(0, FAMILIES.length - 1);
      return `${LATEX_FAMILIES[k]}, ${GIVEN[k]}`;
    }).join(' and ');
    const title = `${rnd.pick(TOPICS)}: Evidence from ${rnd.int(1990, 2024)} \\& After, Study ${i}`;
    const year = rnd.int(1985, 2025);
    const kind = rnd.next();
    if (kind < 0.55) {
      out.push(`@article{a${i},\n  author = {${authors}},\n  title = {${title}},\n  journal = ${rnd.pick(JOURNALS)},\n  year = ${year},\n  month = ${rnd.pick(MONTHS)},\n  volume = {${rnd.int(1, 99)}},\n  pages = {${rnd.int(1, 400)}--${rnd.int(401, 800)}},\n  doi = {10.${rnd.int(1000, 9999)}/bench.${i}}\n}\n\n`);
    } else if (kind < 0.75) {
      out.push(`@book{b${i},\n  author = {${authors}},\n  title = {${title}},\n  publisher = {Oxford University Press},\n  address = {Oxford},\n  year = {${year}},\n  isbn = {978-0-19-${String(100000 + i).slice(-6)}-${i % 10}}\n}\n\n`);
    } else if (kind < 0.9) {
      out.push(`@collection{c${i},\n  editor = {${authors}},\n  title = {Edited Volume ${i}},\n  publisher = {Routledge},\n  year = {${year}}\n}\n\n@incollection{ch${i},\n  author = {${authors}},\n  title = {${title}},\n  crossref = {c${i}},\n  pages = {1--30}\n}\n\n`);
    } else {
      out.push(`@report{r${i},\n  author = {{International Crisis Group}},\n  title = {${title}},\n  institution = {International Crisis Group},\n  number = {Africa Report ${i}},\n  date = {${year}-0${rnd.int(1, 9)}}\n}\n\n`);
    }
  }
  return out.join('');
}

interface Measure {
  ms: number;
  /** Full import only: the preview part (parse + duplicate detection). */
  previewMs?: number | undefined;
  maxRssMb: number;
  count: number;
}

async function child(mode: string, file: string, kb: string): Promise<void> {
  // Modules load before the clock starts: both runs time parsing and writing, not start-up.
  const { parseBibtexSyntax, bibEntriesToCsl } = await import('../main/import/citationJs');
  const { createKb } = await import('../main/db/openKb');
  const { runCommit, runPreview } = await import('../main/import/importJob');
  const { planImport } = await import('../main/import/planImport');
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  let count = 0;
  let previewMs: number | undefined;
  if (mode === 'citation-js') {
    count = bibEntriesToCsl(parseBibtexSyntax(text)).length;
  } else {
    createKb(kb);
    const preview = runPreview({ kbPath: kb, text, fileName: 'bench.bib' }, () => {});
    previewMs = performance.now() - t0;
    const plan = planImport({ ...preview, duplicates: new Map(preview.duplicates) }, 'skip', {});
    const counts = await runCommit({ kbPath: kb, who: 'bench', items: plan.items }, () => {});
    count = counts.imported;
  }
  const ms = performance.now() - t0;
  const result: Measure = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, count, previewMs };
  process.stdout.write(JSON.stringify(result));
}

function measure(mode: string, file: string, kb: string): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', HERE, '--child', mode, file, kb], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Measure;
}

async function throughApp(file: string, dir: string): Promise<{ previewMs: number; commitMs: number; mainMaxRssMb: number }> {
  const { createAppCore } = await import('../main/app/createAppCore');
  const { newId } = await import('../common/ids');
  const core = createAppCore({ userDataDir: join(dir, 'user'), ports: { host: 'browser', dialogs: null, push() {} }, dailyBackups: false });
  const call = async (channel: string, input: unknown) => {
    const env = await core.dispatch(channel, input);
    if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
    return env.value as Record<string, unknown>;
  };
  await call('kb.create', { path: join(dir, 'app.casebook') });
  const text = readFileSync(file, 'utf8');
  let t = performance.now();
  const preview = await call('import.preview', { jobId: newId(), text, fileName: 'bench.bib' });
  const previewMs = performance.now() - t;
  t = performance.now();
  await call('import.commit', { jobId: newId(), previewId: preview.previewId, onDuplicate: 'skip', decisions: {} });
  const commitMs = performance.now() - t;
  core.shutdown();
  return { previewMs, commitMs, mainMaxRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as string, args[2] as string, args[3] as string);
  const count = Number(args[0] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'casebook-import-bench-'));
  try {
    const file = join(dir, 'bench.bib');
    const text = generateBibtex(count);
    writeFileSync(file, text);
    console.log(`${count.toLocaleString('en')} generated entries (seed 42), ${(text.length / 1024 / 1024).toFixed(1)} MB`);
    const cite = measure('citation-js', file, '');
    const full = measure('full', file, join(dir, 'full.casebook'));
    const fmt = (m: Measure) =>
      `${(m.ms / 1000).toFixed(2)} s${m.previewMs === undefined ? '' : ` (preview ${(m.previewMs / 1000).toFixed(2)} s)`}, peak RSS ${m.maxRssMb.toFixed(0)} MB, ${m.count} items`;
    console.log(`citation-js parse alone:        ${fmt(cite)}`);
    console.log(`full import (preview + commit): ${fmt(full)}`);
    console.log(`ratio full / citation-js:       time ×${(full.ms / cite.ms).toFixed(2)}, memory ×${(full.maxRssMb / cite.maxRssMb).toFixed(2)}`);
    const app = await throughApp(file, dir);
    console.log(`through the app (job processes): preview ${(app.previewMs / 1000).toFixed(2)} s, commit ${(app.commitMs / 1000).toFixed(2)} s, main process peak RSS ${app.mainMaxRssMb.toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run only as a script, so the generator can be imported elsewhere.
if (process.argv[1] && resolve(process.argv[1]) === HERE) await main();
