/**
 * Merge benchmark (issue 5). Merges a colleague's file of M cases into our knowledge base of N
 * cases (bench/generateMergePair.ts: a "Save a copy" of M of our cases, then edits, deletions, new
 * cases and sources on their side, edits on ours, some of them conflicting), the way the app's job
 * does it:
 *
 *   preflight   preflightTheirs: their file copied aside, header, schema, quick_check, migration
 *   backup      takeBackup of ours (VACUUM INTO + quick_check + fsync + rename)
 *   merge       mergeFrom: the merge itself, one transaction
 *   total       the three, plus opening ours
 *
 * beside `VACUUM INTO` of our file and of theirs (the cost of reading and writing every page once:
 * the floor for anything that copies a whole knowledge base), and the ratio total / VACUUM INTO of
 * ours. The same merge is then run again on the merged file: nothing should change.
 *
 * Every measured step runs in a fresh Node process of its own (this script with `--child`), so
 * its peak RSS (`process.resourceUsage().maxRSS`, which cannot be reset in a process) is its own;
 * the merge's steps share one process, as in the app's job, and their peak is read after each.
 * The peak at the merge process's start (Node, tsx and the app's modules loaded) is the floor of
 * every figure. Each run works on fresh copies of the cached files, so runs are independent.
 *
 *   npm run bench:merge                      # ours 100,000 cases, theirs 50,000
 *   npm run bench:merge -- 20000 10000       # other sizes
 *   BENCH_RUNS=3 npm run bench:merge         # runs per figure (default 3 below 50,000 cases, else 1)
 *   BENCH_PROF=1 npm run bench:merge         # also a CPU profile of each merge process (.bench/prof/)
 *
 * Exits non-zero when the merge's report does not match the scenario (no conflicts where some were
 * planned, far fewer additions …), or when merging the same file again changes anything.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { MergeReport } from '../common/domain/sharing';
import { openKb } from '../main/db/openKb';
import { takeBackup } from '../main/share/backups';
import { mergeFrom } from '../main/share/merge';
import { preflightTheirs } from '../main/share/preflight';
import { createWriteContext } from '../main/store/kbSession';
import { mergePair, type MergePlan } from './generateMergePair';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(HERE, '../..');
const BENCH_DIR = join(ROOT, '.bench');

const log = (message: string) => process.stderr.write(`${message}\n`);
const mb = (kb: number) => kb / 1024;

// ---------------------------------------------------------------------------------------------
// Child processes: one measured step each, figures as JSON on stdout

interface MergeRun {
  openMs: number;
  preflightMs: number;
  backupMs: number;
  mergeMs: number;
  totalMs: number;
  /** Peak RSS of the process so far, after each step (MB). */
  rssAfter: { start: number; preflight: number; backup: number; merge: number };
  /** Time between the first progress call of each merge phase and the next phase's (ms). */
  mergePhases: [string, number][];
  progressCalls: number;
  backupBytes: number;
  liveCasesBefore: number;
  liveCasesAfter: number;
  report: MergeReport;
}

interface VacuumRun {
  ms: number;
  rssMb: number;
  bytes: number;
}

const peakRssMb = () => mb(process.resourceUsage().maxRSS);

async function childMerge(oursPath: string, theirsPath: string, workDir: string): Promise<MergeRun> {
  const rssStart = peakRssMb();
  const t0 = performance.now();
  const pre = preflightTheirs(theirsPath, join(workDir, 'preflight'));
  const t1 = performance.now();
  const rssPreflight = peakRssMb();
  try {
    const opened = openKb(oursPath);
    try {
      const ctx = createWriteContext(opened.db, () => 'Analyst');
      const live = opened.db.prepare<[], number>('SELECT count(*) FROM cases WHERE deleted_at IS NULL AND trashed_at IS NULL').pluck();
      const liveCasesBefore = live.get() as number;
      const t2 = performance.now();
      const backup = takeBackup(opened.db, oursPath, 'merge', join(workDir, 'backups'));
      const t3 = performance.now();
      const rssBackup = peakRssMb();

      const phases: [string, number][] = [];
      let progressCalls = 0;
      let lastProgress = t3;
      const report = await mergeFrom(ctx, pre, {
        peerName: pre.name,
        backupPath: backup.path,
        onProgress: (phase: string) => {
          progressCalls++;
          lastProgress = performance.now();
          if (phases.at(-1)?.[0] !== phase) phases.push([phase, lastProgress]);
        },
      });
      const t4 = performance.now();
      const mergePhases = phases.map(([phase, at], i): [string, number] => [phase, (phases[i + 1]?.[1] ?? lastProgress) - at]);
      mergePhases.unshift(['(before the first progress call)', (phases[0]?.[1] ?? t4) - t3]);
      mergePhases.push(['(after the last: COMMIT, detach)', t4 - lastProgress]);
      return {
        preflightMs: t1 - t0,
        openMs: t2 - t1,
        backupMs: t3 - t2,
        mergeMs: t4 - t3,
        totalMs: t4 - t0,
        rssAfter: { start: rssStart, preflight: rssPreflight, backup: rssBackup, merge: peakRssMb() },
        mergePhases,
        progressCalls,
        backupBytes: backup.bytes,
        liveCasesBefore,
        liveCasesAfter: live.get() as number,
        report,
      };
    } finally {
      opened.close();
    }
  } finally {
    pre.cleanup();
  }
}

function childVacuum(path: string, dest: string): VacuumRun {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const t0 = performance.now();
    db.prepare('VACUUM INTO ?').run(dest);
    const ms = performance.now() - t0;
    const bytes = statSync(dest).size;
    rmSync(dest, { force: true });
    return { ms, rssMb: peakRssMb(), bytes };
  } finally {
    db.close();
  }
}

async function child(args: string[]): Promise<void> {
  const [phase, a = '', b = '', c = ''] = args;
  if (phase !== 'merge' && phase !== 'vacuum') throw new Error(`Unknown step “${phase}”.`);
  const result = phase === 'merge' ? await childMerge(a, b, c) : childVacuum(a, b);
  process.stdout.write(JSON.stringify(result));
}

/** This script in a fresh Node process, with tsx; `profile` adds a CPU profile under .bench/prof. */
function runChild<T>(args: string[], profile = false): T {
  const node = ['--import', 'tsx', ...(profile ? ['--cpu-prof', '--cpu-prof-dir', join(BENCH_DIR, 'prof')] : []), HERE, '--child', ...args];
  const r = spawnSync(process.execPath, node, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`child ${args[0]} failed (exit ${r.status})`);
  return JSON.parse(r.stdout) as T;
}

// ---------------------------------------------------------------------------------------------
// The benchmark

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const sum = (c: { cases: number; sources: number; other: number }) => c.cases + c.sources + c.other;

/** Loose checks of the report against the scenario; each failure in words. */
function checkReport(first: MergeRun, again: MergeRun, plan: MergePlan): string[] {
  const failures: string[] = [];
  const r = first.report;
  const atLeast = (what: string, got: number, planned: number) => {
    if (got < planned * 0.9) failures.push(`${what}: ${got} reported, ${planned} planned`);
  };
  const between = (what: string, got: number, lo: number, hi: number, planned: number) => {
    if (got < lo || got > hi) failures.push(`${what}: ${got} reported, ${planned} planned`);
  };
  if (r.mergeId === null) failures.push('the merge reports no merge id (it changed nothing)');
  between('conflicts', r.conflicts.length, plan.conflicts * 0.9, plan.conflicts * 3, plan.conflicts);
  atLeast('cases added', r.added.cases, plan.theirNewCases);
  atLeast('cases updated', r.updated.cases, plan.theirEdits - plan.conflicts);
  atLeast('cases deleted', r.deleted.cases, plan.theirDeletes);
  between('duplicate sources merged', r.duplicates.length, plan.duplicateSources * 0.9, plan.duplicateSources * 1.5, plan.duplicateSources);
  atLeast('sources added', r.added.sources, plan.theirNewSources - plan.duplicateSources);
  if (first.liveCasesAfter !== plan.liveCasesAfter) {
    failures.push(`live cases after the merge: ${first.liveCasesAfter}, expected ${plan.liveCasesAfter} (ours ${plan.ours} − ${plan.theirDeletes} deleted + ${plan.theirNewCases} new)`);
  }
  const a = again.report;
  const changed = sum(a.added) + sum(a.updated) + sum(a.deleted) + a.conflicts.length + a.duplicates.length;
  if (a.mergeId !== null || changed > 0 || again.liveCasesAfter !== first.liveCasesAfter) {
    failures.push(
      `merging the same file again changed something: merge id ${a.mergeId ?? 'none'}, ${sum(a.added)} added, ${sum(a.updated)} updated, ` +
        `${sum(a.deleted)} deleted, ${a.conflicts.length} conflicts, ${a.duplicates.length} duplicates, live cases ${first.liveCasesAfter} → ${again.liveCasesAfter}`,
    );
  }
  return failures;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args.slice(1));
  const [ours = 100_000, theirs = Math.round(ours / 2)] = args.map(Number).filter((n) => n > 0);
  const runs = Number(process.env.BENCH_RUNS) || (ours < 50_000 ? 3 : 1);
  const profile = process.env.BENCH_PROF === '1';
  mkdirSync(BENCH_DIR, { recursive: true });

  const t0 = performance.now();
  const pair = mergePair(BENCH_DIR, ours, theirs, log);
  const { plan } = pair;
  log(`files ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${pair.ours}, ${pair.theirs}`);

  const merges: MergeRun[] = [];
  const agains: MergeRun[] = [];
  const vacuumOurs: VacuumRun[] = [];
  const vacuumTheirs: VacuumRun[] = [];
  for (let i = 0; i < runs; i++) {
    const work = mkdtempSync(join(BENCH_DIR, 'merge-run-'));
    try {
      const oursCopy = join(work, 'ours.casebook');
      const theirsCopy = join(work, 'theirs.casebook');
      copyFileSync(pair.ours, oursCopy);
      copyFileSync(pair.theirs, theirsCopy);
      log(`run ${i + 1}/${runs}: VACUUM INTO`);
      vacuumOurs.push(runChild<VacuumRun>(['vacuum', oursCopy, join(work, 'vacuum-ours.casebook')]));
      vacuumTheirs.push(runChild<VacuumRun>(['vacuum', theirsCopy, join(work, 'vacuum-theirs.casebook')]));
      log(`run ${i + 1}/${runs}: merge`);
      merges.push(runChild<MergeRun>(['merge', oursCopy, theirsCopy, work], profile && i === 0));
      log(`run ${i + 1}/${runs}: merge again`);
      agains.push(runChild<MergeRun>(['merge', oursCopy, theirsCopy, work], profile && i === 0));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  const first = merges[0] as MergeRun;
  const again = agains[0] as MergeRun;
  const m = (xs: MergeRun[], key: 'preflightMs' | 'backupMs' | 'mergeMs' | 'totalMs' | 'openMs') => median(xs.map((x) => x[key]));
  const rss = (xs: MergeRun[], key: keyof MergeRun['rssAfter']) => median(xs.map((x) => x.rssAfter[key]));
  const vOurs = median(vacuumOurs.map((v) => v.ms));
  const vTheirs = median(vacuumTheirs.map((v) => v.ms));
  const total = m(merges, 'totalMs');
  const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

  console.log(
    `\nMerge of ${theirs.toLocaleString('en')} cases (theirs, ${size(statSync(pair.theirs).size)}) into ${ours.toLocaleString('en')} (ours, ${size(statSync(pair.ours).size)}) — ` +
      `Node ${process.version}, SQLite ${(new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}, median of ${runs} run${runs === 1 ? '' : 's'}`,
  );
  console.log('Peak RSS: maxRSS of the step\'s process up to the end of the step, Node, tsx and app modules included. Preflight, open, backup');
  console.log('and merge run one after the other in one process (as in the app\'s job); every other line in a fresh process.\n');
  const row = (name: string, ms: number | null, rssMb: number | null, note = '') =>
    console.log(`${name.padEnd(44)}${(ms === null ? '' : ms.toFixed(0)).padStart(10)}${(rssMb === null ? '' : rssMb.toFixed(0)).padStart(14)}  ${note}`.trimEnd());
  console.log(`${'step'.padEnd(44)}${'ms'.padStart(10)}${'peak RSS MB'.padStart(14)}`);
  row('preflight (copy aside + checks)', m(merges, 'preflightMs'), rss(merges, 'preflight'));
  row('open ours', m(merges, 'openMs'), null);
  row('backup (takeBackup)', m(merges, 'backupMs'), rss(merges, 'backup'), size(first.backupBytes));
  row('merge (mergeFrom, one transaction)', m(merges, 'mergeMs'), rss(merges, 'merge'), `${first.progressCalls} progress calls`);
  row('total', total, rss(merges, 'merge'));
  const steps = (xs: MergeRun[]) => `preflight ${m(xs, 'preflightMs').toFixed(0)}, backup ${m(xs, 'backupMs').toFixed(0)}, merge ${m(xs, 'mergeMs').toFixed(0)} ms`;
  row('merge the same file again (total)', m(agains, 'totalMs'), rss(agains, 'merge'), steps(agains));
  row('VACUUM INTO, ours', vOurs, median(vacuumOurs.map((v) => v.rssMb)), size(vacuumOurs[0]?.bytes ?? 0));
  row('VACUUM INTO, theirs', vTheirs, median(vacuumTheirs.map((v) => v.rssMb)), size(vacuumTheirs[0]?.bytes ?? 0));
  row('(process start: Node, tsx, app modules)', null, rss(merges, 'start'), 'the floor of every peak above');
  console.log(`\nratio total / VACUUM INTO of ours: ${(total / vOurs).toFixed(2)}   merge step alone: ${(m(merges, 'mergeMs') / vOurs).toFixed(2)}`);
  console.log(`peak RSS, merge process / VACUUM INTO process: ${(rss(merges, 'merge') / median(vacuumOurs.map((v) => v.rssMb))).toFixed(2)}`);

  console.log('\nmergeFrom by progress phase (first run; from a phase’s first progress call to the next phase’s):');
  for (const [phase, ms] of first.mergePhases) console.log(`  ${phase.padEnd(40)}${ms.toFixed(0).padStart(10)} ms`);

  const r = first.report;
  const a = again.report;
  console.log('\nwhat the merge did (first run)          reported   planned    again');
  const line = (name: string, got: number, planned: string, then: number) => console.log(`  ${name.padEnd(36)}${String(got).padStart(9)}${planned.padStart(10)}${String(then).padStart(9)}`);
  line('cases added', r.added.cases, String(plan.theirNewCases), a.added.cases);
  line('cases updated', r.updated.cases, `${plan.theirEdits - plan.conflicts}+`, a.updated.cases);
  line('cases deleted', r.deleted.cases, String(plan.theirDeletes), a.deleted.cases);
  line('sources added', r.added.sources, String(plan.theirNewSources - plan.duplicateSources), a.added.sources);
  line('sources updated', r.updated.sources, '', a.updated.sources);
  line('sources deleted', r.deleted.sources, '', a.deleted.sources);
  line('other rows added', r.added.other, '', a.added.other);
  line('other rows updated', r.updated.other, '', a.updated.other);
  line('other rows deleted', r.deleted.other, '', a.deleted.other);
  line('duplicate sources merged', r.duplicates.length, String(plan.duplicateSources), a.duplicates.length);
  line('conflicts', r.conflicts.length, String(plan.conflicts), a.conflicts.length);
  const byKind = new Map<string, number>();
  for (const c of r.conflicts) byKind.set(`${c.table}/${c.kind}`, (byKind.get(`${c.table}/${c.kind}`) ?? 0) + 1);
  console.log(`  conflicts by record: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  console.log(`  live cases: ${first.liveCasesBefore} before, ${first.liveCasesAfter} after (planned ${plan.liveCasesAfter}), ${again.liveCasesAfter} after merging again`);
  console.log(`  (planned edits of ours not shared with them: ${plan.ourOnlyEdits}; merge notes: ${r.notes.join(' ') || 'none'})`);

  const failures = checkReport(first, again, plan);
  if (failures.length > 0) {
    console.log(`\nFAILED: the merge did not do what the scenario says:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
  if (profile) log(`CPU profiles of the merge processes: ${join(BENCH_DIR, 'prof')}`);
}

// Run only as a script, so its pieces can be imported elsewhere.
if (process.argv[1] && resolve(process.argv[1]) === HERE) await main();
