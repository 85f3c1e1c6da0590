#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into dist/electron-native/, leaving
// node_modules/better-sqlite3 built for Node, so the tests and the browser host keep working while
// the Electron app loads its own copy through better-sqlite3's `nativeBinding` option (DESIGN §3).
// Does nothing where no Electron binary is installed. Never run from `postinstall`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion, findElectronBinary } from './electronBinary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'electron-native');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'built-for.json');
const force = process.argv.includes('--force');

if (!findElectronBinary(root)) {
  console.log('Electron is not installed on this machine; better-sqlite3 for Electron is not needed.');
  process.exit(0);
}

const sqlitePkgDir = join(root, 'node_modules', 'better-sqlite3');
const wanted = {
  electron: electronVersion(root),
  betterSqlite3: JSON.parse(readFileSync(join(sqlitePkgDir, 'package.json'), 'utf8')).version,
  platform: process.platform,
  arch: process.arch,
};
if (!force && existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(wanted)) {
  console.log(`better-sqlite3 for Electron ${wanted.electron} is up to date (${outFile}).`);
  process.exit(0);
}

// Build in a scratch copy of the package: rebuilding in node_modules would replace the Node build.
const work = mkdtempSync(join(tmpdir(), 'casebook-electron-sqlite-'));
try {
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) cpSync(join(sqlitePkgDir, entry), join(work, entry), { recursive: true });
  const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

  console.log(`Building better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron}…`);
  // A published prebuilt binary when one can be fetched, else a compile against Electron's headers.
  const built =
    run(bin('prebuild-install'), ['--runtime', 'electron', '--target', wanted.electron, '--arch', wanted.arch]) ||
    run(bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', `--target=${wanted.electron}`, `--arch=${wanted.arch}`, '--dist-url=https://electronjs.org/headers']);
  const result = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(result)) {
    console.error('Could not build better-sqlite3 for Electron (see the output above). The browser host and the tests are not affected.');
    process.exitCode = 1;
  } else {
    mkdirSync(outDir, { recursive: true });
    copyFileSync(result, outFile);
    writeFileSync(stampFile, JSON.stringify(wanted));
    console.log(`better-sqlite3 for Electron is in ${outFile}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
