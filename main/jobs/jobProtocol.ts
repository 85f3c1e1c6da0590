import type { ErrorCode } from '../../common/ipc/contract';
import type { CommitRequest, PreviewRequest } from '../import/importJob';
import type { ExportJobRequest } from '../export/runExport';
import type { BackupJobRequest, CopyJobRequest, MergeJobRequest, RestoreJobRequest, UndoMergeJobRequest } from '../share/shareJobs';

/** Work a job process can do. */
export type JobRequest =
  | ({ kind: 'import.preview' } & PreviewRequest)
  | ({ kind: 'import.commit' } & CommitRequest)
  | ({ kind: 'export.run' } & ExportJobRequest)
  | ({ kind: 'kb.saveCopy' } & CopyJobRequest)
  | ({ kind: 'merge.run' } & MergeJobRequest)
  | ({ kind: 'backups.create' } & BackupJobRequest)
  | ({ kind: 'backups.preview' } & RestoreJobRequest)
  | ({ kind: 'backups.restore' } & RestoreJobRequest)
  | ({ kind: 'merge.undo' } & UndoMergeJobRequest);

/** Main → job process. `go` lets a commit that is ready proceed to COMMIT. */
export type ParentMessage = { type: 'start'; request: JobRequest } | { type: 'go' };

/** Job process → main. `ready`: a commit has written everything and waits for `go`. */
export type JobMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'ready' }
  | { type: 'result'; value: unknown }
  | { type: 'error'; code: ErrorCode; message: string };

/** One running job process, whatever started it (Node `fork`, Electron `utilityProcess`). */
export interface JobChild {
  send(message: ParentMessage): void;
  onMessage(listener: (message: JobMessage) => void): void;
  /** Called once when the process has ended, for whatever reason. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts a fresh job process; each host provides one. */
export type SpawnJob = () => JobChild;
