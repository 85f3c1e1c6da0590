#!/usr/bin/env node
// `npm run dist [-- electron-builder options]`: builds, then packages with electron-builder.
// Packaging rebuilds node_modules/better-sqlite3 for Electron (npmRebuild), which would leave the
// tests, the CLI and the browser host with an addon Node cannot load; the Node build is set aside
// first and put back afterwards, whether packaging succeeded or not (DESIGN §3).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (run([join(root, 'scripts', 'build.mjs')]) !== 0) process.exit(1);

const addon = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const aside = mkdtempSync(join(tmpdir(), 'casebook-node-sqlite-'));
const saved = join(aside, 'better_sqlite3.node');
if (existsSync(addon)) copyFileSync(addon, saved);
let status;
try {
  status = run([join(root, 'node_modules', 'electron-builder', 'cli.js'), ...process.argv.slice(2)]);
} finally {
  if (existsSync(saved)) copyFileSync(saved, addon);
  rmSync(aside, { recursive: true, force: true });
}
process.exit(status);
