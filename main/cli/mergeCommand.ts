import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { MergeCounts, MergeReport } from '../../common/domain/sharing';
import { KB_EXTENSION } from '../db/openKb';
import { createKbSession } from '../store/kbSession';
import { takeBackup } from '../share/backups';
import { mergeFrom } from '../share/merge';
import { kbId } from '../share/peers';
import { preflightTheirs } from '../share/preflight';
import { CliError } from './cliErrors';
import type { CliCommand } from './commands';
import { BACKUP_DIR_OPTION, cliBackupDir, openKbForCliWrite } from './shareCommands';

/**
 * `casebook merge <theirs> --into <mine>`: the app's "Merge from file…" for scripts. Their file is
 * copied aside and checked (refused, untouched, if it is not a sound Casebook file), ours is backed
 * up, then merged in one transaction. Conflicts stay in <mine> for review in the app.
 */
export function createMergeCommand(cliUser: () => string): CliCommand {
  return {
    name: 'merge',
    usage: '<theirs> --into <mine> [--name NAME] [--backup-dir DIR] [--json]',
    summary: "Merge a colleague's knowledge base into yours (theirs is never changed).",
    help: [
      "Records changed only in their file since your last merge with it are taken over; records",
      'changed on both sides become conflicts to review in Casebook (Merge › Review conflicts);',
      'duplicate sources are merged into yours with their citations re-pointed. Before merging,',
      'a checked backup of <mine> is written to --backup-dir (default: the backup folder the app',
      'lists under "Restore backup…", or $CASEBOOK_BACKUP_DIR). --name says who the colleague is',
      "(default: their file's name). A file that is damaged, from a newer Casebook, or has",
      'anything Casebook does not create (triggers, views) is refused and nothing is written.',
    ].join('\n'),
    positionals: ['theirs'],
    options: { into: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' }, ...BACKUP_DIR_OPTION },
    async run({ positionals: [theirs], values, io }) {
      if (typeof values.into !== 'string') throw new CliError('--into is required: casebook merge <theirs> --into <mine>', true);
      const theirsPath = resolve(theirs as string);
      const minePath = resolve(values.into);
      if (realPath(theirsPath) === realPath(minePath)) throw new CliError(`“${basename(minePath)}” cannot be merged into itself; give a colleague's file.`, true);
      const work = mkdtempSync(join(tmpdir(), 'casebook-merge-'));
      try {
        const pre = preflightTheirs(theirsPath, work);
        try {
          const session = createKbSession(openKbForCliWrite(minePath, values, cliUser()), cliUser);
          try {
            const backup = takeBackup(session.db, minePath, 'merge', cliBackupDir(values)(kbId(session.db)));
            const peerName = typeof values.name === 'string' && values.name.trim() ? values.name.trim() : pre.name;
            const report = await mergeFrom(session, pre, { peerName, backupPath: backup.path, onProgress() {} });
            io.out(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report, basename(minePath, KB_EXTENSION)));
          } finally {
            session.close();
          }
        } finally {
          pre.cleanup();
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The report in sentences, for a terminal. */
export function describeReport(report: MergeReport, mine: string): string {
  const lines: string[] = [];
  const changes = [phrase('added', report.added), phrase('updated', report.updated), phrase('deleted', report.deleted)].filter(Boolean);
  if (report.mergeId === null) lines.push(`Nothing to merge: “${mine}” already has everything in “${report.peerName}”.`);
  else lines.push(`Merged “${report.peerName}” into “${mine}”${changes.length ? `: ${changes.join('; ')}` : ''}.`);
  for (const d of report.duplicates) lines.push(`Duplicate source merged: their “${d.merged}” is your “${d.kept}” (${d.title}).`);
  if (report.conflicts.length > 0) {
    lines.push(`${count(report.conflicts.length, 'conflict')} to review in Casebook (Merge › Review conflicts):`);
    for (const c of report.conflicts) lines.push(`  - ${c.label} (${KIND_WORDS[c.kind]})`);
  }
  for (const note of report.notes) lines.push(`Note: ${note}`);
  if (report.backupPath) lines.push(`Backup taken before the merge: ${report.backupPath}`);
  return `${lines.join('\n')}\n`;
}

const KIND_WORDS = { 'both-edited': 'changed on both sides', 'we-deleted': 'deleted here, changed there', 'they-deleted': 'changed here, deleted there' } as const;

function phrase(verb: string, counts: MergeCounts): string {
  const parts = [
    counts.cases ? count(counts.cases, 'case') : '',
    counts.sources ? count(counts.sources, 'source') : '',
    counts.other ? count(counts.other, 'other record') : '',
  ].filter(Boolean);
  return parts.length ? `${verb} ${parts.join(', ')}` : '';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
