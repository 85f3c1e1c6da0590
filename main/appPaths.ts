import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder that holds Casebook's package.json (and `migrations/`, `dist/renderer/`). Found by
 * walking up from this module, so it works from sources run by tsx, from the esbuild bundles in
 * `dist/`, and inside a packaged `app.asar`.
 */
export function appRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"casebook"/.test(readFileSync(pkg, 'utf8'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Casebook application folder (package.json)');
    dir = parent;
  }
}

export function resolveAppPath(...parts: string[]): string {
  return join(appRoot(), ...parts);
}

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(resolveAppPath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
