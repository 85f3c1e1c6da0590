import { statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { BibliographyFormat, ExportFormat, ExportResult, ExportScope, ExportSources } from '../../common/domain/exports';
import { defaultExportSources } from '../../common/domain/exports';
import type { CslItem } from '../../common/domain/sources';
import { AppError } from '../../common/errors';
import { hasLocale } from '../citations/cslCatalogue';
import { resolveStyle, type ResolvedStyle } from '../citations/resolveStyle';
import { openKb } from '../db/openKb';
import { createWriteContext } from '../store/kbSession';
import { kbStoreFor, type KbStore } from '../store/kbStore';
import { buildDossier, formatWithCache, type FormatOptions } from './buildDossier';
import { htmlToRuns } from './citationRuns';
import { runsText } from './documentModel';
import { resolveScope, type ResolvedScope } from './exportScope';
import { openFormatCache } from './formatCache';
import { renderBibliography, runsToHtml } from './renderBibliography';
import { renderDocx } from './renderDocx';
import { renderHtml } from './renderHtml';
import { renderMarkdown } from './renderMarkdown';
import { exportSourceData } from './sourceData';
import { writeFilesAtomically } from './writeAtomically';

export interface ExportJobRequest {
  kbPath: string;
  format: ExportFormat;
  scope: ExportScope;
  sources?: ExportSources | undefined;
  bibliographyFormat: BibliographyFormat;
  /** A style id, `custom:<slug>`, or a path to a `.csl` file; the knowledge base's style when absent. */
  style?: string | undefined;
  locale?: string | undefined;
  /** Where to write; required for docx and markdown. Without it the text is returned. */
  path?: string | undefined;
  /** Whether `style` may name a `.csl` file (the command line; never a request from the renderer). */
  allowStyleFiles?: boolean | undefined;
  /** Folder of the formatted-citations cache; null turns the cache off. */
  cacheDir?: string | null | undefined;
}

export type Progress = (phase: string, done: number, total: number) => void;

interface Output {
  files: { path: string; data: string | Uint8Array }[];
  text: string | null;
  html: string | null;
}

/** A source that lacks a title, every name and a date will give a thin entry: worth a warning. */
function thinSources(items: CslItem[]): number {
  return items.filter((c) => !c.title || (!c.author && !c.editor && !c.issued)).length;
}

function sourceItems(store: KbStore, scope: ResolvedScope): CslItem[] {
  const found = store.sources.formattable(scope.sourceIds);
  return [...found.values()]
    .map((s) => s.csl)
    .sort((a, b) => String(a['citation-key'] ?? '').localeCompare(String(b['citation-key'] ?? '')));
}

function checkLocale(locale: string): void {
  if (!hasLocale(locale)) throw new AppError('INVALID_INPUT', `locale: “${locale.slice(0, 20)}” is not a known citation locale (for example en-US, en-GB, de-DE, fr-FR, nb-NO).`);
}

/**
 * One export, start to finish, on a read-only connection of its own (it runs in the job process,
 * or in the CLI): resolve the scope and style, build and format, render, then write every file
 * whole or not at all. Nothing in the knowledge base is written.
 */
export async function runExport(request: ExportJobRequest, progress: Progress = () => undefined): Promise<ExportResult> {
  if ((request.format === 'docx' || request.format === 'markdown') && !request.path) {
    throw new AppError('INVALID_INPUT', `path: a ${request.format === 'docx' ? 'Word' : 'Markdown'} export is written to a file; choose where.`);
  }
  if (request.path && !hasExpectedFolder(request.path)) throw new AppError('IO', `The folder “${dirname(request.path)}” does not exist.`);
  progress('opening', 0, 1);
  const opened = openKb(request.kbPath, { readOnly: true });
  const cache = openFormatCache(request.cacheDir);
  try {
    const store = kbStoreFor(createWriteContext(opened.db, () => ''));
    const settings = store.citationSettings.get();
    const sources = request.sources ?? defaultExportSources(request.scope);
    const scope = resolveScope(opened.db, request.scope, sources);
    const needsStyle = request.format === 'bibliography' || request.format === 'docx' || request.format === 'markdown' || request.format === 'html';
    const warnings: string[] = [];
    let output: Output;
    let footnotes = 0;
    let cached = false;
    let sourceCount = scope.sourceIds.length;

    if (!needsStyle) {
      const items = sourceItems(store, scope);
      sourceCount = items.length;
      const text = exportSourceData(items, request.format as 'bibtex' | 'biblatex' | 'ris' | 'csl-json');
      output = { files: request.path ? [{ path: request.path, data: text }] : [], text: request.path ? null : text, html: null };
    } else {
      if (request.locale !== undefined) checkLocale(request.locale);
      const style: ResolvedStyle = resolveStyle(request.style ?? settings.citationStyle, (id) => store.citationSettings.customStyle(id), request.allowStyleFiles === true);
      const options: FormatOptions = {
        style,
        locale: request.locale ?? settings.locale,
        forceLocale: request.locale !== undefined || settings.localeChosen,
        cache,
        onProgress: progress,
      };
      if (request.format === 'bibliography') {
        if (!style.hasBibliography) {
          throw new AppError('INVALID_INPUT', `${style.title} has no bibliography (its notes carry the full references); choose a style with one, or export a dossier.`);
        }
        const result = formatWithCache(store, [], scope.sourceIds, options);
        cached = result.cached;
        const entries = (result.formatted.bibliography ?? []).map(htmlToRuns);
        // Plain text is for pasting into a paper: entries only. HTML and RTF get a heading.
        const heading = request.bibliographyFormat === 'text' ? undefined : style.class === 'note' ? 'Bibliography' : 'References';
        const text = renderBibliography(entries, request.bibliographyFormat, { title: heading });
        output = request.path
          ? { files: [{ path: request.path, data: text }], text: null, html: null }
          : {
              files: [],
              text: request.bibliographyFormat === 'html' ? entries.map(runsText).join('\n\n') : text,
              html: entries.map((e) => `<p>${runsToHtml(e)}</p>`).join('\n'),
            };
        const thin = thinSources([...result.sources.values()].map((s) => s.csl));
        if (thin > 0) warnings.push(`${thin} source${thin === 1 ? ' lacks' : 's lack'} a title, an author or a date; ${thin === 1 ? 'its entry' : 'their entries'} may be incomplete.`);
      } else {
        const built = buildDossier(store, scope, options);
        cached = built.cached;
        warnings.push(...built.warnings);
        footnotes = built.dossier.footnotes.length;
        sourceCount = built.dossier.sources.length;
        progress('writing', 0, 1);
        if (request.format === 'docx') {
          output = { files: [{ path: request.path as string, data: await renderDocx(built.dossier) }], text: null, html: null };
        } else if (request.format === 'markdown') {
          const path = request.path as string;
          const base = basename(path, extname(path));
          const files = { bibliography: `${base}.json`, csl: `${base}.csl` };
          output = {
            files: [
              { path, data: renderMarkdown(built.dossier, files) },
              { path: join(dirname(path), files.bibliography), data: exportSourceData(built.dossier.sources, 'csl-json') },
              { path: join(dirname(path), files.csl), data: built.dossier.styleXml },
            ],
            text: null,
            html: null,
          };
        } else {
          const html = renderHtml(built.dossier);
          output = request.path ? { files: [{ path: request.path, data: html }], text: null, html: null } : { files: [], text: html, html };
        }
      }
    }

    if (output.files.length > 0) writeFilesAtomically(output.files);
    progress('done', 1, 1);
    return {
      files: output.files.map((f) => f.path),
      text: output.text,
      html: output.html,
      cases: scope.caseIds.length,
      sources: sourceCount,
      footnotes,
      cached,
      warnings,
    };
  } finally {
    cache.close();
    opened.db.close();
  }
}

function hasExpectedFolder(path: string): boolean {
  try {
    return statSync(dirname(path)).isDirectory();
  } catch {
    return false;
  }
}
