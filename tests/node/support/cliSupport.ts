import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const BIN = join(ROOT, 'bin/casebook.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `casebook …` as a user would (a Node process from the project's root), signed `cli-tester`. */
export function casebook(...args: string[]): CliRun {
  return casebookWith({}, ...args);
}

/** `casebook …` with more environment variables (a cache folder, a backup folder …) and a longer time limit. */
export function casebookWith(env: Record<string, string>, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CASEBOOK_USER: 'cli-tester', ...env },
    timeout: 90_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
