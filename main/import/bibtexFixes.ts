import { NAME_VARIABLES } from '../../common/domain/sources';
import { bibEntryToCsl } from './citationJs';

/**
 * What citation-js 0.8 reads differently from what a BibTeX or BibLaTeX file means, fixed around
 * it: `prepareFields` marks the raw LaTeX before citation-js decodes it, `finishCsl` turns those
 * marks into CSL and fills in what the mapping dropped.
 *
 * The marks are Unicode noncharacters (U+FDD0–U+FDD2), which never occur in interchange text;
 * any already in the file are removed first, so a file cannot forge one.
 */

const NOCASE_OPEN = '\uFDD0';
const NOCASE_CLOSE = '\uFDD1';
const INSTITUTION = '\uFDD2';
const NONCHARACTERS = /[\uFDD0-\uFDEF]/g;
const NOCASE_MARKED = /\uFDD0([^\uFDD0\uFDD1]*)\uFDD1/g;
const MAX_DEPTH = 8;

/** Fields whose text styles may re-case, where a braced phrase means “keep this as written”. */
const TITLE_FIELDS = new Set(
  (
    'title subtitle titleaddon shorttitle booktitle booksubtitle booktitleaddon maintitle mainsubtitle maintitleaddon ' +
    'eventtitle issuetitle issuesubtitle origtitle series journal journaltitle journalsubtitle'
  ).split(' '),
);
const NAME_FIELDS = new Set(
  (
    'author bookauthor editor editora editorb editorc translator annotator commentator introduction foreword afterword ' +
    'holder namea nameb namec shortauthor shorteditor sortname'
  ).split(' '),
);
/** Accent commands written with a symbol (`\'{e}`, `\"{u}`): the group after them is their argument. */
const ACCENT_SYMBOLS = new Set(["'", '`', '^', '"', '~', '=', '.']);
/** The genre citation-js gives an entry type when the entry has no `type` field; `null` drops it. */
const PLACEHOLDER_GENRES: Record<string, { genre: string; label: string | null }> = {
  techreport: { genre: 'techreport', label: null },
  phdthesis: { genre: 'phdthesis', label: null },
  mastersthesis: { genre: 'mathesis', label: 'Master’s thesis' },
};
const SUBTYPES: Record<string, string> = { newspaper: 'article-newspaper', magazine: 'article-magazine' };

/**
 * Raw fields → the fields citation-js is given. In titles, a braced group of several words
 * (`{EU NAVFOR}`) is marked to become `<span class="nocase">`; a braced single word (`{Atalanta}`,
 * how BibTeX files, ours included, keep each capital) and a group holding the whole title stay
 * plain text, since titles are stored as written. In name lists, a name written as one brace
 * group (`{NATO}`, `{United Nations}`) is marked as an institution.
 */
export function prepareFields(properties: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(properties).map(([field, value]) => {
      if (typeof value !== 'string') return [field, value];
      const clean = value.replace(NONCHARACTERS, '');
      return [field, TITLE_FIELDS.has(field) ? markNocase(clean) : NAME_FIELDS.has(field) ? markInstitutions(clean) : clean];
    }),
  );
}

interface Group {
  start: number;
  /** A group that is a command's argument (`\textit{…}`, `\'{e}`) does not protect case. */
  argument: boolean;
  /** Not inside a case-protecting group. */
  outermost: boolean;
}

/** Positions `[open, close]` of the outermost case-protecting brace groups in a LaTeX value. */
function protectingGroups(latex: string): [number, number][] {
  const found: [number, number][] = [];
  const stack: Group[] = [];
  let argumentNext = false;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === '\\') {
      const command = /^\\(?:([A-Za-z]+)\s*|(.))/s.exec(latex.slice(i, i + 64));
      const length = command?.[0].length ?? 1;
      argumentNext = command?.[1] !== undefined || ACCENT_SYMBOLS.has(command?.[2] ?? '');
      argumentNext &&= latex[i + length] === '{';
      i += length - 1;
      continue;
    }
    if (c === '{') {
      stack.push({ start: i, argument: argumentNext, outermost: stack.every((g) => g.argument) });
    } else if (c === '}') {
      const group = stack.pop();
      if (group && !group.argument && group.outermost) found.push([group.start, i]);
    }
    argumentNext = false;
  }
  return found;
}

function markNocase(latex: string): string {
  if (!latex.includes('{')) return latex;
  let out = '';
  let last = 0;
  for (const [open, close] of protectingGroups(latex)) {
    const inner = latex.slice(open + 1, close).trim();
    const wholeValue = latex.slice(0, open).trim() === '' && latex.slice(close + 1).trim() === '';
    // `{\'e}`, `{\aa}`: a special character, not protected text. One word: BibTeX's per-word protection.
    if (inner === '' || inner.startsWith('\\') || wholeValue || !/\s|(?<!\\)~/.test(inner)) continue;
    out += `${latex.slice(last, open)}${NOCASE_OPEN}${latex.slice(open, close + 1)}${NOCASE_CLOSE}`;
    last = close + 1;
  }
  return out + latex.slice(last);
}

/** Splits a name list at ` and ` outside braces; each piece is marked when it is one brace group. */
function markInstitutions(latex: string): string {
  if (!latex.includes('{')) return latex;
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(c as string)) {
      const and = /^\s+and\s+/i.exec(latex.slice(i, i + 64));
      if (and) {
        pieces.push(latex.slice(start, i));
        i += and[0].length - 1;
        start = i + 1;
      }
    }
  }
  pieces.push(latex.slice(start));
  return pieces
    .map((piece) => {
      const name = piece.trim();
      if (!name.startsWith('{') || !name.endsWith('}') || closingBrace(name) !== name.length - 1) return piece;
      const inner = name.slice(1, -1).trim();
      return inner === '' || inner.startsWith('\\') ? piece : `{${INSTITUTION}${inner}}`;
    })
    .join(' and ');
}

/** Index of the brace closing the one at 0, or -1. */
function closingBrace(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * citation-js's CSL for one entry → ours: marks become nocase spans and literal names; `@article`
 * with `entrysubtype` newspaper or magazine gets that type; a `number` no mapping took is kept;
 * placeholder genres from the entry type are dropped. `raw` is the entry as given to citation-js.
 */
export function finishCsl(csl: Record<string, unknown>, raw: { type: string; properties: Record<string, string | number> }): Record<string, unknown> {
  const out = unmark(csl, 0) as Record<string, unknown>;
  const props = raw.properties;
  const field = (name: string) => (typeof props[name] === 'string' ? (props[name] as string).trim() : typeof props[name] === 'number' ? String(props[name]) : '');

  const subtype = field('entrysubtype').toLowerCase();
  if (raw.type === 'article' && SUBTYPES[subtype]) {
    out.type = SUBTYPES[subtype];
    if (typeof out.genre === 'string' && out.genre.toLowerCase() === subtype) delete out.genre;
  }

  const placeholder = PLACEHOLDER_GENRES[raw.type];
  if (placeholder && field('type') === '' && out.genre === placeholder.genre) {
    if (placeholder.label) out.genre = placeholder.label;
    else delete out.genre;
  }

  if (field('number') !== '' && out.number === undefined && out.issue === undefined && out['collection-number'] === undefined) {
    const decoded = decodeLiteral(props.number as string | number);
    const periodical = typeof out.type === 'string' && (out.type.startsWith('article') || out.type === 'periodical');
    if (decoded) out[periodical ? 'issue' : 'number'] = decoded;
  }
  return out;
}

/** A literal field's LaTeX decoded the way citation-js decodes it. */
function decodeLiteral(value: string | number): string | null {
  try {
    const decoded = bibEntryToCsl({ type: 'report', label: 'x', properties: { title: 'x', number: value } }).number;
    return typeof decoded === 'string' || typeof decoded === 'number' ? String(decoded).replace(NONCHARACTERS, '') : null;
  } catch {
    return null;
  }
}

/** Marks → CSL: nocase spans in text, literal names for institutions; stray marks are dropped. */
function unmark(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return value.includes('\uFDD0') || value.includes('\uFDD1') || value.includes(INSTITUTION)
      ? value.replace(NOCASE_MARKED, (_m, inner: string) => (inner.trim() ? `<span class="nocase">${inner}</span>` : inner)).replace(NONCHARACTERS, '')
      : value;
  }
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => unmark(v, depth + 1));
  // fromEntries defines own properties, so even a `__proto__` key cannot change the prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, NAME_VARIABLES.has(key) && Array.isArray(v) ? v.map((n) => unmarkName(n, depth + 1)) : unmark(v, depth + 1)]),
  );
}

function unmarkName(name: unknown, depth: number): unknown {
  if (typeof name !== 'object' || name === null || Array.isArray(name)) return name;
  const n = name as Record<string, unknown>;
  const family = typeof n.family === 'string' ? n.family : '';
  const marked = Object.values(n).some((v) => typeof v === 'string' && v.includes(INSTITUTION));
  if (marked && family.includes(INSTITUTION) && Object.keys(n).every((k) => k === 'family')) {
    return { literal: family.replace(NONCHARACTERS, '').trim() };
  }
  return unmark(n, depth);
}
