import type { RunningJob } from './useImportJob';

/** The running job's progress bar; indeterminate until the job process reports a total. */
export function ImportProgress({ job }: { job: RunningJob }) {
  const p = job.progress;
  const known = p !== null && p.total > 0;
  const percent = known ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
  const phase = p?.phase ? p.phase.charAt(0).toUpperCase() + p.phase.slice(1) : job.label;
  return (
    <div className="import-progress">
      <p id={`progress-${job.jobId}`}>{phase}…</p>
      <div
        role="progressbar"
        aria-labelledby={`progress-${job.jobId}`}
        aria-valuemin={0}
        aria-valuemax={known ? p.total : 100}
        aria-valuenow={known ? p.done : 0}
        aria-valuetext={known ? `${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}` : 'Starting'}
        className={known ? 'progress' : 'progress indeterminate'}
      >
        <div className="progress-fill" style={{ width: known ? `${percent}%` : '30%' }} />
      </div>
    </div>
  );
}
