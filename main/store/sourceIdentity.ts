import type { CslItem } from '../../common/domain/sources';

/**
 * Pure helpers that say when two bibliographic records are the same work and give a record its
 * readable citekey. Used by the sources store (derived columns, citekeys) and by import
 * (duplicate detection), so both agree on what "the same" means.
 */

/** A CSL name as read from stored CSL (every part optional). */
interface NameParts {
  family?: unknown;
  given?: unknown;
  literal?: unknown;
  'non-dropping-particle'?: unknown;
}

/** Lower-case ASCII letters and digits of a string: accents dropped ("Ó Tuathail" → "otuathail"). */
export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Text normalised for comparison: lower-case, diacritics removed, punctuation and spaces collapsed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A DOI in the form used for comparison: resolver prefixes (`https://doi.org/`, `doi:`) removed,
 * lower-case (DOIs are case-insensitive). Null when the text holds no DOI.
 */
export function normaliseDoi(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  const match = /10\.\d{4,9}\/\S+/.exec(text);
  if (!match) return null;
  return match[0].replace(/[.,;]+$/, '').toLowerCase();
}

/**
 * The first ISBN in a CSL `ISBN` value as 13 digits (an ISBN-10 is converted, so the two forms of
 * one book compare equal). Null when there is no well-formed ISBN.
 */
export function normaliseIsbn(raw: unknown): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  for (const candidate of String(raw).split(/[\s,;]+(?=[0-9])/)) {
    const compact = candidate.replace(/[^0-9Xx]/g, '').toUpperCase();
    if (/^97[89]\d{10}$/.test(compact)) return compact;
    if (/^\d{9}[\dX]$/.test(compact)) {
      const core = `978${compact.slice(0, 9)}`;
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += Number(core[i]) * (i % 2 === 0 ? 1 : 3);
      return `${core}${(10 - (sum % 10)) % 10}`;
    }
  }
  return null;
}

/** The year of a CSL item's `issued` date, or null. */
export function cslYear(csl: CslItem): number | null {
  const issued = csl.issued;
  if (typeof issued !== 'object' || issued === null) return null;
  const parts = (issued as { 'date-parts'?: unknown })['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const y = Number(parts[0][0]);
    if (Number.isInteger(y) && y > 0 && y < 10_000) return y;
  }
  for (const key of ['literal', 'raw'] as const) {
    const text = (issued as Record<string, unknown>)[key];
    if (typeof text === 'string') {
      const m = /\b(\d{4})\b/.exec(text);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** A string variable of a CSL item ('' when missing or not text). */
export function cslText(csl: CslItem, key: string): string {
  const v = csl[key];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** The names of a CSL name variable, ignoring malformed entries. */
export function cslNames(csl: CslItem, key: string): NameParts[] {
  const v = csl[key];
  return Array.isArray(v) ? v.filter((n): n is NameParts => typeof n === 'object' && n !== null) : [];
}

/** The authors of a work, or its editors when it has no author (an edited volume). */
export function creatorsOf(csl: CslItem): NameParts[] {
  const authors = cslNames(csl, 'author');
  return authors.length > 0 ? authors : cslNames(csl, 'editor');
}

/** How one name sorts and shows in a list: the family name with its particle, or an institution's literal name. */
export function nameLabel(name: NameParts): string {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const literal = str(name.literal);
  if (literal) return literal;
  const family = str(name.family);
  const particle = str(name['non-dropping-particle']);
  if (family) return particle ? `${particle} ${family}` : family;
  return str(name.given);
}

/** Full text of a name for searching (given and family names, or the literal). */
export function nameSearchText(name: NameParts): string {
  const parts = [name.given, name['non-dropping-particle'], name.family, name.literal];
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
}

/**
 * The authors column of the sources table: "Crocker", "Crocker and Hampson",
 * "Crocker, Hampson and Aall", "Crocker et al." for four or more; institutions by their name.
 */
export function authorsDisplay(csl: CslItem): string {
  const names = creatorsOf(csl).map(nameLabel).filter(Boolean);
  if (names.length === 0) return '';
  if (names.length === 1) return names[0] as string;
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string}`;
  return `${names[0] as string} et al.`;
}

/**
 * Key for "same title, same first author, same year" duplicate detection: normalised title,
 * first author's family (or institution's) name, year. Null when the item has no title.
 */
export function titleAuthorYearKey(csl: CslItem): string | null {
  const title = normaliseText(cslText(csl, 'title'));
  if (!title) return null;
  const first = creatorsOf(csl)[0];
  const author = first ? normaliseText(nameLabel(first)) : '';
  const year = cslYear(csl);
  return `${title}|${author}|${year ?? ''}`;
}

const STOP_WORDS = new Set(
  (
    'a an the of on in and or for to at by with from into about as is are was were be its it this that these those ' +
    'le la les un une des du de et en au aux der die das ein eine und im am zum zur el los las y del il lo gli i di da'
  ).split(' '),
);

/** "International Crisis Group" → "icg", "African Union (AU)" → "au", "UNSC" → "unsc". */
function institutionKey(literal: string): string {
  const bracketed = /\(([^()]{2,15})\)\s*$/.exec(literal);
  if (bracketed) return asciiFold(bracketed[1] as string);
  const words = literal.split(/[\s\-–—/]+/).filter(Boolean);
  if (words.length === 1) return asciiFold(literal);
  const significant = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  // Words that are already abbreviations (all capitals: "UN", "EU") are kept whole.
  return asciiFold(significant.map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w.charAt(0))).join(''));
}

/** The first word of a title that is not a stop word, folded to ASCII ("The Collective Challenge…" → "collective"). */
export function firstTitleWord(title: string): string {
  for (const word of title.split(/[\s\p{P}]+/u)) {
    const folded = asciiFold(word);
    if (folded && !STOP_WORDS.has(folded)) return folded;
  }
  return '';
}

/** a, b … z, aa, ab … for the n-th clash (0-based). */
function suffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

/**
 * A readable, unique citekey such as `crocker2011collective`: first author's family name (or an
 * institution's abbreviation), the year or `nd`, the first significant title word; `a`, `b` …
 * appended while `taken(key)` says the key is in use.
 */
export function generateCitekey(csl: CslItem, taken: (key: string) => boolean): string {
  return dedupeCitekey(baseCitekey(csl), taken);
}

/** The citekey of a record before any clash suffix (see generateCitekey). */
export function baseCitekey(csl: CslItem): string {
  const first = creatorsOf(csl)[0];
  let author = '';
  if (first) {
    const literal = typeof first.literal === 'string' ? first.literal.trim() : '';
    author = literal ? institutionKey(literal) : asciiFold(nameLabel(first));
  }
  const year = cslYear(csl);
  const word = firstTitleWord(cslText(csl, 'title'));
  return (author ? `${author.slice(0, 30)}${year ?? 'nd'}${word.slice(0, 20)}` : `${word.slice(0, 20) || 'source'}${year ?? 'nd'}`) || 'source';
}

/** `key` if it is free, else `key` + a, b … z, aa … — the first that `taken` says is free. */
export function dedupeCitekey(key: string, taken: (key: string) => boolean): string {
  if (!taken(key)) return key;
  for (let n = 0; ; n++) {
    const candidate = `${key}${suffix(n)}`;
    if (!taken(candidate)) return candidate;
  }
}
