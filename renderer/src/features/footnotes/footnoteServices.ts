import type { CitationRef, SourceRow } from '../../../../common/domain/sources';
import type { CasebookClient } from '../../../../common/ipc/client';

/** A source as footnotes name it: a short author–date label and what the picker shows. */
export interface SourceSummary {
  id: string;
  /** "Crocker, Hampson and Aall 2011" — used in accessible names of footnote markers. */
  short: string;
  row: SourceRow;
}

/**
 * What the footnote UI needs from the knowledge base. The note editor takes it as a prop (the
 * case pane builds it from the client), so the editor itself stays free of the platform.
 */
export interface FootnoteServices {
  /** The source picker: fuzzy search, recently cited first when `query` is empty. */
  pick(query: string): Promise<SourceRow[]>;
  /** One source by id, cached: markers and the dialog ask for the same few repeatedly. */
  source(id: string): Promise<SourceSummary>;
  /** Formats footnotes (citations in document order) in the knowledge base's citation style. */
  format(footnotes: CitationRef[][]): Promise<string[]>;
}

/** Footnote services over the typed client. */
export function createFootnoteServices(client: CasebookClient): FootnoteServices {
  const cache = new Map<string, Promise<SourceSummary>>();
  return {
    pick: (query) => client.call('sources.pick', { query, limit: 20 }),
    source(id) {
      let found = cache.get(id);
      if (!found) {
        found = client.call('sources.get', { id }).then((detail) => ({ id, short: shortSourceLabel(detail.csl, detail), row: detail }));
        // A failed lookup (e.g. a source deleted meanwhile) is retried next time.
        found.catch(() => cache.delete(id));
        cache.set(id, found);
      }
      return found;
    },
    async format(footnotes) {
      if (footnotes.length === 0) return [];
      return (await client.call('citations.format', { footnotes })).footnotes;
    },
  };
}

/**
 * "Crocker, Hampson and Aall 2011": family names (or institutional names) of the first authors
 * (editors when there are none) and the year, falling back to the title.
 */
export function shortSourceLabel(csl: Record<string, unknown>, row: Pick<SourceRow, 'title' | 'year' | 'citekey'>): string {
  const names = nameList(csl.author) ?? nameList(csl.editor) ?? [];
  let who: string;
  if (names.length === 0) who = row.title || row.citekey;
  else if (names.length === 1) who = names[0] ?? '';
  else if (names.length <= 3) who = `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  else who = `${names[0] ?? ''} et al.`;
  return row.year === null ? who : `${who} ${row.year}`;
}

function nameList(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const names = value
    .map((n: unknown) => {
      if (typeof n !== 'object' || n === null) return '';
      const name = n as Record<string, unknown>;
      const str = (k: string): string => (typeof name[k] === 'string' ? (name[k] as string).trim() : '');
      const particle = str('non-dropping-particle');
      return str('literal') || [particle, str('family')].filter(Boolean).join(' ') || str('given');
    })
    .filter((s) => s !== '');
  return names.length > 0 ? names : null;
}

const LOCATOR_ABBREVIATIONS: Record<string, [string, string]> = {
  page: ['p.', 'pp.'],
  chapter: ['ch.', 'chs.'],
  section: ['sec.', 'secs.'],
  paragraph: ['para.', 'paras.'],
  line: ['l.', 'll.'],
  figure: ['fig.', 'figs.'],
  table: ['tbl.', 'tbls.'],
  note: ['n.', 'nn.'],
  part: ['pt.', 'pts.'],
  volume: ['vol.', 'vols.'],
  article: ['art.', 'arts.'],
  clause: ['cl.', 'cls.'],
};

/** "p. 45", "pp. 45–47", "ch. 3"; '' without a locator. */
export function locatorText(citation: Pick<CitationRef, 'label' | 'locator'>): string {
  const locator = citation.locator.trim();
  if (locator === '') return '';
  const [one, many] = LOCATOR_ABBREVIATIONS[citation.label] ?? [citation.label, citation.label];
  return `${/[-–,&]/.test(locator) ? many : one} ${locator}`;
}
