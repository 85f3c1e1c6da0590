import { ERROR_CODES, type ErrorCode } from '../../common/ipc/contract';
import { isAppError } from '../../common/errors';
import { runCommit, runPreview } from '../import/importJob';
import { runExport } from '../export/runExport';
import { runBackupJob, runCopyJob, runMergeJob, runRestoreJob, runRestorePreviewJob, runUndoMergeJob } from '../share/shareJobs';
import type { JobMessage, JobRequest } from './jobProtocol';

/**
 * Runs one job request and reports through `post`: throttled progress (at most ten a second),
 * then exactly one `result` or `error`. `waitForGo` is how a commit asks main for the go-ahead.
 */
export async function runJobRequest(request: JobRequest, post: (message: JobMessage) => void, waitForGo: () => Promise<void>): Promise<void> {
  let last = 0;
  const progress = (phase: string, done: number, total: number) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    post({ type: 'progress', phase, done, total });
  };
  try {
    let value: unknown;
    if (request.kind === 'import.preview') value = runPreview(request, progress);
    else if (request.kind === 'export.run') value = await runExport(request, progress);
    else if (request.kind === 'kb.saveCopy') value = runCopyJob(request, progress);
    else if (request.kind === 'backups.create') value = runBackupJob(request, progress);
    else if (request.kind === 'backups.preview') value = runRestorePreviewJob(request, progress);
    else if (request.kind === 'backups.restore') value = runRestoreJob(request, progress);
    else if (request.kind === 'merge.undo') value = runUndoMergeJob(request, progress);
    else if (request.kind === 'merge.run') {
      value = await runMergeJob(request, progress, async () => {
        post({ type: 'ready' });
        await waitForGo();
      });
    } else {
      value = await runCommit(request, progress, async () => {
        post({ type: 'ready' });
        await waitForGo();
      });
    }
    post({ type: 'result', value });
  } catch (e) {
    post(toErrorMessage(e));
  }
}

function toErrorMessage(e: unknown): JobMessage {
  if (isAppError(e)) return { type: 'error', code: e.code, message: e.message };
  const code: ErrorCode = (ERROR_CODES as readonly string[]).includes((e as { code?: string }).code ?? '') ? ((e as { code: ErrorCode }).code) : 'INTERNAL';
  return { type: 'error', code, message: e instanceof Error ? e.message : String(e) };
}
