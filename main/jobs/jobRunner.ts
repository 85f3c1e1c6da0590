import type { JobProgress } from '../../common/domain/sources';
import { AppError } from '../../common/errors';
import type { JobChild, JobMessage, JobRequest, SpawnJob } from './jobProtocol';
import type { HostPorts } from '../app/createAppCore';
import { forkJobProcess } from './forkJobProcess';

export interface JobRunnerOptions {
  spawn: SpawnJob;
  /** Pushes progress to the UI (`job.progress`). */
  progress(payload: JobProgress): void;
  /** A job still running after this long is killed and answers LIMIT (default 120 s). */
  timeLimitMs?: number;
}

export const DEFAULT_JOB_TIME_LIMIT_MS = 120_000;
const SPARE_IDLE_MS = 60_000;

interface Running {
  child: JobChild;
  cancelled: boolean;
  /** Past the point of no return: the job process has been told to COMMIT. */
  committing: boolean;
  cancel?: () => void;
}

/**
 * Runs jobs in separate processes so the main process stays responsive and a job can be killed:
 * on cancel (answers CANCELLED), on the time limit (LIMIT), or when the process dies (INTERNAL).
 * A commit asks for a go-ahead before COMMIT; a cancel that arrives first kills it with nothing written.
 */
export function createJobRunner({ spawn, progress, timeLimitMs = DEFAULT_JOB_TIME_LIMIT_MS }: JobRunnerOptions) {
  const running = new Map<string, Running>();

  // Starting a job process costs a second or two (Node plus the parsers). After a first job, one
  // spare process waits for the next (an import's commit follows its preview), and is ended when
  // it has idled for a minute, so an app that never imports keeps no extra process.
  let spare: { child: JobChild; idle: ReturnType<typeof setTimeout> } | null = null;
  function takeChild(): JobChild {
    const ready = spare;
    spare = null;
    if (ready) clearTimeout(ready.idle);
    const child = ready?.child ?? spawn();
    const next = spawn();
    const idle = setTimeout(() => {
      if (spare?.child === next) spare = null;
      next.kill();
    }, SPARE_IDLE_MS);
    idle.unref?.();
    spare = { child: next, idle };
    next.onExit(() => {
      if (spare?.child === next) {
        clearTimeout(spare.idle);
        spare = null;
      }
    });
    return child;
  }

  /** `timeLimitMs` overrides the runner's limit for work that is long by nature (merges of large files). */
  function run<T>(jobId: string, request: JobRequest, limits: { timeLimitMs?: number } = {}): Promise<T> {
    if (running.has(jobId)) return Promise.reject(new AppError('CONFLICT', 'A job with this id is already running.'));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let lastPush = 0;
      const child = takeChild();
      const job: Running = { child, cancelled: false, committing: false };
      running.set(jobId, job);

      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        running.delete(jobId);
        child.kill();
        outcome();
      };
      const timer = setTimeout(() => {
        if (job.committing) return;
        finish(() =>
          reject(new AppError('LIMIT', `The job took longer than ${describeDuration(limits.timeLimitMs ?? timeLimitMs)} and was stopped; nothing was written. Try a smaller file.`)),
        );
      }, limits.timeLimitMs ?? timeLimitMs);

      child.onMessage((message: JobMessage) => {
        if (settled) return;
        if (message.type === 'progress') {
          const now = Date.now();
          if (now - lastPush < 100 && message.done < message.total) return;
          lastPush = now;
          progress({ jobId, phase: message.phase, done: message.done, total: message.total });
        } else if (message.type === 'ready') {
          if (job.cancelled) return finish(() => reject(cancelled()));
          job.committing = true;
          child.send({ type: 'go' });
        } else if (message.type === 'result') {
          finish(() => resolve(message.value as T));
        } else {
          finish(() => reject(new AppError(message.code, message.message)));
        }
      });
      child.onExit((code) => {
        finish(() =>
          reject(
            job.cancelled
              ? cancelled()
              : new AppError('INTERNAL', `The job process stopped unexpectedly (exit code ${code ?? 'none'}); nothing was written.`),
          ),
        );
      });
      child.send({ type: 'start', request });

      job.cancel = () => {
        job.cancelled = true;
        // Once COMMIT has been allowed the write completes; the caller gets its real result.
        if (!job.committing) finish(() => reject(cancelled()));
      };
    });
  }

  return {
    run,
    /** Kills a running job; returns whether there was one to cancel. */
    cancel(jobId: string): boolean {
      const job = running.get(jobId);
      if (!job) return false;
      job.cancel?.();
      return true;
    },
    /** Kills every job and the spare process (the app is closing). */
    killAll(): void {
      for (const jobId of [...running.keys()]) this.cancel(jobId);
      if (spare) {
        clearTimeout(spare.idle);
        spare.child.kill();
        spare = null;
      }
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

/** The job runner of a host: its own way of starting processes (Node fork by default), progress pushed to the UI. */
export function createHostJobRunner(ports: HostPorts, timeLimitMs?: number): JobRunner {
  return createJobRunner({
    spawn: ports.spawnJob ?? forkJobProcess,
    progress: (payload) => ports.push('job.progress', payload),
    timeLimitMs,
  });
}

function describeDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'Cancelled; nothing was written.');
}
