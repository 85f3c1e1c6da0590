import { DATE_VARIABLES, NAME_VARIABLES, type CslItem } from '../../common/domain/sources';
import { safeCopy } from '../store/sourcesCsl';
import { cslNames, NAME_PARTS } from './cslRead';

/**
 * CSL-JSON out: each record with `id` and `citation-key` set to the citekey (our internal id never
 * leaves), and every value in the shape the CSL 1.0.2 data schema asks for (see
 * `csl-data.schema.json`): names as name objects, dates as date objects, other variables as text
 * or (for number-like variables) numbers. Values of the wrong shape, which only a hostile or broken
 * file could have put there, are dropped rather than written out invalid.
 */

/** The item types of CSL 1.0.2. A record of another type is written as `document`. */
export const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
] as const;
const TYPE_SET = new Set<string>(CSL_TYPES);

/** CSL 1.0.2 name variables (the store checks a subset; all are written as names). */
export const CSL_NAME_VARIABLES = new Set([
  ...NAME_VARIABLES, 'chair', 'compiler', 'contributor', 'curator', 'executive-producer', 'guest', 'host', 'narrator',
  'organizer', 'performer', 'producer', 'script-writer', 'series-creator',
]);
export const CSL_DATE_VARIABLES = new Set([...DATE_VARIABLES, 'available-date']);
/** Variables the schema lets be a number as well as text; every other variable is text. */
export const CSL_NUMBER_VARIABLES = new Set([
  'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue', 'locator',
  'number', 'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part-number', 'printing-number', 'section',
  'supplement-number', 'version', 'volume',
]);

const VARIABLE_NAME = /^(?!__proto__$|constructor$|prototype$)[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function cleanDate(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const d = value as Record<string, unknown>;
  const get = (k: string) => (Object.prototype.hasOwnProperty.call(d, k) ? d[k] : undefined);
  const out: Record<string, unknown> = {};
  const parts = get('date-parts');
  if (Array.isArray(parts)) {
    const clean = parts
      .slice(0, 2)
      .filter((p): p is unknown[] => Array.isArray(p))
      .map((p) => p.slice(0, 3).filter((x) => (typeof x === 'number' && Number.isInteger(x)) || (typeof x === 'string' && /^\s*-?\d+\s*$/.test(x))))
      .filter((p) => p.length > 0);
    if (clean.length > 0) out['date-parts'] = clean;
  }
  const season = get('season');
  if (typeof season === 'string' || (typeof season === 'number' && Number.isFinite(season))) out.season = season;
  const circa = get('circa');
  if (typeof circa === 'boolean' || typeof circa === 'string' || (typeof circa === 'number' && Number.isFinite(circa))) out.circa = circa;
  for (const k of ['literal', 'raw', 'edtf']) {
    const text = get(k);
    if (typeof text === 'string' && text.trim() !== '') out[k] = text;
  }
  return out['date-parts'] || out.literal || out.raw || out.edtf ? out : null;
}

function cleanValue(key: string, value: unknown): unknown {
  if (CSL_NAME_VARIABLES.has(key)) {
    // Name parts in a fixed order, so equal records give equal text.
    const list = cslNames({ [key]: value }, key).map((n) => Object.fromEntries(NAME_PARTS.filter((p) => n[p] !== undefined).map((p) => [p, n[p]])));
    return list.length > 0 ? list : undefined;
  }
  if (CSL_DATE_VARIABLES.has(key)) return cleanDate(value) ?? undefined;
  if (key === 'custom') return typeof value === 'object' && value !== null && !Array.isArray(value) ? safeCopy(value) : undefined;
  if (key === 'categories') {
    const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
    return list.length > 0 ? list : undefined;
  }
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return CSL_NUMBER_VARIABLES.has(key) ? value : String(value);
  return undefined;
}

/** One record for the CSL-JSON array: `id`, `type`, `citation-key`, then the other variables alphabetically. */
export function cslJsonItem(item: CslItem, key: string): Record<string, unknown> {
  const rawType = item.type;
  const type = typeof rawType === 'string' && TYPE_SET.has(rawType) ? rawType : 'document';
  const out: [string, unknown][] = [
    ['id', key],
    ['type', type],
    ['citation-key', key],
  ];
  const keys = Object.keys(item)
    .filter((k) => VARIABLE_NAME.test(k) && k !== 'id' && k !== 'type' && k !== 'citation-key')
    .sort();
  for (const k of keys) {
    const value = cleanValue(k, item[k]);
    if (value !== undefined) out.push([k, value]);
  }
  return Object.fromEntries(out);
}
