import { basename } from 'node:path';
import type { BackupInfo, CopyScope, MergeReport, RestorePreview, UndoMergeResult } from '../../common/domain/sharing';
import { AppError } from '../../common/errors';
import { KB_EXTENSION, openKb } from '../db/openKb';
import { createWriteContext } from '../store/kbSession';
import { dailyBackupIfDue, previewRestore, pruneBackups, restoreBackup, takeBackup } from './backups';
import { mergeFrom } from './merge';
import { preflightTheirs } from './preflight';
import { saveCopy, type SaveCopyResult } from './snapshot';
import { undoMerge } from './undoMerge';

/**
 * The job-process side of sharing: each function opens the knowledge base on a connection of its
 * own (the app keeps its connection and the lock on the file) and does one long piece of work.
 */

export type ProgressFn = (phase: string, done: number, total: number) => void;

export interface CopyJobRequest {
  kbPath: string;
  dest: string;
  scope: CopyScope;
  overwrite: boolean;
}

export function runCopyJob(request: CopyJobRequest, onProgress: ProgressFn): SaveCopyResult {
  return saveCopy(request.kbPath, request.dest, request.scope, { overwrite: request.overwrite, onProgress });
}

export interface MergeJobRequest {
  kbPath: string;
  theirsPath: string;
  /** Where their file is copied for checking (a private temporary folder). */
  workDir: string;
  backupDir: string;
  who: string;
}

/**
 * Preflight their file (a copy of it), take a verified backup of ours, then merge in one
 * transaction. `beforeCommit` is where a cancel can still stop everything.
 */
export async function runMergeJob(request: MergeJobRequest, onProgress: ProgressFn, beforeCommit: () => Promise<void>): Promise<MergeReport> {
  onProgress('checking their file', 0, 1);
  const pre = preflightTheirs(request.theirsPath, request.workDir);
  try {
    const opened = openKb(request.kbPath, { lock: false });
    try {
      if (opened.readOnly) throw new AppError('READ_ONLY', opened.readOnlyReason ?? 'This knowledge base is open read-only.');
      onProgress('backing up your knowledge base', 0, 1);
      const backup = takeBackup(opened.db, request.kbPath, 'merge', request.backupDir);
      const ctx = createWriteContext(opened.db, () => request.who);
      const report = await mergeFrom(ctx, pre, {
        peerName: basename(request.theirsPath, KB_EXTENSION),
        backupPath: backup.path,
        onProgress,
        beforeCommit,
      });
      pruneBackups(request.backupDir);
      return report;
    } finally {
      opened.close();
    }
  } finally {
    pre.cleanup();
  }
}

export interface BackupJobRequest {
  kbPath: string;
  dir: string;
  /** `daily` only backs up when the newest backup is a day old. */
  reason: 'manual' | 'daily';
}

export function runBackupJob(request: BackupJobRequest, onProgress: ProgressFn): BackupInfo | null {
  onProgress('backing up', 0, 1);
  const opened = openKb(request.kbPath, { readOnly: true, lock: false });
  try {
    if (request.reason === 'daily') return dailyBackupIfDue(opened.db, request.kbPath, request.dir);
    const info = takeBackup(opened.db, request.kbPath, 'manual', request.dir);
    pruneBackups(request.dir);
    return info;
  } finally {
    opened.close();
  }
}

export interface RestoreJobRequest {
  kbPath: string;
  backupPath: string;
  /** The knowledge base's backup folder (the current state is backed up there first). */
  dir: string;
}

/** What restoring would lose: reads the knowledge base and the backup (seconds for a large file). */
export function runRestorePreviewJob(request: RestoreJobRequest, onProgress: ProgressFn): RestorePreview {
  onProgress('comparing with the backup', 0, 1);
  const opened = openKb(request.kbPath, { readOnly: true, lock: false });
  try {
    return previewRestore(opened.db, request.backupPath);
  } finally {
    opened.close();
  }
}

/** Replaces the knowledge base with a backup; the app has closed it (restoreBackup takes the lock). */
export function runRestoreJob(request: RestoreJobRequest, onProgress: ProgressFn): BackupInfo {
  onProgress('restoring', 0, 1);
  return restoreBackup(request.kbPath, request.backupPath, request.dir);
}

export interface UndoMergeJobRequest {
  kbPath: string;
  mergeId: string;
  who: string;
}

/** Undoes a merge in one transaction (a large merge's undo deletes and rewrites many rows). */
export function runUndoMergeJob(request: UndoMergeJobRequest, onProgress: ProgressFn): UndoMergeResult {
  onProgress('undoing the merge', 0, 1);
  const opened = openKb(request.kbPath, { lock: false });
  try {
    if (opened.readOnly) throw new AppError('READ_ONLY', opened.readOnlyReason ?? 'This knowledge base is open read-only.');
    return undoMerge(createWriteContext(opened.db, () => request.who), request.mergeId);
  } finally {
    opened.close();
  }
}
