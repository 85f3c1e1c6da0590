import type { SourceType } from '../../../../common/domain/sources';

/** How a CSL variable is edited in the source detail. */
export type FieldKind = 'text' | 'names' | 'date' | 'url' | 'multiline';

export interface SourceFieldSpec {
  /** The CSL-JSON variable. */
  variable: string;
  label: string;
  kind: FieldKind;
  placeholder?: string;
}

const f = (variable: string, label: string, kind: FieldKind = 'text', placeholder?: string): SourceFieldSpec => ({ variable, label, kind, placeholder });

const AUTHORS = f('author', 'Authors', 'names');
const EDITORS = f('editor', 'Editors', 'names');
const TITLE = f('title', 'Title', 'multiline');
const ISSUED = f('issued', 'Date', 'date');
const YEAR = f('issued', 'Year', 'date');
const URL = f('URL', 'URL', 'url', 'https://…');
const ACCESSED = f('accessed', 'Accessed', 'date');
const DOI = f('DOI', 'DOI', 'text', '10.…');
const PUBLISHER = f('publisher', 'Publisher');
const PLACE = f('publisher-place', 'Place');
const PAGES = f('page', 'Pages', 'text', '12–34');
const VOLUME = f('volume', 'Volume');
const ISSUE = f('issue', 'Issue');
const NUMBER = f('number', 'Number');
const AUTHORITY = f('authority', 'Authority', 'text', 'e.g. UN Security Council');
const CONTAINER = (label: string) => f('container-title', label);

/**
 * The fields that matter for each source type, in the order an analyst fills them. Other CSL
 * variables a record carries (from an import, or from its previous type) are kept and listed
 * under "Other fields", never dropped.
 */
export const SOURCE_TYPE_FIELDS: Record<SourceType, SourceFieldSpec[]> = {
  book: [AUTHORS, EDITORS, TITLE, PUBLISHER, PLACE, YEAR, f('edition', 'Edition'), f('ISBN', 'ISBN')],
  chapter: [AUTHORS, TITLE, CONTAINER('Book title'), f('editor', 'Book editors', 'names'), PUBLISHER, PLACE, YEAR, PAGES, f('ISBN', 'ISBN')],
  'article-journal': [AUTHORS, TITLE, CONTAINER('Journal'), VOLUME, ISSUE, PAGES, ISSUED, DOI, URL],
  report: [AUTHORS, TITLE, f('publisher', 'Publisher / institution'), f('number', 'Report number'), f('collection-title', 'Series'), PLACE, ISSUED, URL, ACCESSED],
  webpage: [AUTHORS, TITLE, CONTAINER('Website'), ISSUED, URL, ACCESSED],
  'article-newspaper': [AUTHORS, TITLE, CONTAINER('Newspaper'), PLACE, ISSUED, PAGES, URL, ACCESSED],
  thesis: [AUTHORS, TITLE, f('genre', 'Genre', 'text', 'e.g. PhD thesis'), f('publisher', 'University'), PLACE, YEAR, URL],
  speech: [AUTHORS, TITLE, f('event-title', 'Event'), f('event-place', 'Place'), ISSUED, URL, ACCESSED],
  document: [AUTHORITY, AUTHORS, TITLE, f('number', 'Document number', 'text', 'e.g. S/RES/1851 (2008)'), ISSUED, URL, ACCESSED],
  treaty: [TITLE, AUTHORITY, f('number', 'Treaty number'), CONTAINER('Treaty series'), VOLUME, PAGES, f('issued', 'Date signed', 'date'), PLACE, URL],
  legislation: [TITLE, AUTHORITY, NUMBER, CONTAINER('Code or official journal'), f('section', 'Section'), ISSUED, URL],
  legal_case: [TITLE, f('authority', 'Court', 'text', 'e.g. International Court of Justice'), f('number', 'Docket number'), CONTAINER('Reporter'), VOLUME, PAGES, ISSUED, URL],
  'article-magazine': [AUTHORS, TITLE, CONTAINER('Magazine'), VOLUME, ISSUE, PAGES, ISSUED, URL, ACCESSED],
  'paper-conference': [AUTHORS, TITLE, CONTAINER('Proceedings'), EDITORS, f('event-title', 'Conference'), PUBLISHER, PLACE, ISSUED, PAGES, DOI, URL],
  manuscript: [AUTHORS, TITLE, f('genre', 'Genre'), f('archive', 'Archive'), f('archive_location', 'Archive location'), ISSUED, URL],
};

/** Every type gets these after its own fields. */
export const COMMON_FIELDS: SourceFieldSpec[] = [f('note', 'Note', 'multiline')];

/** Fields for a type (unknown types from imports get the book's, which covers the basics). */
export function fieldsForType(type: string): SourceFieldSpec[] {
  const own = (SOURCE_TYPE_FIELDS as Record<string, SourceFieldSpec[] | undefined>)[type] ?? SOURCE_TYPE_FIELDS.book;
  return [...own, ...COMMON_FIELDS];
}

/** Variables the detail never lists as "other": set by the store or edited elsewhere. */
export const MANAGED_VARIABLES = new Set(['id', 'type', 'citation-key', 'custom']);
