import { CASE_STATUS_LABELS, type CaseDetail, type FieldDef, type FieldValue } from '../../common/domain/schemas';
import type { CitationRef, CslItem } from '../../common/domain/sources';
import { collectFootnotes } from '../../common/editor/footnotes';
import { formatCitations, type FormattedCitations } from '../citations/citationFormatter';
import type { ResolvedStyle } from '../citations/resolveStyle';
import type { KbStore } from '../store/kbStore';
import type { FormattableSource } from '../store/sourcesService';
import { htmlToRuns } from './citationRuns';
import type { Dossier, DossierCase, DossierField, DossierFootnote, Run } from './documentModel';
import { formatCacheKey, type FormatCache } from './formatCache';
import { noteToBlocks } from './noteToBlocks';
import type { ResolvedScope } from './exportScope';

const FORMAT_CACHE_VERSION = 3;

export interface FormatOptions {
  style: ResolvedStyle;
  locale: string;
  /** Use `locale` even where the style declares its own. */
  forceLocale: boolean;
  cache: FormatCache;
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** Formats footnotes (and the bibliography of `uncited` besides), from the cache when it has this exact input. */
export function formatWithCache(
  store: KbStore,
  footnotes: CitationRef[][],
  uncited: string[],
  options: FormatOptions,
): { formatted: FormattedCitations; sources: Map<string, FormattableSource>; cached: boolean } {
  const ids = [...new Set([...footnotes.flatMap((f) => f.map((c) => c.sourceId)), ...uncited])];
  const sources = store.sources.formattable(ids);
  const key = formatCacheKey([
    // Bump when formatting changes in code (style repairs, sanitising), so old results are not reused.
    FORMAT_CACHE_VERSION,
    options.style.key,
    options.locale,
    options.forceLocale,
    footnotes.map((f) => f.map((c) => [c.sourceId, c.locator, c.label, c.prefix, c.suffix])),
    uncited,
    [...sources.values()].map((s) => [s.id, s.updatedAt]),
  ]);
  const hit = options.cache.get(key);
  if (hit) return { formatted: hit, sources, cached: true };
  options.onProgress?.('formatting citations', 0, ids.length);
  const formatted = formatCitations(
    { footnotes, style: options.style.formatterStyle, locale: options.locale, forceLocale: options.forceLocale, uncited },
    (wanted) => {
      const out = new Map<string, { updatedAt: string; csl: CslItem }>();
      for (const id of wanted) {
        const s = sources.get(id);
        if (s) out.set(id, s);
      }
      return out;
    },
  );
  options.onProgress?.('formatting citations', ids.length, ids.length);
  options.cache.put(key, formatted);
  return { formatted, sources, cached: false };
}

function displayValue(field: FieldDef, value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

function period(detail: CaseDetail): string {
  const { periodStart: start, periodEnd: end } = detail;
  if (start && end) return start === end ? start : `${start} – ${end}`;
  return start ? `from ${start}` : end ? `until ${end}` : '';
}

function caseFields(detail: CaseDetail, fields: FieldDef[]): DossierField[] {
  const builtins: DossierField[] = [
    { name: 'Summary', value: detail.summary },
    { name: 'Period', value: period(detail) },
    { name: 'Region', value: detail.region },
    { name: 'Actors', value: detail.caseActors.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join('; ') },
    { name: 'Status', value: CASE_STATUS_LABELS[detail.status] },
    { name: 'Tags', value: detail.tags.join(', ') },
  ];
  const user = fields.map((f) => ({ name: f.name, value: displayValue(f, detail.values[f.id]) }));
  return [...builtins, ...user].filter((f) => f.value.trim() !== '');
}

/** The CSL records of sources as a Pandoc/CSL-JSON bibliography: `id` is the readable citekey. */
export function bibliographyItems(sources: Iterable<FormattableSource>): CslItem[] {
  return [...sources].map((s) => {
    const citekey = typeof s.csl['citation-key'] === 'string' ? s.csl['citation-key'] : s.id;
    return { ...s.csl, id: citekey };
  });
}

export interface BuiltDossier {
  dossier: Dossier;
  cached: boolean;
  warnings: string[];
}

/**
 * The dossier of the cases in `scope`: their fields and notes, every footnote formatted in
 * document order through the whole document (so "Ibid." and short forms are right across case
 * boundaries), and the bibliography of the scope's sources.
 */
export function buildDossier(store: KbStore, scope: ResolvedScope, options: FormatOptions): BuiltDossier {
  const fields = store.fields.list();
  const cases: DossierCase[] = [];
  const collected: { citations: CitationRef[]; commentary: string }[] = [];
  scope.caseIds.forEach((id, index) => {
    options.onProgress?.('reading cases', index, scope.caseIds.length);
    const detail = store.cases.get(id);
    const footnotes = collectFootnotes(detail.note);
    let next = collected.length;
    collected.push(...footnotes.map((f) => ({ citations: f.citations, commentary: f.commentary })));
    const blocks = noteToBlocks(detail.note, () => ++next);
    cases.push({ id, title: detail.title, fields: caseFields(detail, fields), blocks });
  });

  const citedIds = new Set(collected.flatMap((f) => f.citations.map((c) => c.sourceId)));
  const uncited = scope.sourceIds.filter((id) => !citedIds.has(id));
  const { formatted, sources, cached } = formatWithCache(store, collected.map((f) => f.citations), uncited, options);

  const footnotes: DossierFootnote[] = collected.map((f, i) => ({
    number: i + 1,
    citation: htmlToRuns(formatted.footnotes[i] ?? ''),
    commentary: f.commentary,
    citations: f.citations.map((c) => {
      const key = sources.get(c.sourceId)?.csl['citation-key'];
      return { ...c, citekey: typeof key === 'string' ? key : null };
    }),
  }));
  const bibliography: Run[][] | null = formatted.bibliography ? formatted.bibliography.map(htmlToRuns) : null;

  const warnings: string[] = [];
  if (!options.style.hasBibliography) warnings.push(`${options.style.title} has no bibliography, so none is included.`);
  const missing = footnotes.filter((f) => f.citations.some((c) => c.citekey === null)).length;
  if (missing > 0) warnings.push(`${missing} footnote${missing === 1 ? ' cites a source' : 's cite sources'} no longer in this knowledge base.`);

  const dossier: Dossier = {
    title: scope.title,
    style: { id: options.style.id, title: options.style.title, class: options.style.class, hasBibliography: options.style.hasBibliography },
    // The language the references are written in: a style that declares its own (International
    // Affairs: en-GB) is formatted in it unless a locale was chosen explicitly.
    locale: options.forceLocale ? options.locale : (options.style.tree.attrs['default-locale'] ?? options.locale),
    cases,
    footnotes,
    bibliography,
    sources: bibliographyItems(sources.values()),
    styleXml: options.style.xml(),
    createdAt: new Date().toISOString(),
  };
  return { dossier, cached, warnings };
}
