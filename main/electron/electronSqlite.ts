import { existsSync } from 'node:fs';
import { resolveAppPath } from '../appPaths';

/**
 * Where `scripts/rebuild-electron-sqlite.mjs` puts better-sqlite3 built for Electron's ABI. It is
 * kept apart from `node_modules/better-sqlite3`, which stays built for Node so tests, the CLI and
 * the browser host keep working (DESIGN §3). Packaged apps do not use it: packaging rebuilds
 * `node_modules` for Electron.
 */
export function electronSqliteBindingPath(): string {
  return resolveAppPath('dist', 'electron-native', 'better_sqlite3.node');
}

/** The Electron-ABI build to load in development, or undefined when it has not been built. */
export function findElectronSqliteBinding(): string | undefined {
  const path = electronSqliteBindingPath();
  return existsSync(path) ? path : undefined;
}
