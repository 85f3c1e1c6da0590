#!/usr/bin/env node
// `npm start`: builds when dist/ is missing or older than the sources, then runs the Electron app
// if an Electron binary is installed, or else the browser host, opened in the default browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electronBinary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['common', 'main', 'preload', 'renderer', 'migrations', 'vite.config.ts', 'package.json'];
const OUTPUTS = ['dist/renderer/index.html', 'dist/main/electron.mjs', 'dist/preload/preload.cjs'];

/** Newest modification time under `path` (a file or a folder, walked recursively). */
function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsStale() {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const newestSource = Math.max(...SOURCES.map((p) => join(root, p)).filter((p) => existsSync(p)).map(newestMtime));
  return newestSource > oldestOutput;
}

function runOrExit(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${what} failed.`);
    process.exit(result.status ?? 1);
  }
}

/** Opens `url` in the default browser when there is a screen; a headless machine just keeps the printed URL. */
function openInBrowser(url) {
  const hasDisplay = process.platform === 'win32' || process.platform === 'darwin' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return;
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener installed: the URL is printed above.
  }
}

if (buildIsStale()) runOrExit([join(root, 'scripts', 'build.mjs')], 'The build');

const electron = findElectronBinary(root);
if (electron) {
  runOrExit([join(root, 'scripts', 'rebuild-electron-sqlite.mjs')], 'Building better-sqlite3 for Electron');
  const app = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not installed on this machine; opening Casebook in the browser host instead.');
  const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'main', 'host', 'serve.ts'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  host.stdout.setEncoding('utf8');
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (buffered === null) return;
    buffered += chunk;
    const match = /Casebook is running at (\S+)/.exec(buffered);
    if (match) {
      buffered = null;
      openInBrowser(match[1]);
    }
  });
  // Ctrl+C reaches the host too (same process group); it closes the knowledge base and exits.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
  host.on('exit', (code) => process.exit(code ?? 0));
}
