import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../../../common/domain/sources';
import { newId } from '../../../../common/ids';
import { useClient } from '../../app/PlatformContext';

export interface RunningJob {
  jobId: string;
  /** What the dialog says while the job runs ("Reading the file", "Importing"). */
  label: string;
  progress: JobProgress | null;
}

export interface ImportJobApi {
  running: RunningJob | null;
  /** Runs one job under a fresh id, following its `job.progress` events until it ends. */
  run<T>(label: string, work: (jobId: string) => Promise<T>): Promise<T>;
  /** Asks the job process to stop the running job; its call then fails with CANCELLED. */
  cancel(): Promise<void>;
}

/** A long import step with progress and Cancel, as DESIGN §3 asks of every job. */
export function useImportJob(): ImportJobApi {
  const client = useClient();
  const [running, setRunning] = useState<RunningJob | null>(null);
  const current = useRef<string | null>(null);

  // Subscribe once, early: the browser host opens its event stream on the first subscription.
  useEffect(
    () =>
      client.on('job.progress', (progress) => {
        if (progress.jobId !== current.current) return;
        setRunning((r) => (r && r.jobId === progress.jobId ? { ...r, progress } : r));
      }),
    [client],
  );

  const run = useCallback(async <T,>(label: string, work: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = newId();
    current.current = jobId;
    setRunning({ jobId, label, progress: null });
    try {
      return await work(jobId);
    } finally {
      if (current.current === jobId) {
        current.current = null;
        setRunning(null);
      }
    }
  }, []);

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (jobId) await client.call('jobs.cancel', { jobId });
  }, [client]);

  return { running, run, cancel };
}
