import {
  BINARY_EXPORT_FORMATS,
  exportExtension,
  type AutoExportFormat,
  type BibliographyFormat,
  type ExportFormat,
  type ExportResult,
} from '../../../../common/domain/exports';
import type { CitationStyleInfo } from '../../../../common/domain/sources';

/** What the export dialog is told about the Cases view when it opens. */
export interface CaseSelection {
  /** The selected cases (every id when "select all" is on). */
  caseIds: string[];
  /** The case shown in the detail pane, if any. */
  openCaseId: string | null;
}

export const NO_CASE_SELECTION: CaseSelection = { caseIds: [], openCaseId: null };

/** The scope choices of the dialog ("What"). */
export type ScopeChoice = 'selection' | 'open' | 'tag' | 'kb';

/** Styles analysts in the field reach for first, shown above the full catalogue. */
export const COMMON_STYLE_IDS = [
  'chicago-note-bibliography',
  'chicago-fullnote-bibliography',
  'chicago-author-date',
  'apa',
  'harvard-cite-them-right',
  'modern-language-association',
  'international-affairs',
] as const;

/** Locales offered for formatted output; the empty value keeps the style's (or knowledge base's) own. */
export const EXPORT_LOCALES: { value: string; label: string }[] = [
  { value: '', label: 'Style’s default' },
  { value: 'en-US', label: 'English (US) — en-US' },
  { value: 'en-GB', label: 'English (UK) — en-GB' },
  { value: 'de-DE', label: 'German — de-DE' },
  { value: 'fr-FR', label: 'French — fr-FR' },
  { value: 'nb-NO', label: 'Norwegian Bokmål — nb-NO' },
];

export const BIBLIOGRAPHY_FORMAT_LABELS: Record<BibliographyFormat, string> = {
  html: 'HTML',
  text: 'Plain text',
  rtf: 'RTF',
};

export const AUTO_EXPORT_FORMAT_LABELS: Record<AutoExportFormat, string> = {
  bibtex: 'BibTeX (.bib)',
  biblatex: 'BibLaTeX (.bib)',
  'csl-json': 'CSL-JSON (.json)',
};

/** Formats formatted by a citation style; the others are the sources as data. */
export function usesStyle(format: ExportFormat): boolean {
  return format === 'bibliography' || format === 'docx' || format === 'markdown' || format === 'html';
}

/** Formats whose result can go to the clipboard (the others are files of their own). */
export function canCopy(format: ExportFormat): boolean {
  return !BINARY_EXPORT_FORMATS.includes(format);
}

/** Dossier formats: the cases themselves, with their notes and footnotes. */
export function isDossier(format: ExportFormat): boolean {
  return format === 'docx' || format === 'markdown' || format === 'html';
}

/**
 * Filters the style catalogue by every word typed (title or id), common styles and the knowledge
 * base's added ones first. Thousands of styles: a plain pass per keystroke is fast enough.
 */
export function groupStyles(styles: readonly CitationStyleInfo[], query: string): { added: CitationStyleInfo[]; common: CitationStyleInfo[]; rest: CitationStyleInfo[] } {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (s: CitationStyleInfo) => {
    const hay = `${s.title} ${s.id}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  const common: CitationStyleInfo[] = [];
  for (const id of COMMON_STYLE_IDS) {
    const style = styles.find((s) => s.id === id);
    if (style && matches(style)) common.push(style);
  }
  const commonIds = new Set<string>(COMMON_STYLE_IDS);
  const added = styles.filter((s) => s.id.startsWith('custom:') && matches(s));
  const rest = styles.filter((s) => !s.id.startsWith('custom:') && !commonIds.has(s.id) && matches(s));
  return { added, common, rest };
}

/** A title turned into a file name every system accepts ("UN–AU: Darfur?" → "UN–AU Darfur"). */
export function safeFileName(title: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return cleaned || 'export';
}

/** The file name offered for an export: the scope's title, "bibliography" for a bibliography. */
export function defaultFileName(scopeTitle: string, format: ExportFormat, bibliographyFormat: BibliographyFormat): string {
  const base = safeFileName(scopeTitle);
  return `${format === 'bibliography' ? `${base} bibliography` : base}${exportExtension(format, bibliographyFormat)}`;
}

/** The folder part of a path as the host wrote it (POSIX or Windows separators). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : '';
}

/** Joins a folder and a file name with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  if (!folder) return name;
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/** The last part of a path. */
export function fileNameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "2 cases, 14 sources, 23 footnotes" — the counts that mean something for the format. */
export function describeCounts(result: ExportResult, format: ExportFormat): string {
  if (!isDossier(format)) return plural(result.sources, 'source');
  return [plural(result.cases, 'case'), plural(result.sources, 'source'), plural(result.footnotes, 'footnote')].join(', ');
}
