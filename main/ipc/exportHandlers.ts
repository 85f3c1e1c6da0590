import { basename } from 'node:path';
import type { AutoExportSetting, ExportResult } from '../../common/domain/exports';
import { newId } from '../../common/ids';
import type { Handlers } from './dispatch';
import type { KbSession } from '../store/kbSession';
import { kbStoreFor } from '../store/kbStore';
import { parseCslStyle } from '../citations/cslStyleFile';
import type { JobRunner } from '../jobs/jobRunner';
import type { ExportJobRequest } from '../export/runExport';

export type ExportChannel = 'export.run' | 'styles.add' | 'styles.remove' | 'autoExport.get' | 'autoExport.set';

export interface AutoExportStore {
  get(kbPath: string): AutoExportSetting;
  set(kbPath: string, setting: AutoExportSetting): void;
}

export interface ExportHandlerOptions {
  jobs: JobRunner;
  autoExport: AutoExportStore;
  /** Folder of the formatted-citations cache (undefined: the user's cache folder; null: none). */
  cacheDir?: string | null;
  /** Debounce of automatic exports after a change (default 1 s). */
  autoExportDelayMs?: number;
  /** Reports a failed automatic export (there is no caller to answer). */
  onAutoExportError?: (message: string) => void;
}

/**
 * Export channels. Every export runs in the job process on a read-only connection of its own, so
 * the main process keeps answering and Cancel kills it with nothing written (files are renamed
 * into place only when complete). Automatic export rewrites a chosen `.bib`/`.json` file a moment
 * after sources change (`scheduleAutoExport`), through the same job runner.
 */
export function createExportHandlers(session: () => KbSession, options: ExportHandlerOptions) {
  const { jobs, autoExport } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<unknown> | null = null;
  let again = false;

  function runAutoExport(): void {
    let s: KbSession;
    try {
      s = session();
    } catch {
      return;
    }
    const setting = autoExport.get(s.opened.path);
    if (!setting) return;
    if (running) {
      again = true;
      return;
    }
    const request: ExportJobRequest = {
      kbPath: s.opened.path,
      format: setting.format,
      scope: { kind: 'kb' },
      sources: 'all',
      bibliographyFormat: 'html',
      path: setting.path,
      cacheDir: options.cacheDir,
    };
    running = jobs
      .run<ExportResult>(newId(), { kind: 'export.run', ...request })
      .catch((e: unknown) => options.onAutoExportError?.(`Automatic export to ${basename(setting.path)} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          runAutoExport();
        }
      });
  }

  /** Call after anything that may have changed sources; exports once things have been quiet for a moment. */
  function scheduleAutoExport(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      runAutoExport();
    }, options.autoExportDelayMs ?? 1000);
    timer.unref?.();
  }

  const handlers: Pick<Handlers, ExportChannel> = {
    'export.run': ({ jobId, ...input }) => {
      const kbPath = session().opened.path;
      return jobs.run<ExportResult>(jobId, { kind: 'export.run', kbPath, ...input, cacheDir: options.cacheDir });
    },
    'styles.add': ({ fileName, xml }) => {
      const s = session();
      s.assertWritable();
      const parsed = parseCslStyle(xml, fileName || 'the style file');
      const id = kbStoreFor(s).citationSettings.putCustomStyle(parsed.slug, xml);
      return { id, title: parsed.title, hasBibliography: parsed.hasBibliography };
    },
    'styles.remove': ({ id }) => {
      const s = session();
      s.assertWritable();
      kbStoreFor(s).citationSettings.removeCustomStyle(id);
      return { ok: true as const };
    },
    'autoExport.get': () => autoExport.get(session().opened.path),
    'autoExport.set': async ({ setting }) => {
      const kbPath = session().opened.path;
      if (setting) {
        // Write it once now, so a wrong folder is reported here and not silently later.
        await jobs.run<ExportResult>(newId(), { kind: 'export.run', kbPath, format: setting.format, scope: { kind: 'kb' }, sources: 'all', bibliographyFormat: 'html', path: setting.path, cacheDir: options.cacheDir });
      }
      autoExport.set(kbPath, setting);
      return setting;
    },
  };
  return { handlers, scheduleAutoExport };
}
