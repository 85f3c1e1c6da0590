import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../common/domain/sources';
import { AppError } from '../../common/errors';
import { createKb } from '../../main/db/openKb';
import { forkJobProcess } from '../../main/jobs/forkJobProcess';
import type { JobChild } from '../../main/jobs/jobProtocol';
import { createJobRunner } from '../../main/jobs/jobRunner';
import type { PreviewResult } from '../../main/import/importJob';
import { tempDir } from './support/builders';
import { generatedBibtex } from './support/importSupport';

function freshKb(): string {
  const path = join(tempDir(), 'kb.casebook');
  createKb(path);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the job to fail');
}

describe('job runner with real job processes', { timeout: 90_000 }, () => {
  it('runs a preview in a child process and pushes progress at most about ten times a second', async () => {
    const pushes: { at: number; p: JobProgress }[] = [];
    const runner = createJobRunner({ spawn: forkJobProcess, progress: (p) => pushes.push({ at: Date.now(), p }) });
    const result = await runner.run<PreviewResult>('job-1', { kind: 'import.preview', kbPath: freshKb(), text: generatedBibtex(8000), fileName: 'big.bib' });
    expect(result.entries).toHaveLength(8000);
    expect(result.errors).toEqual([]);
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.every((x) => x.p.jobId === 'job-1')).toBe(true);
    const partial = pushes.filter((x) => x.p.done < x.p.total);
    // The runner spaces pushes 100 ms apart by its own reading of the clock; this test reads the
    // clock again inside the callback, which on a loaded machine can be a millisecond or two later.
    for (let i = 1; i < partial.length; i++) expect((partial[i]?.at ?? 0) - (partial[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(97);
  });

  it('answers a clear error, not a hang, when the job process dies', async () => {
    const children: JobChild[] = [];
    const spawn = () => {
      const child = forkJobProcess();
      children.push(child);
      // Simulate a crash of the process itself as soon as it reports any progress.
      child.onMessage((m) => {
        if (m.type === 'progress') child.kill();
      });
      return child;
    };
    const runner = createJobRunner({ spawn, progress: () => {} });
    const e = await failure(runner.run('job-2', { kind: 'import.preview', kbPath: freshKb(), text: generatedBibtex(5000), fileName: 'big.bib' }));
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toMatch(/^The job process stopped unexpectedly .*nothing was written\.$/);
    // The job's own process, and one spare started for the next job.
    expect(children).toHaveLength(2);
    runner.killAll();
  });

  it('runs the next job on the spare process started by the previous one', async () => {
    const children: JobChild[] = [];
    const used: number[] = [];
    const spawn = () => {
      const child = forkJobProcess();
      const n = children.push(child) - 1;
      child.onMessage((m) => {
        if (m.type === 'result' || m.type === 'error') used.push(n);
      });
      return child;
    };
    const runner = createJobRunner({ spawn, progress: () => {} });
    const request = { kind: 'import.preview' as const, kbPath: freshKb(), text: generatedBibtex(3), fileName: 'few.bib' };
    await runner.run('job-a', request);
    await runner.run('job-b', request);
    expect(used).toEqual([0, 1]);
    expect(children).toHaveLength(3);
    runner.killAll();
  });

  it('reports errors from the job with their code', async () => {
    const runner = createJobRunner({ spawn: forkJobProcess, progress: () => {} });
    const e = await failure(runner.run('job-3', { kind: 'import.preview', kbPath: freshKb(), text: 'no bibliography here', fileName: 'notes.txt' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/“notes\.txt” is not BibTeX, BibLaTeX, RIS or CSL-JSON/);
  });

  it('cancelling an unknown job does nothing, and a job id cannot run twice at once', async () => {
    const runner = createJobRunner({ spawn: forkJobProcess, progress: () => {} });
    expect(runner.cancel('nothing-running')).toBe(false);
    const kbPath = freshKb();
    const first = runner.run('same', { kind: 'import.preview', kbPath, text: '@book{a, title={Somalia}}', fileName: 'a.bib' });
    const second = await failure(runner.run('same', { kind: 'import.preview', kbPath, text: '@book{a, title={Somalia}}', fileName: 'a.bib' }));
    expect(second.code).toBe('CONFLICT');
    await expect(first).resolves.toMatchObject({ format: 'bibtex' });
  });
});
