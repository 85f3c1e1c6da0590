import type { CslItem } from '../../common/domain/sources';
import { cslDate, cslNames, cslText, cslType, oneLine, pageRange, type DatePoint, type NameParts } from './cslRead';

/**
 * CSL-JSON → RIS. One `TAG  - value` line per value, newlines inside values collapsed to spaces,
 * every record ended by `ER  - `, CRLF line ends (as the RIS specification asks; readers take
 * LF too). Tags follow the RIS specification's per-type table: which tag holds the editors, the
 * container, the series and the number depends on the reference type.
 */

type EditorTag = 'A2' | 'A3' | 'ED';

interface RisType {
  ty: string;
  /** Tag for `editor`: A2 for chapters and conference papers, A3 for books, ED where the type has none. */
  editor: EditorTag;
  /** Tag for `container-title` (journal, book, website, proceedings), or null when the type has none. */
  container: 'T2' | 'C3' | null;
  /** Tag for `collection-title` (series). */
  series: 'T2' | 'T3';
  /** Tag for `number` (report number, document symbol, article number), or null. */
  number: 'M1' | 'SN' | 'C7' | null;
  /** Periodicals also get the journal name as `JO`, which older readers look for. */
  journal?: boolean;
  /** Books and theses: `SP` is the number of pages, not a page range. */
  pagesAreTotal?: boolean;
  /** Conference papers and speeches: `T2` is the event, `CY` its place, `C1` the publisher's place. */
  event?: boolean;
  /** What `PB` holds when it is not the publisher. */
  pb?: 'authority' | 'archive';
}

const BASE: RisType = { ty: 'GEN', editor: 'ED', container: 'T2', series: 'T3', number: 'M1' };
const t = (ty: string, over: Partial<RisType> = {}): RisType => ({ ...BASE, ty, ...over });

/** CSL type → RIS type and its tag choices. Types RIS lacks (treaty, UN document) are `GEN`. */
const RIS_TYPES: Record<string, RisType> = {
  article: t('JOUR', { journal: true, number: 'C7' }),
  'article-journal': t('JOUR', { journal: true, number: 'C7' }),
  review: t('JOUR', { journal: true, number: 'C7' }),
  'review-book': t('JOUR', { journal: true, number: 'C7' }),
  'article-magazine': t('MGZN', { journal: true, number: null }),
  'article-newspaper': t('NEWS', { journal: true, number: null }),
  book: t('BOOK', { editor: 'A3', container: null, series: 'T2', number: null, pagesAreTotal: true }),
  classic: t('CLSWK', { container: null, series: 'T2', number: null }),
  chapter: t('CHAP', { editor: 'A2', number: null }),
  'entry-encyclopedia': t('ENCYC', { editor: 'A2' }),
  entry: t('ENCYC', { editor: 'A2' }),
  'entry-dictionary': t('DICT', { editor: 'A2' }),
  'paper-conference': t('CONF', { editor: 'A2', container: 'C3', event: true, number: null }),
  // RIS has no speech type; a conference paper keeps the event, its place and the date.
  speech: t('CPAPER', { editor: 'A2', container: null, event: true, number: null }),
  report: t('RPRT', { series: 'T2', number: 'SN' }),
  thesis: t('THES', { pagesAreTotal: true }),
  manuscript: t('MANSCPT', { pb: 'archive' }),
  webpage: t('ELEC'),
  post: t('ELEC'),
  'post-weblog': t('BLOG', { editor: 'A2' }),
  document: t('GEN'),
  treaty: t('GEN'),
  legislation: t('STAT'),
  regulation: t('STAT'),
  bill: t('BILL'),
  legal_case: t('CASE', { pb: 'authority' }),
  hearing: t('HEAR'),
  dataset: t('DATA', { number: null }),
  software: t('COMP', { number: null }),
  patent: t('PAT', { number: 'SN' }),
  map: t('MAP'),
  pamphlet: t('PAMP'),
  personal_communication: t('PCOMM'),
  standard: t('STAND', { number: 'SN' }),
  periodical: t('SER'),
  graphic: t('ART'),
  figure: t('FIGURE'),
  motion_picture: t('MPCT'),
  broadcast: t('MPCT'),
  musical_score: t('MUSIC'),
  song: t('SOUND'),
};

type Line = [tag: string, value: string | undefined];

/** `Family, Given, Suffix` with particles before the family name; institutions as written. */
function risName(n: NameParts): string {
  if (n.literal) return oneLine(n.literal);
  const family = [n['dropping-particle'], n['non-dropping-particle'], n.family ?? n.given].filter(Boolean).join(' ');
  const given = n.family ? (n.given ?? '') : '';
  if (n.suffix) return `${family}, ${given}, ${n.suffix}`;
  if (given) return `${family}, ${given}`;
  // "Lloyd George," keeps a surname of several words from being read as an institution.
  return /\s/.test(family) ? `${family},` : family;
}

/** RIS date: `2011/03/04/`, `2011/03//`. */
function risDate(p: DatePoint): string {
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${p.year}/${pad(p.month)}/${pad(p.day)}/`;
}

/** The lines of one record, in a fixed order; empty values are dropped later. */
function risLines(item: CslItem, key: string): Line[] {
  const type = cslType(item);
  const spec = RIS_TYPES[type] ?? BASE;
  const v = (name: string) => cslText(item, name);
  const lines: Line[] = [['TY', spec.ty], ['ID', key]];
  const many = (tag: string, values: string[]) => values.forEach((value) => lines.push([tag, value]));

  many('AU', cslNames(item, 'author').map(risName));
  many(spec.editor, cslNames(item, 'editor').map(risName));
  many('A4', cslNames(item, 'translator').map(risName));
  lines.push(['T1', v('title')], ['ST', v('title-short')]);
  if (spec.event) lines.push(['T2', v('event-title') ?? v('event')]);
  if (spec.container) lines.push([spec.container, v('container-title')]);
  lines.push([spec.series, v('collection-title')]);
  if (spec.journal) lines.push(['JO', v('container-title')]);
  lines.push(['J2', v('container-title-short')]);

  const issued = cslDate(item, 'issued');
  const first = issued?.points[0];
  lines.push(['PY', first ? String(first.year) : issued?.literal]);
  if (first) lines.push(['DA', risDate(first)]);
  const accessed = cslDate(item, 'accessed')?.points[0];
  lines.push(['Y2', accessed ? risDate(accessed) : undefined]);

  lines.push(['VL', v('volume')], ['IS', v('issue')]);
  const page = v('page');
  if (spec.pagesAreTotal) {
    lines.push(['SP', v('number-of-pages')]);
  } else if (page !== undefined) {
    const range = pageRange(page);
    lines.push(['SP', range ? range.first : page], ['EP', range?.last]);
  }
  lines.push(['ET', v('edition')]);
  if (spec.number) lines.push([spec.number, v('number')]);
  // Series number: `M1` for books, `SV` for chapters, `NV` for reports (RIS has no one tag for it).
  if (spec.ty === 'BOOK') lines.push(['M1', v('collection-number')]);
  else if (spec.ty === 'CHAP') lines.push(['SV', v('collection-number')], ['SE', v('chapter-number')]);
  else if (spec.ty === 'RPRT') lines.push(['NV', v('collection-number')]);
  if (spec.ty !== 'CHAP') lines.push(['SE', v('section')]);
  if (spec.ty !== 'RPRT') lines.push(['NV', v('number-of-volumes')]);
  lines.push(['M3', v('genre')]);

  lines.push(['PB', spec.pb ? v(spec.pb) : v('publisher')]);
  if (spec.event) lines.push(['CY', v('event-place')], ['C1', v('publisher-place')]);
  else lines.push(['CY', v('publisher-place')]);
  if (spec.number !== 'SN') lines.push(['SN', v('ISBN') ?? v('ISSN')]);
  lines.push(['DO', v('DOI')], ['UR', v('URL')], ['AV', v('archive_location')], ['LA', v('language')]);
  many(
    'KW',
    (v('keyword') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  );
  lines.push(['AB', v('abstract')], ['N1', v('note')]);
  return lines;
}

/** One record as text: `TAG  - value` lines and `ER  - `, CRLF-terminated. */
export function risRecord(item: CslItem, key: string): string {
  const out: string[] = [];
  for (const [tag, value] of risLines(item, key)) {
    const text = value === undefined ? '' : oneLine(value);
    if (text) out.push(`${tag}  - ${text}`);
  }
  out.push('ER  - ');
  return out.map((l) => `${l}\r\n`).join('');
}
