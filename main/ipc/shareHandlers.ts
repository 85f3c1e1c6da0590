import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupInfo, CopyResult, MergeReport, RestorePreview, UndoMergeResult } from '../../common/domain/sharing';
import type { KbInfo } from '../../common/domain/schemas';
import { AppError } from '../../common/errors';
import { newId } from '../../common/ids';
import { KB_EXTENSION } from '../db/openKb';
import type { JobRunner } from '../jobs/jobRunner';
import type { KbSession } from '../store/kbSession';
import { backupsDirFor, listBackups } from '../share/backups';
import { suggestLocalCopyPath } from '../share/cloudSync';
import { getConflict, listConflicts, resolveConflict } from '../share/conflicts';
import { kbId, newestTimestamp, recordPeer } from '../share/peers';
import type { SaveCopyResult } from '../share/snapshot';
import { mergeHistory } from '../share/undoMerge';
import type { Handlers } from './dispatch';

export type ShareChannel =
  | 'kb.saveCopy'
  | 'kb.localCopy'
  | 'merge.run'
  | 'merge.history'
  | 'merge.conflicts'
  | 'merge.conflict'
  | 'merge.resolve'
  | 'merge.undo'
  | 'backups.list'
  | 'backups.create'
  | 'backups.preview'
  | 'backups.restore';

export interface ShareHandlerOptions {
  jobs: JobRunner;
  /** Per-user data folder; backups live in `<userData>/backups/<kb id>`. */
  userDataDir: string;
  /** The user's documents folder, for local copies of files in cloud-sync folders. */
  documentsDir: string | null;
  /** Take a daily backup when a knowledge base is opened. */
  dailyBackups: boolean;
  who(): string;
  /** Tells the windows the knowledge base changed (counts, conflicts). */
  announce(): void;
  /** Opens another knowledge base in place of the current one (local copies, restores). */
  open(path: string): KbInfo;
  /** Closes the open knowledge base, keeping the app running. */
  close(): void;
}

/** Merges, copies and backups can take minutes on large files. */
const LONG_JOB_MS = 30 * 60_000;

/**
 * Sharing channels. Copies, merges, their undo, backups, restore previews and restores run in the
 * job process on connections of their own (each reads or rewrites whole files or many rows: seconds
 * on a large knowledge base, which the main process must never spend); what the app's connection
 * must see afterwards (the copy recorded as a peer, the clock moved past merged rows) is done here.
 * Resolving one conflict is a short transaction on the app's connection.
 */
export function createShareHandlers(session: () => KbSession, options: ShareHandlerOptions): { handlers: Pick<Handlers, ShareChannel>; opened(): void } {
  const { jobs } = options;
  const writable = (): KbSession => {
    const s = session();
    s.assertWritable();
    return s;
  };
  const backupDir = (s: KbSession) => backupsDirFor(options.userDataDir, kbId(s.db));
  /** A backup path the renderer names must be one of this knowledge base's backups. */
  const knownBackup = (s: KbSession, path: string): BackupInfo => {
    const found = listBackups(backupDir(s)).find((b) => resolve(b.path) === resolve(path));
    if (!found) throw new AppError('NOT_FOUND', `“${basename(path)}” is not one of this knowledge base’s backups.`);
    return found;
  };

  async function copy(s: KbSession, jobId: string, dest: string, scope: Parameters<Handlers['kb.saveCopy']>[0]['scope'], overwrite: boolean): Promise<CopyResult> {
    const full = resolve(dest.endsWith(KB_EXTENSION) ? dest : dest + KB_EXTENSION);
    if (full === resolve(s.opened.path)) throw new AppError('CONFLICT', 'A copy cannot replace the knowledge base itself; choose another file.');
    const saved = await jobs.run<SaveCopyResult>(jobId, { kind: 'kb.saveCopy', kbPath: s.opened.path, dest: full, scope, overwrite }, { timeLimitMs: LONG_JOB_MS });
    // The original remembers what the copy holds, so merging it back later knows what is new.
    if (!s.opened.readOnly) recordPeer(s.db, { peerId: saved.kbId, peerName: basename(full, KB_EXTENSION), seenUpTo: saved.seenUpTo });
    return { path: saved.path, bytes: saved.bytes, cases: saved.cases, sources: saved.sources };
  }

  /** A knowledge base was opened: back it up in the job process if its newest backup is a day old. */
  function opened(): void {
    if (!options.dailyBackups) return;
    let s: KbSession;
    try {
      s = session();
    } catch {
      return;
    }
    if (s.opened.readOnly) return;
    jobs
      .run(newId(), { kind: 'backups.create', kbPath: s.opened.path, dir: backupDir(s), reason: 'daily' }, { timeLimitMs: LONG_JOB_MS })
      .catch((e: unknown) => console.error(`Daily backup of “${basename(s.opened.path)}” failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  const handlers: Pick<Handlers, ShareChannel> = {
    'kb.saveCopy': ({ jobId, path, scope, overwrite }) => copy(session(), jobId, path, scope, overwrite),

    'kb.localCopy': async ({ jobId, path }) => {
      const s = session();
      const dest = path ?? suggestLocalCopyPath(s.opened.path, options.documentsDir);
      mkdirSync(dirname(dest), { recursive: true });
      const result = await copy(s, jobId, dest, { kind: 'all' }, false);
      return options.open(result.path);
    },

    'merge.run': async ({ jobId, path }) => {
      const s = writable();
      const theirs = resolve(path);
      if (theirs === resolve(s.opened.path)) throw new AppError('CONFLICT', 'This is the knowledge base that is open; choose a colleague’s file to merge.');
      const workDir = mkdtempSync(join(tmpdir(), 'casebook-merge-'));
      try {
        const report = await jobs.run<MergeReport>(
          jobId,
          { kind: 'merge.run', kbPath: s.opened.path, theirsPath: theirs, workDir, backupDir: backupDir(s), who: options.who() },
          { timeLimitMs: LONG_JOB_MS },
        );
        // Local edits after the merge must sort after every row it brought in.
        s.observe(newestTimestamp(s.db));
        options.announce();
        return report;
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    },
    'merge.history': () => mergeHistory(session().db),
    'merge.conflicts': () => listConflicts(session().db),
    'merge.conflict': ({ id }) => getConflict(session().db, id),
    'merge.resolve': ({ id, choices }) => {
      const result = resolveConflict(writable(), id, choices);
      options.announce();
      return result;
    },
    'merge.undo': async ({ mergeId }) => {
      const s = writable();
      const result = await jobs.run<UndoMergeResult>(newId(), { kind: 'merge.undo', kbPath: s.opened.path, mergeId, who: options.who() }, { timeLimitMs: LONG_JOB_MS });
      s.observe(newestTimestamp(s.db));
      options.announce();
      return result;
    },

    'backups.list': () => listBackups(backupDir(session())),
    'backups.create': async ({ jobId }) => {
      const s = session();
      const info = await jobs.run<BackupInfo | null>(jobId, { kind: 'backups.create', kbPath: s.opened.path, dir: backupDir(s), reason: 'manual' }, { timeLimitMs: LONG_JOB_MS });
      if (!info) throw new AppError('INTERNAL', 'The backup was not written.');
      return info;
    },
    'backups.preview': ({ path }) => {
      const s = session();
      const request = { kbPath: s.opened.path, backupPath: knownBackup(s, path).path, dir: backupDir(s) };
      return jobs.run<RestorePreview>(newId(), { kind: 'backups.preview', ...request }, { timeLimitMs: LONG_JOB_MS });
    },
    'backups.restore': async ({ path }) => {
      const s = writable();
      const backup = knownBackup(s, path);
      const kbPath = s.opened.path;
      const dir = backupDir(s);
      options.close();
      let failure: unknown = null;
      try {
        await jobs.run<BackupInfo>(newId(), { kind: 'backups.restore', kbPath, backupPath: backup.path, dir }, { timeLimitMs: LONG_JOB_MS });
      } catch (e) {
        failure = e;
      }
      // Reopen whatever is now in place: the restored file, or the untouched one if the restore failed.
      const info = options.open(kbPath);
      if (failure) throw failure;
      return info;
    },
  };
  return { handlers, opened };
}
