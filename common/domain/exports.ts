import { z } from 'zod';
import { Id } from './schemas';

/**
 * Exports: what leaves a knowledge base for a paper. Sources as data (BibTeX, BibLaTeX, RIS,
 * CSL-JSON), a formatted bibliography (HTML, plain text, RTF), or a dossier of cases (Word with
 * real footnotes, Markdown with Pandoc citations, HTML).
 */
export const EXPORT_FORMATS = ['bibtex', 'biblatex', 'ris', 'csl-json', 'bibliography', 'docx', 'markdown', 'html'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const BIBLIOGRAPHY_FORMATS = ['html', 'text', 'rtf'] as const;
export const BibliographyFormat = z.enum(BIBLIOGRAPHY_FORMATS);
export type BibliographyFormat = z.infer<typeof BibliographyFormat>;

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  bibtex: 'BibTeX (.bib)',
  biblatex: 'BibLaTeX (.bib)',
  ris: 'RIS (.ris)',
  'csl-json': 'CSL-JSON (.json)',
  bibliography: 'Bibliography (HTML, text or RTF)',
  docx: 'Word document with footnotes (.docx)',
  markdown: 'Markdown for Pandoc (.md + .json + .csl)',
  html: 'Web page (.html)',
};

/** The file extension of each format (a bibliography's depends on its own format). */
export function exportExtension(format: ExportFormat, bibliography: BibliographyFormat = 'html'): string {
  switch (format) {
    case 'bibtex':
    case 'biblatex':
      return '.bib';
    case 'ris':
      return '.ris';
    case 'csl-json':
      return '.json';
    case 'bibliography':
      return bibliography === 'text' ? '.txt' : `.${bibliography}`;
    case 'docx':
      return '.docx';
    case 'markdown':
      return '.md';
    case 'html':
      return '.html';
  }
}

/** Formats that are files of their own and cannot be copied to the clipboard as text. */
export const BINARY_EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'markdown'];

export const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kb') }).strict(),
  z.object({ kind: z.literal('cases'), caseIds: z.array(Id).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(100) }).strict(),
]);
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportSources = z.enum(['cited', 'all']);
export type ExportSources = z.infer<typeof ExportSources>;

/** Default sources: every source for the whole knowledge base, the cited ones otherwise. */
export function defaultExportSources(scope: ExportScope): ExportSources {
  return scope.kind === 'kb' ? 'all' : 'cited';
}

export const ExportRequest = z
  .object({
    jobId: Id,
    format: ExportFormat,
    scope: ExportScope,
    sources: ExportSources.optional(),
    bibliographyFormat: BibliographyFormat.default('html'),
    /** A style id (catalogue or `custom:…`); the knowledge base's style when absent. */
    style: z.string().trim().min(1).max(200).optional(),
    locale: z.string().trim().min(2).max(20).optional(),
    /** Where to write; without it, text formats are returned (for the clipboard). */
    path: z.string().min(1).max(4096).optional(),
  })
  .strict();
export type ExportRequestInput = z.input<typeof ExportRequest>;
export type ExportRequest = z.output<typeof ExportRequest>;

export const ExportResult = z.object({
  /** Files written (the Markdown export writes three). */
  files: z.array(z.string()),
  /** The text, when no path was given (for the clipboard); `html` too for a bibliography. */
  text: z.string().nullable(),
  html: z.string().nullable(),
  cases: z.number(),
  sources: z.number(),
  footnotes: z.number(),
  /** Whether the formatted citations came from the cache. */
  cached: z.boolean(),
  /** Messages worth showing (a style without a bibliography, sources missing most fields …). */
  warnings: z.array(z.string()),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const AutoExportFormat = z.enum(['bibtex', 'biblatex', 'csl-json']);
export type AutoExportFormat = z.infer<typeof AutoExportFormat>;
export const AutoExportSetting = z.object({ path: z.string().min(1).max(4096), format: AutoExportFormat }).nullable();
export type AutoExportSetting = z.infer<typeof AutoExportSetting>;
