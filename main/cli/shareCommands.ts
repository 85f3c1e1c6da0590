import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { AppError } from '../../common/errors';
import { KB_EXTENSION, openKb, type OpenedDb } from '../db/openKb';
import { defaultUserDataDir } from '../host/defaultPaths';
import { backupFileName, backupsDirFor, writeVerifiedCopy } from '../share/backups';
import { checkKb } from '../share/checkKb';
import { describeHolderForCli, liveLockHolder } from '../share/kbLock';
import { CliError } from './cliErrors';
import type { CliCommand } from './commands';
import type { CommandValues } from './runCli';

/**
 * Where the command line puts the backups it takes (before migrating an older file, before a
 * merge): `--backup-dir DIR` when given, else `$CASEBOOK_BACKUP_DIR`, else the app's own folder for
 * that knowledge base, `<userData>/backups/<kbId>` (userData as the app picks it: `%APPDATA%\Casebook`,
 * `~/Library/Application Support/Casebook`, `$XDG_CONFIG_HOME/Casebook`), so the app lists them
 * under "Restore backup…".
 */
export function cliBackupDir(values: CommandValues = {}): (kbId: string) => string {
  const explicit = typeof values['backup-dir'] === 'string' ? values['backup-dir'] : process.env.CASEBOOK_BACKUP_DIR?.trim();
  if (explicit) return () => resolve(explicit);
  return (kbId) => backupsDirFor(defaultUserDataDir(), kbId);
}

/** The `--backup-dir` option, for commands that write. */
export const BACKUP_DIR_OPTION = { 'backup-dir': { type: 'string' } } as const;

/**
 * Opens a knowledge base for a command that writes. Unlike a window, which opens read-only when
 * the file is open elsewhere, the command refuses: "open in Casebook (process …); close it there
 * first". The caller closes the result (which releases the writer's lock).
 */
export function openKbForCliWrite(file: string, values: CommandValues = {}, who?: string): OpenedDb {
  const path = resolve(file);
  const opened = openKb(path, { backupDir: cliBackupDir(values), ...(who ? { displayName: who } : {}) });
  if (opened.lockHolder) {
    opened.close();
    throw new CliError(describeHolderForCli(path, opened.lockHolder));
  }
  if (opened.readOnly) {
    opened.close();
    throw new AppError('READ_ONLY', opened.readOnlyReason ?? `“${basename(path)}” is read-only.`);
  }
  return opened;
}

const json = { type: 'boolean' } as const;

export const checkCommand: CliCommand = {
  name: 'check',
  usage: '<file> [--json]',
  summary: 'Check a knowledge base for damage without changing it (exit 0: fine, 1: problems found).',
  help: `Checks that the file is a Casebook knowledge base, runs SQLite's full integrity check (which
includes the search indexes) and foreign-key check, compares its schema with Casebook's (no extra
triggers or views), and that every record has its search row. The file is opened read-only.`,
  positionals: ['file'],
  options: { json },
  run({ positionals: [file], values, io }) {
    const path = resolve(file as string);
    const result = checkKb(path);
    if (values.json === true) io.out(`${JSON.stringify({ path, ...result }, null, 2)}\n`);
    else {
      const counts = result.counts ? `, ${result.counts.cases} cases, ${result.counts.sources} sources` : '';
      const head = result.ok ? `${path}: ok (schema version ${result.schemaVersion}${counts})` : `${path}: ${plural(result.problems.length, 'problem')}`;
      io.out(`${[head, ...result.problems.map((p) => `  - ${p}`), ...result.notes.map((n) => `  note: ${n}`)].join('\n')}\n`);
    }
    if (!result.ok) throw new CliError(`“${basename(path)}” has ${plural(result.problems.length, 'problem')} (listed above).`);
  },
};

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: '<file> <dest> [--force] [--json]',
  summary: 'Write a checked backup of a knowledge base to a file, or into a folder.',
  help: `A consistent snapshot (even while Casebook has the file open), checked with quick_check
before it is put in place. <dest> is a file name, or a folder (existing, or ending in ${sep}) where
the backup is named <name>.manual.<time>.casebook. An existing file is only replaced with --force.`,
  positionals: ['file', 'dest'],
  options: { force: { type: 'boolean' }, json },
  run({ positionals: [file, dest], values, io }) {
    const path = resolve(file as string);
    const at = new Date();
    const target = backupTarget(path, dest as string, at);
    if (resolve(target) === path) throw new CliError('a backup cannot replace the knowledge base itself; choose another destination.');
    if (existsSync(target)) {
      if (values.force !== true) throw new CliError(`“${target}” already exists; add --force to replace it.`);
      const holder = liveLockHolder(target);
      if (holder) throw new CliError(describeHolderForCli(target, holder));
    }
    const opened = openKb(path, { readOnly: true });
    let bytes: number;
    try {
      bytes = writeVerifiedCopy(opened.db, target, { overwrite: values.force === true, what: `the backup of “${basename(path)}”` });
    } finally {
      opened.close();
    }
    const info = { path: target, reason: 'manual' as const, createdAt: at.toISOString(), bytes };
    io.out(values.json === true ? `${JSON.stringify(info, null, 2)}\n` : `Backed up ${basename(path)} to ${target} (${bytes} bytes, checked).\n`);
  },
};

/** `dest` as a file, or a new name inside `dest` when it is a folder. */
function backupTarget(kbPath: string, dest: string, at: Date): string {
  const resolved = resolve(dest);
  const isFolder = (existsSync(resolved) && statSync(resolved).isDirectory()) || /[\\/]$/.test(dest);
  if (!isFolder) return resolved;
  mkdirSync(resolved, { recursive: true });
  return join(resolved, backupFileName(basename(kbPath, KB_EXTENSION), 'manual', at));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const shareCommands: CliCommand[] = [checkCommand, backupCommand];
