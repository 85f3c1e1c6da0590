import type { CslItem } from '../../common/domain/sources';
import { cslDate, cslNames, cslText, cslType, isoDate, type DateValue } from './cslRead';
import { latexName, latexText, latexVerbatim } from './latex';

/**
 * CSL-JSON → BibTeX / BibLaTeX. Written here rather than with citation-js's output, which with
 * `asciiOnly` drops non-Latin text, without it escapes nothing, and puts `accessed` only in a
 * note. Two tables drive it: the entry type for each CSL type, and the fields in the order they
 * are written, each saying where its value comes from and what each dialect calls it.
 */

export type BibDialect = 'bibtex' | 'biblatex';

interface EntryType {
  biblatex: string;
  bibtex: string;
  /** BibLaTeX `entrysubtype` (how biblatex styles tell a newspaper article from a journal article). */
  subtype?: string;
}

const MISC: EntryType = { biblatex: 'misc', bibtex: 'misc' };
const ARTICLE: EntryType = { biblatex: 'article', bibtex: 'article' };

/** CSL type → entry type. BibTeX has no web, legal or data types: those are `@misc`. */
const ENTRY_TYPES: Record<string, EntryType> = {
  article: ARTICLE,
  'article-journal': ARTICLE,
  'article-magazine': { ...ARTICLE, subtype: 'magazine' },
  'article-newspaper': { ...ARTICLE, subtype: 'newspaper' },
  review: ARTICLE,
  'review-book': ARTICLE,
  book: { biblatex: 'book', bibtex: 'book' },
  classic: { biblatex: 'book', bibtex: 'book' },
  chapter: { biblatex: 'incollection', bibtex: 'incollection' },
  entry: { biblatex: 'inreference', bibtex: 'incollection' },
  'entry-dictionary': { biblatex: 'inreference', bibtex: 'incollection' },
  'entry-encyclopedia': { biblatex: 'inreference', bibtex: 'incollection' },
  'paper-conference': { biblatex: 'inproceedings', bibtex: 'inproceedings' },
  report: { biblatex: 'report', bibtex: 'techreport' },
  thesis: { biblatex: 'thesis', bibtex: 'phdthesis' },
  manuscript: { biblatex: 'unpublished', bibtex: 'unpublished' },
  // biblatex's @unpublished is also "the script of a talk", with eventtitle, venue and eventdate.
  speech: { biblatex: 'unpublished', bibtex: 'unpublished' },
  webpage: { biblatex: 'online', bibtex: 'misc' },
  post: { biblatex: 'online', bibtex: 'misc' },
  'post-weblog': { biblatex: 'online', bibtex: 'misc' },
  dataset: { biblatex: 'dataset', bibtex: 'misc' },
  software: { biblatex: 'software', bibtex: 'misc' },
  legislation: { biblatex: 'legislation', bibtex: 'misc' },
  bill: { biblatex: 'legislation', bibtex: 'misc' },
  regulation: { biblatex: 'legislation', bibtex: 'misc' },
  legal_case: { biblatex: 'jurisdiction', bibtex: 'misc' },
  treaty: { biblatex: 'legal', bibtex: 'misc' },
  patent: { biblatex: 'patent', bibtex: 'misc' },
  periodical: { biblatex: 'periodical', bibtex: 'misc' },
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const BOOKISH = new Set(['book', 'incollection', 'inbook', 'inreference']);
/** Entry types where `organization` is free to carry the issuing authority of a legal or UN document. */
const AUTHORITY_TYPES = new Set(['misc', 'legal', 'legislation', 'jurisdiction']);

interface Ctx {
  item: CslItem;
  type: string;
  entry: string;
  dialect: BibDialect;
}

/** What a rule writes: the field name and its value as it goes between the braces; `bare` values (month macros) go without braces. */
type Written = { field: string; value: string; bare?: boolean };
type Rule = (ctx: Ctx) => Written | Written[] | null;

const text = (csl: string, field: string | ((c: Ctx) => string | null), opts: { title?: boolean; when?: (c: Ctx) => boolean } = {}): Rule => {
  return (c) => {
    const v = cslText(c.item, csl);
    const name = typeof field === 'string' ? field : field(c);
    if (v === undefined || name === null || (opts.when && !opts.when(c))) return null;
    return { field: name, value: latexText(v, opts.title ?? false) };
  };
};
const names = (csl: string, field: string): Rule => (c) => {
  const list = cslNames(c.item, csl);
  return list.length ? { field, value: list.map(latexName).join(' and ') } : null;
};
const verbatim = (csl: string, field: string): Rule => (c) => {
  const v = cslText(c.item, csl);
  return v === undefined ? null : { field, value: latexVerbatim(v) };
};
const byDialect = (biblatex: string | null, bibtex: string | null) => (c: Ctx) => (c.dialect === 'biblatex' ? biblatex : bibtex);
const isArticle = (c: Ctx) => c.entry === 'article';

/** The fields, in the order they are written. */
const RULES: Rule[] = [
  names('author', 'author'),
  names('container-author', 'bookauthor'),
  names('editor', 'editor'),
  names('translator', 'translator'),
  text('title', 'title', { title: true }),
  text('title-short', 'shorttitle', { title: true }),
  // The container: the journal of an article, else the book, proceedings or website it is part of.
  // Journal names are never case-changed by styles; book and proceedings titles may be.
  (c) => {
    const v = cslText(c.item, 'container-title');
    if (v === undefined) return null;
    if (!isArticle(c)) return { field: 'booktitle', value: latexText(v, true) };
    return { field: c.dialect === 'biblatex' ? 'journaltitle' : 'journal', value: latexText(v) };
  },
  text('container-title-short', 'shortjournal', { when: isArticle }),
  (c) => {
    const v = cslText(c.item, 'event-title') ?? cslText(c.item, 'event');
    return v === undefined ? null : { field: 'eventtitle', value: latexText(v, true) };
  },
  (c) => dateField(cslDate(c.item, 'event-date'), 'eventdate'),
  text('event-place', 'venue'),
  text('collection-title', 'series', { title: true }),
  (c) => {
    if (isArticle(c)) {
      const issue = cslText(c.item, 'issue');
      if (issue === undefined) return null;
      // biblatex: `number` is the issue number, `issue` a named issue ("Spring", "Special issue").
      const field = c.dialect === 'biblatex' && !/\d/.test(issue) ? 'issue' : 'number';
      return { field, value: latexText(issue) };
    }
    const v = BOOKISH.has(c.entry) ? cslText(c.item, 'collection-number') : cslText(c.item, 'number');
    return v === undefined ? null : { field: 'number', value: latexText(v) };
  },
  text('volume', 'volume'),
  text('number-of-volumes', 'volumes'),
  text('edition', 'edition'),
  text('chapter-number', 'chapter'),
  text('page', 'pages'),
  text('number-of-pages', 'pagetotal'),
  text('genre', 'type'),
  (c) => {
    const subtype = c.dialect === 'biblatex' ? ENTRY_TYPES[c.type]?.subtype : undefined;
    return subtype ? { field: 'entrysubtype', value: subtype } : null;
  },
  text('publisher', (c) => {
    if (c.entry === 'report' || c.entry === 'techreport' || c.entry === 'thesis') return 'institution';
    if (c.entry === 'phdthesis' || c.entry === 'mastersthesis') return 'school';
    if (c.entry === 'online') return 'organization';
    return 'publisher';
  }),
  text('authority', 'organization', { when: (c) => AUTHORITY_TYPES.has(c.entry) }),
  text('publisher-place', byDialect('location', 'address')),
  (c) => issuedFields(c),
  (c) => {
    const accessed = cslDate(c.item, 'accessed')?.points[0];
    return accessed ? { field: 'urldate', value: isoDate(accessed) } : null;
  },
  verbatim('DOI', 'doi'),
  text('ISBN', 'isbn'),
  text('ISSN', 'issn'),
  verbatim('URL', 'url'),
  (c) => {
    const url = cslText(c.item, 'URL');
    return url !== undefined && c.dialect === 'bibtex' && c.entry === 'misc' ? { field: 'howpublished', value: `\\url{${latexVerbatim(url)}}` } : null;
  },
  text('language', 'language'),
  text('keyword', 'keywords'),
  text('abstract', 'abstract'),
  text('note', 'note'),
];

/** A BibLaTeX date field: ISO 8601 (`2011-03-04`), a range with `/`, `~` for circa. */
function dateField(date: DateValue | null, field: string): Written | null {
  if (!date || date.points.length === 0) return null;
  const value = date.points.map(isoDate).join('/') + (date.circa ? '~' : '');
  return { field, value };
}

/**
 * The publication date: BibLaTeX's `date`, BibTeX's `year` and `month` (a month macro; BibTeX has
 * no day). A date that is only text ("forthcoming", "Spring 2007") goes in `year`, which both
 * accept as text, since biber rejects a `date` that is not ISO 8601.
 */
function issuedFields(c: Ctx): Written[] | null {
  const date = cslDate(c.item, 'issued');
  if (!date) return null;
  const first = date.points[0];
  if (!first) return date.literal ? [{ field: 'year', value: latexText(date.literal) }] : null;
  if (c.dialect === 'biblatex') return [dateField(date, 'date') as Written];
  const out: Written[] = [{ field: 'year', value: String(first.year) }];
  if (first.month !== undefined) out.push({ field: 'month', value: MONTHS[first.month - 1] as string, bare: true });
  return out;
}

function entryType(item: CslItem, type: string, dialect: BibDialect): string {
  const mapped = (ENTRY_TYPES[type] ?? MISC)[dialect];
  if (dialect === 'biblatex' && type === 'chapter' && cslNames(item, 'container-author').length > 0) return 'inbook';
  if (dialect === 'bibtex' && type === 'thesis' && /master|\bm\.?\s?(?:a|sc|phil)\b|magist/i.test(cslText(item, 'genre') ?? '')) return 'mastersthesis';
  return mapped;
}

/** One entry, fields in table order, two-space indent, one field per line. */
export function bibEntry(item: CslItem, key: string, dialect: BibDialect): string {
  const type = cslType(item);
  const ctx: Ctx = { item, type, entry: entryType(item, type, dialect), dialect };
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    const result = rule(ctx);
    for (const w of result === null ? [] : Array.isArray(result) ? result : [result]) {
      if (seen.has(w.field) || w.value === '') continue;
      seen.add(w.field);
      lines.push(`  ${w.field} = ${w.bare ? w.value : `{${w.value}}`}`);
    }
  }
  return `@${ctx.entry}{${key},\n${lines.join(',\n')}${lines.length ? '\n' : ''}}\n`;
}

