/**
 * Translation of what a person types into a search box into FTS5 query syntax that can never
 * raise a syntax error. Every word and phrase is emitted as a double-quoted FTS5 string (so
 * `AND`, `NEAR`, `(`, `^`, `:` … are plain text), and only the operators we generate ourselves
 * (implicit AND, `NOT`, `OR`, `*`, `column:`) reach FTS5.
 *
 * Supported: words (all must match), "exact phrases", `word*` prefixes, `-word` / `-"phrase"`
 * exclusions, and `column:word` for the columns of `cases_fts` (title, summary, fields, note;
 * `field:` is accepted for `fields:`).
 */

export const FTS_COLUMNS = ['title', 'summary', 'fields', 'note'] as const;
export type FtsColumn = (typeof FTS_COLUMNS)[number];

const COLUMN_ALIASES: Record<string, FtsColumn> = {
  title: 'title',
  summary: 'summary',
  fields: 'fields',
  field: 'fields',
  note: 'note',
  notes: 'note',
};

export interface SearchTerm {
  text: string;
  phrase: boolean;
  prefix: boolean;
  exclude: boolean;
  column: FtsColumn | null;
}

/**
 * `all`: nothing to search for (list everything); `match`: rows matching `match`;
 * `exclude`: every row except those matching `match` (the query had only `-terms`, which FTS5
 * cannot express on its own).
 */
export type FtsQuery = { kind: 'all' } | { kind: 'match'; match: string } | { kind: 'exclude'; match: string };

// unicode61 keeps letters, numbers and private-use characters as token characters; a term with
// none of them would become an empty FTS5 string, which matches nothing, so it is dropped.
const HAS_TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** Splits a user's query into terms; never throws, whatever the input. */
export function parseSearchTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  // Control characters (NUL above all, which ends an FTS5 string early) only ever separate words.
  const s = input.normalize('NFC').replace(/\p{Cc}/gu, ' ');
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/u.test(s[i] as string)) i++;
    if (i >= s.length) break;

    let exclude = false;
    if (s[i] === '-' && i + 1 < s.length && !/\s/u.test(s[i + 1] as string)) {
      exclude = true;
      i++;
    }

    let column: FtsColumn | null = null;
    const colMatch = /^([A-Za-z]+):(?=\S)/.exec(s.slice(i, i + 12));
    if (colMatch) {
      const alias = COLUMN_ALIASES[(colMatch[1] as string).toLowerCase()];
      if (alias) {
        column = alias;
        i += colMatch[0].length;
      }
    }

    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      const text = end === -1 ? s.slice(i + 1) : s.slice(i + 1, end);
      i = end === -1 ? s.length : end + 1;
      let prefix = false;
      if (s[i] === '*') {
        prefix = true;
        i++;
      }
      pushTerm(terms, { text, phrase: true, prefix, exclude, column });
      continue;
    }

    let j = i;
    while (j < s.length && !/\s/u.test(s[j] as string)) j++;
    let text = s.slice(i, j);
    i = j;
    let prefix = false;
    if (text.endsWith('*')) {
      text = text.replace(/\*+$/, '');
      prefix = true;
    }
    pushTerm(terms, { text, phrase: false, prefix, exclude, column });
  }
  return terms;
}

function pushTerm(terms: SearchTerm[], term: SearchTerm): void {
  const text = term.text.trim();
  if (!HAS_TOKEN_CHAR.test(text)) return;
  terms.push({ ...term, text });
}

function termToFts(term: SearchTerm): string {
  const quoted = `"${term.text.replace(/"/g, '""')}"${term.prefix ? '*' : ''}`;
  return term.column ? `${term.column}:${quoted}` : quoted;
}

/** The safe FTS5 form of a user's query (see the module comment for what is understood). */
export function toFtsQuery(input: string): FtsQuery {
  const terms = parseSearchTerms(input);
  const include = terms.filter((t) => !t.exclude).map(termToFts);
  const exclude = terms.filter((t) => t.exclude).map(termToFts);
  if (include.length === 0 && exclude.length === 0) return { kind: 'all' };
  if (include.length === 0) return { kind: 'exclude', match: exclude.join(' OR ') };
  const positive = include.length === 1 ? (include[0] as string) : `(${include.join(' ')})`;
  return { kind: 'match', match: [positive, ...exclude.map((e) => `NOT ${e}`)].join(' ') };
}
