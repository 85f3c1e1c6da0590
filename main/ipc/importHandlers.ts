import type { ImportEntry } from '../../common/domain/sources';
import { AppError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { Handlers } from './dispatch';
import type { KbSession } from '../store/kbSession';
import type { HostPorts } from '../app/createAppCore';
import type { PreviewResult, CommitCounts } from '../import/importJob';
import { planImport, type PreviewData } from '../import/planImport';
import { issuedYear, summariseAuthors } from '../import/sanitizeCsl';
import { precheckImport } from '../import/precheckImport';
import { createHostJobRunner, type JobRunner } from '../jobs/jobRunner';

export type ImportChannel = 'import.preview' | 'import.commit' | 'jobs.cancel';

/** Previews are kept this long for their commit, and at most this many at once (they can be large). */
const PREVIEW_TTL_MS = 30 * 60_000;
const MAX_PREVIEWS = 3;

interface StoredPreview extends PreviewData {
  kbPath: string;
  createdAt: number;
}

export interface ImportHandlerOptions {
  /** Per-job time limit; tests shorten it. */
  timeLimitMs?: number;
  /** A job runner shared with other channels (exports); one of its own otherwise. */
  jobs?: JobRunner;
}

/**
 * Import channels. Parsing and writing run in a job process (the host's `spawnJob`), so a huge or
 * hostile file never blocks the main process; main keeps each preview's parsed entries until the
 * commit, which writes them whole or not at all.
 */
export function createImportHandlers(session: () => KbSession, ports: HostPorts, options: ImportHandlerOptions = {}): Pick<Handlers, ImportChannel> {
  const jobs = options.jobs ?? createHostJobRunner(ports, options.timeLimitMs);
  const previews = new Map<string, StoredPreview>();

  function prune(): void {
    const now = Date.now();
    for (const [id, p] of previews) if (now - p.createdAt > PREVIEW_TTL_MS) previews.delete(id);
    // Maps iterate in insertion order: the oldest previews go first.
    while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value as string);
  }

  return {
    /** Parses a file in a job process and says, per entry, what it is, whether it is already stored, and what is wrong. */
    'import.preview': async ({ jobId, text, fileName, format }) => {
      const kbPath = session().opened.path;
      precheckImport(text, fileName);
      const result = await jobs.run<PreviewResult>(jobId, { kind: 'import.preview', kbPath, text, fileName, format });
      prune();
      const previewId = newId();
      const duplicates = new Map(result.duplicates);
      previews.set(previewId, { kbPath, createdAt: Date.now(), entries: result.entries, errors: result.errors, duplicates });
      const entries: ImportEntry[] = result.entries.map((e) => ({
        index: e.index,
        key: e.key,
        line: e.line,
        type: typeof e.csl.type === 'string' ? e.csl.type : '',
        title: typeof e.csl.title === 'string' ? e.csl.title : '',
        authors: summariseAuthors(e.csl),
        year: issuedYear(e.csl),
        duplicateOf: duplicates.get(e.index) ?? null,
      }));
      return { previewId, format: result.format, entries, errors: result.errors };
    },
    /**
     * Writes a preview in one transaction in a job process. Entries with problems are never
     * written (the preview lists them); duplicates follow their decision or `onDuplicate`.
     */
    'import.commit': async ({ jobId, previewId, onDuplicate, decisions }) => {
      const s = session();
      s.assertWritable();
      const preview = previews.get(previewId);
      if (!preview || Date.now() - preview.createdAt > PREVIEW_TTL_MS) {
        throw new AppError('NOT_FOUND', 'This import preview has expired; choose the file again to preview it.');
      }
      if (preview.kbPath !== s.opened.path) {
        throw new AppError('CONFLICT', 'This preview was made for another knowledge base; preview the file again here.');
      }
      const plan = planImport(preview, onDuplicate, decisions);
      const counts = await jobs.run<CommitCounts>(jobId, { kind: 'import.commit', kbPath: preview.kbPath, who: s.who(), items: plan.items });
      previews.delete(previewId);
      return { ...counts, duplicates: plan.duplicates, errors: preview.errors };
    },
    /** Kills the job; its pending call answers CANCELLED with nothing written. */
    'jobs.cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return { ok: true as const };
    },
  };
}
