#!/usr/bin/env node
// `npm run build`: the renderer (Vite) into dist/renderer, then the Electron main process and
// preload bundles (esbuild). The browser host needs only dist/renderer; Electron needs all three.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// `--bundles-only` skips the renderer, for working on the Electron host alone.
if (!process.argv.includes('--bundles-only')) {
  try {
    await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  } catch (e) {
    console.error(`Building the renderer failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  console.log('built dist/renderer');
}

rmSync(join(root, 'dist', 'main'), { recursive: true, force: true });
rmSync(join(root, 'dist', 'preload'), { recursive: true, force: true });

await esbuild({
  entryPoints: [join(root, 'main', 'electron', 'main.ts')],
  outfile: join(root, 'dist', 'main', 'electron.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // better-sqlite3 is native and loaded from node_modules (or the Electron build, see DESIGN §3).
  external: ['electron', 'better-sqlite3'],
  // Bundled CommonJS dependencies call require(); an ES module has none unless we make one.
  banner: { js: "import { createRequire as __casebookCreateRequire } from 'node:module'; const require = __casebookCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log('built dist/main/electron.mjs');

// The job process (imports): run by Electron's utilityProcess, so it is bundled like main.
await esbuild({
  entryPoints: [join(root, 'main', 'jobs', 'jobEntry.ts')],
  outfile: join(root, 'dist', 'main', 'job.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
  banner: { js: "import { createRequire as __casebookCreateRequire } from 'node:module'; const require = __casebookCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log('built dist/main/job.mjs');

await esbuild({
  entryPoints: [join(root, 'preload', 'preload.ts')],
  outfile: join(root, 'dist', 'preload', 'preload.cjs'),
  bundle: true,
  // A sandboxed preload is one CommonJS file that may require only `electron`.
  platform: 'node',
  format: 'cjs',
  target: 'chrome140',
  external: ['electron'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log('built dist/preload/preload.cjs');
