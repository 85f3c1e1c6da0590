#!/usr/bin/env node
// `npm test`: every check in order — typecheck, lint, build, vitest (node, dom), Playwright (e2e,
// electron) — then one table and one summary line. Every step runs even when an earlier one failed,
// so a single run shows everything that is wrong. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const bin = {
  tsc: join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  eslint: join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
  vitest: join(root, 'node_modules', 'vitest', 'vitest.mjs'),
  playwright: join(root, 'node_modules', '@playwright', 'test', 'cli.js'),
};

/** Runs one node script with the output on the terminal; returns its exit status and duration. */
function run(args, env = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: result.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** A step that is one check: passes or fails as a whole. */
function single(name, args) {
  console.log(`\n=== ${name} ===`);
  const { status, seconds } = run(args);
  return { name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0, seconds, note: '' };
}

function vitestSuite(project) {
  const name = `vitest ${project}`;
  const file = join(results, `vitest-${project}.json`);
  rmSync(file, { force: true });
  console.log(`\n=== ${name} ===`);
  const { status, seconds } = run([bin.vitest, 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  const report = readJson(file);
  if (!report) return { name, passed: 0, failed: 1, skipped: 0, seconds, note: 'no report (vitest did not finish)' };
  let failed = report.numFailedTests ?? 0;
  // A file that fails to load has no test results of its own but must not go unnoticed.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  failed += brokenFiles;
  if (status !== 0 && failed === 0) failed = 1;
  return {
    name,
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    seconds,
    note: brokenFiles > 0 ? `${brokenFiles} file(s) failed to load` : '',
  };
}

function playwrightSuite(project) {
  const name = `playwright ${project}`;
  const file = join(results, `${project}.json`);
  rmSync(file, { force: true });
  console.log(`\n=== ${name} ===`);
  const { status, seconds } = run([bin.playwright, 'test', '--project', project], { CASEBOOK_PW_JSON: file });
  const report = readJson(file);
  if (!report?.stats) return { name, passed: 0, failed: 1, skipped: 0, seconds, note: 'no report (Playwright did not finish)' };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  let failed = unexpected;
  const errors = report.errors?.length ?? 0;
  if (status !== 0 && failed === 0) failed = Math.max(1, errors);
  return { name, passed: expected + flaky, failed, skipped, seconds, note: skipReasons(report).join('; ') };
}

/** The distinct reasons given by `test.skip(condition, reason)` in a Playwright JSON report. */
function skipReasons(report) {
  const reasons = new Set();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        for (const a of test.annotations ?? []) if (a.type === 'skip' && a.description) reasons.add(a.description);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return [...reasons];
}

const suites = [
  single('typecheck', [bin.tsc, '-b']),
  single('lint', [bin.eslint, '.']),
  single('build', [join(root, 'scripts', 'build.mjs')]),
  vitestSuite('node'),
  vitestSuite('dom'),
  playwrightSuite('e2e'),
  playwrightSuite('electron'),
];

const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });

const rows = [['suite', 'passed', 'failed', 'skipped', 'time', ''], ...suites.map((s) => [s.name, s.passed, s.failed, s.skipped, `${s.seconds.toFixed(1)}s`, s.note])];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log('');
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 0 || c === 5 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ').trimEnd());
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  ').trimEnd());
}
console.log('');
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
