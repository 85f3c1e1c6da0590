import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppCore } from '../app/createAppCore';

export interface StartChoice {
  /** A knowledge base named on the command line (or by the OS, for a double-clicked file). */
  kbPath?: string;
  /** With `kbPath`: create the sample there when the file does not exist yet. */
  createSample?: boolean;
  /** Without `kbPath`, on the very first start: create (or open) the sample here. */
  firstRunSamplePath?: string;
}

/**
 * True before Casebook has ever saved settings in this folder. Must be asked before the core
 * opens anything (opening a file writes the settings).
 */
export function isFirstRun(userDataDir: string): boolean {
  return !existsSync(join(userDataDir, 'settings.json'));
}

/**
 * What both hosts open when they start: the file they were given, else the knowledge base open
 * last time, else — only on the very first start — the sample, so a new user sees a working
 * example rather than an empty window. Errors opening a named file are thrown for the host to show.
 */
export function openAtStart(core: AppCore, { kbPath, createSample = false, firstRunSamplePath }: StartChoice): void {
  if (kbPath !== undefined) {
    if (createSample && !existsSync(kbPath)) {
      mkdirSync(dirname(kbPath), { recursive: true });
      core.create(kbPath, { sample: true });
    } else {
      core.open(kbPath);
    }
    return;
  }
  if (core.reopenLast() || firstRunSamplePath === undefined) return;
  if (existsSync(firstRunSamplePath)) {
    core.open(firstRunSamplePath);
  } else {
    mkdirSync(dirname(firstRunSamplePath), { recursive: true });
    core.create(firstRunSamplePath, { sample: true });
  }
}
