/** One `@…{…}` block of a BibTeX file, cut out with its start line before any parsing. */
export interface BibChunk {
  /** Lower-case entry type: `article`, `string`, `preamble` … */
  type: string;
  /** The citation key ('' for `@string`/`@preamble` or when missing). */
  key: string;
  /** 1-based line of the `@`. */
  line: number;
  text: string;
  /** Why the block is broken (it is then not parsed), or null. */
  problem: string | null;
}

const ENTRY_START = /@[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*([{(])/y;
const LINE_ENTRY_START = /[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/y;
const KEY = /^\s*([^,\s{}()"=#%]+)\s*,/;

/**
 * Cuts BibTeX/BibLaTeX text into entries by brace matching, so each entry can be parsed (and
 * fail) on its own and every problem can name its line. An entry whose braces never close ends
 * where the next line starting with `@type{` begins, so one missing brace spoils only its entry.
 * Text outside entries is a comment, as in BibTeX; `@comment{…}` blocks are skipped.
 */
export function splitBibtex(text: string): BibChunk[] {
  const chunks: BibChunk[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c !== 64 /* @ */) {
      i++;
      continue;
    }
    ENTRY_START.lastIndex = i;
    const m = ENTRY_START.exec(text);
    if (!m) {
      i++;
      continue;
    }
    const type = (m[1] as string).toLowerCase();
    const parens = m[2] === '(';
    const start = i;
    const startLine = line;
    let j = ENTRY_START.lastIndex;
    let depth = 0;
    let end = -1;
    let problem: string | null = null;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d === 10) {
        line++;
        LINE_ENTRY_START.lastIndex = j + 1;
        if (type !== 'comment' && LINE_ENTRY_START.test(text)) {
          problem = parens ? 'has no closing parenthesis' : 'has no closing brace';
          end = j;
          break;
        }
      } else if (d === 92 /* \ */) {
        if (text.charCodeAt(j + 1) === 10) line++;
        j++;
      } else if (d === 123 /* { */) {
        depth++;
      } else if (d === 125 /* } */) {
        if (depth === 0 && !parens) {
          end = j + 1;
          break;
        }
        depth--;
      } else if (d === 41 /* ) */ && parens && depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end === -1) {
      problem = parens ? 'has no closing parenthesis' : 'has no closing brace';
      end = n;
    }
    const body = text.slice(ENTRY_START.lastIndex, end);
    const key = type === 'string' || type === 'preamble' || type === 'comment' ? '' : (KEY.exec(body)?.[1] ?? '');
    if (type === 'comment' && problem) problem = 'is not closed, so the rest of the file was read as a comment';
    // Closed comments are dropped; an unclosed one is kept so the problem is reported.
    if (type !== 'comment' || problem) chunks.push({ type, key, line: startLine, text: text.slice(start, end), problem });
    // `line` already counts the entry's newlines, including the one an unclosed entry was cut at.
    i = problem && end < n && text.charCodeAt(end) === 10 ? end + 1 : end;
  }
  return chunks;
}
