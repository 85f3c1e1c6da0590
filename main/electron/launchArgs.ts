import { resolve } from 'node:path';

export interface LaunchArgs {
  /** A knowledge base to open: `--kb FILE`, or a `.casebook` path given by the OS (file association). */
  kbPath?: string;
  /** `--user-data DIR`: settings folder (tests give each run its own). */
  userDataDir?: string;
}

/**
 * Reads the Electron host's arguments from an argv (the first launch's or a second instance's).
 * Chromium and Playwright add switches of their own, so anything unknown is ignored; relative
 * paths are resolved against the launching process's folder.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string = process.cwd()): LaunchArgs {
  const result: LaunchArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--kb' || flag === '--user-data') {
      const value = inline ?? argv[++i];
      if (!value) continue;
      if (flag === '--kb') result.kbPath = resolve(cwd, value);
      else result.userDataDir = resolve(cwd, value);
    } else if (!arg.startsWith('-') && arg.toLowerCase().endsWith('.casebook')) {
      result.kbPath = resolve(cwd, arg);
    }
  }
  return result;
}
