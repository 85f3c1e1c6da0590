import CSL, { type CiteprocCitation, type Engine } from 'citeproc';
import type { CitationRef, CslItem } from '../../common/domain/sources';
import { readLocale, readStyle, styleHasBibliography, type CslNode } from './cslCatalogue';
import { sanitizeBibliographyEntry, sanitizeCitationHtml } from './sanitizeCitationHtml';

/** What a footnote shows when one of its sources is not in the knowledge base (deleted, or never imported). */
export const MISSING_SOURCE_TEXT = '[source not in this knowledge base]';

export interface FormatRequest {
  /** Footnotes in document order, each a list of citations. */
  footnotes: CitationRef[][];
  /** A style id of the catalogue, or a parsed style (a `.csl` file) with a key naming its content. */
  style: string | { key: string; tree: CslNode };
  /** Sources to list in the bibliography although no footnote cites them ("all sources in scope"). */
  uncited?: string[];
  locale: string;
  /** Use `locale` even when the style declares its own (International Affairs: en-GB). */
  forceLocale: boolean;
}

export interface FormattedCitations {
  /** One HTML string per footnote, allow-listed (see sanitizeCitationHtml). */
  footnotes: string[];
  /** Bibliography entries of the cited sources, or null when the style has no bibliography. */
  bibliography: string[] | null;
}

/** Source records the formatter may use, by id (with `id` set), and the version each was read at. */
export type SourceLookup = (ids: string[]) => Map<string, { updatedAt: string; csl: CslItem }>;

interface CachedEngine {
  engine: Engine;
  hasBibliography: boolean;
  /** Records the engine currently answers `retrieveItem` with. */
  items: Map<string, CslItem>;
  /** Version of each record the engine has seen; a newer one makes it forget its registry. */
  seen: Map<string, string>;
}

// Building an engine parses the style and locale (tens of milliseconds; a second for APA), so
// engines are kept per (style, locale) and reused.
const engines = new Map<string, CachedEngine>();
const MAX_ENGINES = 8;

function engineFor(style: FormatRequest['style'], locale: string, forceLocale: boolean): CachedEngine {
  const key = `${typeof style === 'string' ? style : `file:${style.key}`}\u0000${locale}\u0000${forceLocale ? 1 : 0}`;
  const cached = engines.get(key);
  if (cached) {
    // Most recently used last, so the oldest is evicted first.
    engines.delete(key);
    engines.set(key, cached);
    return cached;
  }
  // citeproc annotates the tree it is given; a parsed style is copied so it can be used again.
  const tree = typeof style === 'string' ? readStyle(style) : structuredClone(style.tree);
  const items = new Map<string, CslItem>();
  const localeCache = new Map<string, unknown>();
  const engine = new CSL.Engine(
    {
      retrieveLocale(lang: string) {
        if (!localeCache.has(lang)) localeCache.set(lang, readLocale(lang));
        return localeCache.get(lang);
      },
      retrieveItem: (id: string) => items.get(id),
    },
    tree,
    locale,
    forceLocale,
  );
  const entry: CachedEngine = { engine, hasBibliography: styleHasBibliography(tree), items, seen: new Map() };
  if (engines.size >= MAX_ENGINES) engines.delete(engines.keys().next().value as string);
  engines.set(key, entry);
  return entry;
}

/**
 * Formats footnotes as the style prescribes for notes: the first citation of a source in full,
 * later ones short, "Ibid." where the style uses it, locators with their labels, prefix and
 * suffix; author-date styles give their in-text form. Also the bibliography of the cited
 * sources, or null for styles without one. Every string is allow-listed HTML.
 */
export function formatCitations(request: FormatRequest, lookup: SourceLookup): FormattedCitations {
  const ids = request.footnotes.flatMap((f) => f.map((c) => c.sourceId));
  const sources = lookup([...ids, ...(request.uncited ?? [])]);
  const cached = engineFor(request.style, request.locale, request.forceLocale);
  const { engine, items, seen } = cached;

  // A record changed since the engine last saw it: empty its registry so it asks again.
  let stale = false;
  for (const [id, source] of sources) {
    const version = seen.get(id);
    if (version !== undefined && version !== source.updatedAt) stale = true;
  }
  if (stale) {
    // Both lists: an item still listed as uncited would stay registered and never be fetched again.
    engine.updateUncitedItems([]);
    engine.updateItems([]);
    seen.clear();
  }
  for (const [id, source] of sources) {
    items.set(id, source.csl);
    seen.set(id, source.updatedAt);
  }

  const clusters: CiteprocCitation[] = [];
  const clusterOf: (number | null)[] = [];
  const missing: boolean[] = [];
  request.footnotes.forEach((refs, i) => {
    const known = refs.filter((r) => sources.has(r.sourceId));
    missing.push(known.length < refs.length);
    if (known.length === 0) {
      clusterOf.push(null);
      return;
    }
    clusterOf.push(clusters.length);
    clusters.push({
      citationID: `fn-${i + 1}`,
      properties: { noteIndex: i + 1 },
      citationItems: known.map((r) => ({
        id: r.sourceId,
        ...(r.locator.trim() ? { locator: r.locator.trim(), label: r.label } : {}),
        ...(r.prefix ? { prefix: r.prefix } : {}),
        ...(r.suffix ? { suffix: r.suffix } : {}),
      })),
    });
  });

  const byCluster = new Map<string, string>();
  if (clusters.length > 0) {
    for (const [citationID, , html] of engine.rebuildProcessorState(clusters, 'html')) byCluster.set(citationID, html);
  } else {
    engine.updateItems([]);
  }
  const cited = new Set(ids);
  const uncited = [...new Set(request.uncited ?? [])].filter((id) => sources.has(id) && !cited.has(id));
  engine.updateUncitedItems(uncited);

  const footnotes = request.footnotes.map((refs, i) => {
    if (refs.length === 0) return '';
    const index = clusterOf[i];
    const html = index === null || index === undefined ? '' : sanitizeCitationHtml(byCluster.get(clusters[index]?.citationID ?? '') ?? '');
    if (!missing[i]) return html;
    return html ? `${html}; ${MISSING_SOURCE_TEXT}` : MISSING_SOURCE_TEXT;
  });

  let bibliography: string[] | null = null;
  if (cached.hasBibliography) {
    const made = clusters.length > 0 || uncited.length > 0 ? engine.makeBibliography() : false;
    bibliography = made ? made[1].map(sanitizeBibliographyEntry) : [];
  }
  return { footnotes, bibliography };
}
