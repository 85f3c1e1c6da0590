import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable installed in `node_modules/electron`, or null. Reads `path.txt` and checks
 * the file it names, without importing the package: its index downloads Electron when missing, and
 * this machine (or CI) may have no Electron and no internet.
 */
export function findElectronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** The Electron version the project depends on (from the installed package). */
export function electronVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}
