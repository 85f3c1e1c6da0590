import type { LocatorLabel } from '../../common/domain/sources';
import { MISSING_SOURCE_TEXT } from '../citations/citationFormatter';
import { readLocale, type CslNode } from '../citations/cslCatalogue';
import { decodeEntities } from './citationRuns';
import { safeLinkUrl, type Block, type Dossier, type DossierFootnote, type Inline, type Run } from './documentModel';
import { cleanText, oneLineText } from './renderBibliography';

/**
 * A dossier as Pandoc Markdown, written to be run through `pandoc --citeproc` with the CSL-JSON
 * bibliography and the CSL style written beside it, so that Pandoc formats every citation in the
 * dossier's style and makes the bibliography itself.
 *
 * Footnotes become Pandoc citations: `[@key, p. 49; @other]` for a footnote of citations only
 * (a note style turns it into a footnote, an in-text style into a parenthetical). A footnote with
 * the analyst's own words is a footnote of ours, `[^3]`, defined after the case as
 * `[^3]: [@key, p. 49] Commentary.`; Pandoc formats a citation inside a note as a note citation.
 * Citations whose source is gone keep the text our formatter gave them (Pandoc could not format
 * them), in a footnote too. Locators are written with the locale's own term (`p.`, `chap.`,
 * `S.`), which is what Pandoc reads as the label.
 *
 * Note text is the analyst's, not markup: every character Pandoc could read as Markdown (emphasis,
 * links, raw HTML, math, citations — `@` and `[` above all) is backslash-escaped, and what would
 * start a block at the start of a line (a list number, `-`, `:`) is escaped there, so the text
 * comes out of Pandoc as written. Pandoc's typographic `smart` extension still curls straight
 * quotes and turns `--` into a dash, as it would for any Markdown.
 */

export interface MarkdownFiles {
  /** File name of the CSL-JSON bibliography, relative to the Markdown file. */
  bibliography: string;
  /** File name of the CSL style, relative to the Markdown file. */
  csl: string;
}

// ── Escaping ─────────────────────────────────────────────────────────────────────────────────

/** Characters escaped wherever they appear in text. */
const ALWAYS = /[\\`*_{}[\]<>#~^@|$&!]/g;

/** Text as Markdown inline content: specials escaped; tabs and newlines as spaces (callers split lines first). */
export function escapeMarkdownText(text: string): string {
  return cleanText(text).replace(/[\t\n]/g, ' ').replace(ALWAYS, (c) => `\\${c}`);
}

/** Text for a file name in the front matter: every ASCII punctuation escaped, so no typography applies. */
function escapeMetaLiteral(text: string): string {
  return oneLineText(text).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * Escapes what would start a block at the beginning of a line: indentation (a code block),
 * list markers (`-`, `+`, `1.`, `a)`, `(iv)`), definition and div colons, setext underlines.
 * Applied to the text at the start of each line; the markup this module writes never starts
 * with these characters, so only text is touched.
 */
function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t\u00a0]+/, '');
  if (/^[-+:=]/.test(trimmed)) return `\\${trimmed}`;
  const marker = /^(\(?)([0-9]{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=\s|$)/.exec(trimmed);
  if (marker) {
    const [, paren, label, punct] = marker as unknown as [string, string, string, string];
    return `${paren ? '\\(' : ''}${label}\\${punct}${trimmed.slice(marker[0].length)}`;
  }
  return trimmed;
}

/** A YAML double-quoted scalar (JSON's escapes are YAML's), with every non-printable character escaped. */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// ── Runs ─────────────────────────────────────────────────────────────────────────────────────

type FormatKey = 'smallCaps' | 'underline' | 'bold' | 'italic' | 'strike' | 'sup' | 'sub' | 'code';

/** Outermost first: a run's formats always open in this order, so nesting is consistent. */
const FORMAT_ORDER: readonly FormatKey[] = ['smallCaps', 'underline', 'bold', 'italic', 'strike', 'sup', 'sub', 'code'];

const OPEN: Record<Exclude<FormatKey, 'code'>, string> = {
  smallCaps: '[',
  underline: '[',
  bold: '**',
  italic: '*',
  strike: '~~',
  sup: '^',
  sub: '~',
};
const CLOSE: Record<Exclude<FormatKey, 'code'>, string> = {
  smallCaps: ']{.smallcaps}',
  underline: ']{.underline}',
  bold: '**',
  italic: '*',
  strike: '~~',
  sup: '^',
  sub: '~',
};

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A piece of inline content: runs are formatted text, `raw` is finished Markdown (a link, a
 * citation, a note reference); `cite` marks a bare `[@…]` citation.
 */
type Piece = { kind: 'run'; run: Run } | { kind: 'break' } | { kind: 'raw'; markdown: string; cite?: boolean };

/**
 * Pieces as Markdown lines (split at hard breaks). Formats nest in FORMAT_ORDER; a format shared
 * by neighbouring runs stays open across them. Pandoc does not read a delimiter next to
 * whitespace on its inner side (`** x**`), so a run's leading and trailing whitespace is written
 * outside its delimiters. Superscript and subscript cannot hold a plain space, so spaces inside
 * them are escaped.
 */
function piecesToLines(pieces: readonly Piece[]): string[] {
  const lines: string[] = [];
  let line = '';
  const stack: FormatKey[] = [];
  /** Whitespace owed before the next text: '' none, ' ' a space, '\\ ' a no-break space. */
  let pendingSpace = '';
  let afterCite = false;
  const inSupSub = () => stack.includes('sup') || stack.includes('sub');
  const closeTo = (depth: number) => {
    while (stack.length > depth) {
      const key = stack.pop() as FormatKey;
      if (key !== 'code') line += CLOSE[key];
    }
  };
  const flushSpace = () => {
    if (pendingSpace) line += inSupSub() ? '\\ ' : pendingSpace;
    pendingSpace = '';
  };
  const endLine = () => {
    closeTo(0);
    pendingSpace = '';
    lines.push(line);
    line = '';
  };

  for (const piece of pieces) {
    if (piece.kind === 'break') {
      endLine();
      afterCite = false;
      continue;
    }
    if (piece.kind === 'raw') {
      closeTo(0);
      flushSpace();
      // `[@a][@b]` or `[@a][text](url)` would read as a reference link; a space keeps them apart
      // (Pandoc drops the space before a citation it turns into a note).
      if (afterCite && line.endsWith(']') && piece.markdown.startsWith('[')) line += ' ';
      line += piece.markdown;
      afterCite = piece.cite === true;
      continue;
    }
    afterCite = false;
    const segments = cleanText(piece.run.text).replace(/\t/g, ' ').split('\n');
    segments.forEach((segment, i) => {
      if (i > 0) endLine();
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment) as RegExpExecArray;
      const [, leading, core, trailing] = m as unknown as [string, string, string, string];
      // Whitespace is written as one space, or as Pandoc's escaped space when it holds a no-break space.
      const owe = (ws: string) => {
        if (ws) pendingSpace = /[\u00a0\u202f]/.test(ws) || pendingSpace === '\\ ' ? '\\ ' : ' ';
      };
      if (core === '') {
        owe(segment);
        return;
      }
      owe(leading);
      // A code span inside a bracketed span would let Pandoc match the span's bracket inside the
      // code; small capitals and underline mean little on code, so code keeps only the other formats.
      const wanted = FORMAT_ORDER.filter((k) => piece.run[k] && !(piece.run.code && (k === 'smallCaps' || k === 'underline')));
      let common = 0;
      while (common < stack.length && common < wanted.length && stack[common] === wanted[common] && stack[common] !== 'code') common++;
      closeTo(common);
      flushSpace();
      let opened = '';
      for (const key of wanted.slice(common)) {
        if (key !== 'code') {
          // Some openers run together into other syntax: `~~~` (strikeout and subscript) reads as a
          // stray `~`, `[^` (a span and superscript) as a footnote reference. An empty span between
          // them keeps them apart.
          if ((opened.endsWith('~') && OPEN[key] === '~') || (opened.endsWith('[') && OPEN[key] === '^')) line += '[]{}';
          line += OPEN[key];
          opened += OPEN[key];
        }
        stack.push(key);
      }
      if (piece.run.code) {
        // Backticks right before would lengthen this span's fence.
        if (line.endsWith('`')) line += '[]{}';
        line += codeSpan(core);
        // A code span holds no markup, so it never stays open across runs.
        stack.pop();
      } else {
        const escaped = escapeMarkdownText(core);
        line += inSupSub() ? escaped.replace(/ /g, '\\ ') : escaped;
      }
      owe(trailing);
    });
  }
  closeTo(0);
  lines.push(line);
  return lines.map((l) => l.replace(/[ \t]+$/, ''));
}

// ── Citations ────────────────────────────────────────────────────────────────────────────────

/** Locator labels Pandoc 2.x recognises (its locator map holds only these CSL terms). */
const PANDOC_LABELS: ReadonlySet<LocatorLabel> = new Set(['page', 'chapter', 'section', 'paragraph', 'line', 'figure', 'note', 'part', 'volume']);

/** Terms for the labels Pandoc does not parse, written as text after the citation. */
const FALLBACK_TERMS: Record<string, string> = { table: 'tbl.', article: 'art.', clause: 'cl.' };
/** CSL names the article locator's term `article-locator` (`article` is the genre "preprint"). */
const TERM_NAME: Partial<Record<LocatorLabel, string>> = { article: 'article-locator' };

function termText(node: CslNode): string {
  const single = node.children.find((c): c is CslNode => typeof c === 'object' && c.name === 'single');
  const source = single ?? node;
  return source.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .trim();
}

/** The locale's terms (`name/form` → text) as the CSL locale file gives them. */
function localeTerms(locale: string): Map<string, string> {
  const terms = new Map<string, string>();
  const tree = readLocale(locale) ?? readLocale('en-US');
  const termsNode = tree?.children.find((c): c is CslNode => typeof c === 'object' && c.name === 'terms');
  for (const t of termsNode?.children ?? []) {
    if (typeof t !== 'object' || t.name !== 'term' || !t.attrs.name) continue;
    const text = termText(t);
    if (text) terms.set(`${t.attrs.name}/${t.attrs.form ?? 'long'}`, text);
  }
  return terms;
}

/** Terms a style overrides in its own `<locale>` for this language (or for every language). */
function styleTerms(styleXml: string, locale: string): Map<string, string> {
  const terms = new Map<string, string>();
  const lang = locale.toLowerCase();
  const primary = lang.split('-')[0] ?? lang;
  const blocks: { rank: number; body: string }[] = [];
  for (const m of styleXml.matchAll(/<locale\b([^>]*)>([\s\S]*?)<\/locale>/g)) {
    const which = /xml:lang\s*=\s*"([^"]*)"/.exec(m[1] ?? '')?.[1]?.toLowerCase();
    const rank = which === undefined ? 0 : which === primary ? 1 : which === lang ? 2 : -1;
    if (rank >= 0) blocks.push({ rank, body: m[2] ?? '' });
  }
  // Most general first, so the more specific override wins.
  for (const { body } of blocks.sort((a, b) => a.rank - b.rank)) {
    for (const t of body.matchAll(/<term\b([^>]*)>([\s\S]*?)<\/term>/g)) {
      const attrs = t[1] ?? '';
      const name = /\bname\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      if (!name) continue;
      const form = /\bform\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? 'long';
      const inner = t[2] ?? '';
      const single = /<single>([\s\S]*?)<\/single>/.exec(inner)?.[1];
      const text = decodeEntities((single ?? inner).replace(/<[^>]*>/g, '')).trim();
      if (text) terms.set(`${name}/${form}`, text);
    }
  }
  return terms;
}

interface CitationContext {
  /** The term written before a locator, per label (the style's language). */
  label(label: LocatorLabel): string;
  /** Whether Pandoc reads this label's term as a locator label. */
  pandocKnows(label: LocatorLabel): boolean;
}

function citationContext(dossier: Dossier): CitationContext {
  const base = localeTerms(dossier.locale);
  const overrides = styleTerms(dossier.styleXml, dossier.locale);
  const cache = new Map<LocatorLabel, string>();
  return {
    label(label) {
      const cached = cache.get(label);
      if (cached !== undefined) return cached;
      const name = TERM_NAME[label] ?? label;
      const text =
        overrides.get(`${name}/short`) ?? base.get(`${name}/short`) ?? overrides.get(`${name}/long`) ?? base.get(`${name}/long`) ?? FALLBACK_TERMS[label] ?? label;
      cache.set(label, text);
      return text;
    },
    pandocKnows: (label) => PANDOC_LABELS.has(label),
  };
}

/** A citekey as Pandoc reads it: bare when it is a plain key, in braces otherwise; null if neither works. */
function citekeyMarkdown(key: string): string | null {
  if (/^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u.test(key)) return `@${key}`;
  if (/^[^\s{}[\]@;\\]+$/u.test(key)) return `@{${key}}`;
  return null;
}

/** Brackets and braces in a locator must pair up inside Pandoc's `{…}`; unpaired ones become parentheses. */
function balancedLocator(locator: string): string {
  const open: string[] = [];
  let balanced = true;
  for (const c of locator) {
    if (c === '{' || c === '[') open.push(c);
    else if (c === '}' || c === ']') balanced &&= open.pop() === (c === '}' ? '{' : '[');
  }
  return balanced && open.length === 0 ? locator : locator.replace(/[{[]/g, '(').replace(/[}\]]/g, ')');
}

/** Text inside a citation: Markdown escapes, and `;`, which would start the next citation. */
function escapeCitationText(text: string): string {
  return escapeMarkdownText(text).replace(/;/g, '\\;');
}

type CitationItem = DossierFootnote['citations'][number];

/** One citation in Pandoc syntax: `see @key, {p. 49} for the argument`. */
function citationItemMarkdown(c: CitationItem, key: string, ctx: CitationContext): string {
  let out = '';
  const prefix = oneLineText(c.prefix);
  if (prefix) out += `${escapeCitationText(prefix)} `;
  out += key;
  const locator = oneLineText(c.locator);
  const suffix = oneLineText(c.suffix);
  let hasLocator = false;
  if (locator) {
    const term = escapeCitationText(ctx.label(c.label));
    const value = escapeCitationText(balancedLocator(locator));
    if (ctx.pandocKnows(c.label)) {
      // Braces make Pandoc take everything inside as the locator (after the label), whatever it
      // holds; a plain page number reads better and needs none when nothing follows it.
      out += /^\d+$/.test(locator) && !suffix ? `, ${term} ${value}` : `, {${term} ${value}}`;
      hasLocator = true;
    } else {
      // Pandoc has no term for this label: the locator is written as text after the citation.
      out += `, ${term} ${value}`;
    }
  }
  if (suffix) {
    const text = escapeCitationText(suffix);
    if (/^[,.;:!?)]/.test(suffix)) out += text;
    // Pandoc would read a leading number as a page locator; an empty span in front stops it.
    else if (!hasLocator && !locator && /^\S*\d/.test(suffix)) out += ` []{} ${text}`;
    else out += ` ${text}`;
  }
  return out;
}

/**
 * What one footnote becomes: a bare citation (`[@…]`, Pandoc makes it a note in a note style), or
 * the content of a note of our own: the citations followed by the analyst's commentary, or the
 * formatted text of citations whose source is gone (Pandoc could not format those). Null for an
 * empty footnote.
 */
function footnoteMarkdown(f: DossierFootnote, ctx: CitationContext): { kind: 'cite' | 'note'; markdown: string } | null {
  const keyed: string[] = [];
  let missing = false;
  for (const c of f.citations) {
    const key = c.citekey === null ? null : citekeyMarkdown(c.citekey);
    if (key === null) missing = true;
    else keyed.push(citationItemMarkdown(c, key, ctx));
  }
  const commentary = escapeMarkdownText(oneLineText(f.commentary));
  if (keyed.length > 0 && !missing && !commentary) return { kind: 'cite', markdown: `[${keyed.join('; ')}]` };

  let body: string;
  if (keyed.length === 0) {
    body = piecesToLines(f.citation.map((run) => ({ kind: 'run', run }))).join(' ');
  } else {
    body = `[${keyed.join('; ')}]`;
    if (missing) body += `; ${escapeMarkdownText(MISSING_SOURCE_TEXT)}`;
  }
  const text = [body, commentary].filter((s) => s !== '').join(' ');
  return text ? { kind: 'note', markdown: text } : null;
}

// ── Blocks ───────────────────────────────────────────────────────────────────────────────────

interface Context {
  footnotes: ReadonlyMap<number, DossierFootnote>;
  citations: CitationContext;
  inText: boolean;
  /** Footnote definitions (`[^n]: …`) of the current case, written after its blocks. */
  definitions: string[];
}

function linkMarkdown(inline: Extract<Inline, { kind: 'link' }>): Piece[] {
  const url = safeLinkUrl(inline.url);
  const runs = inline.runs.filter((r) => r.text !== '');
  if (!url) return runs.map((run) => ({ kind: 'run', run }));
  const text = runs.map((r) => r.text).join('');
  if (runs.length === 0 || text === url) return [{ kind: 'raw', markdown: `<${url}>` }];
  const label = piecesToLines(runs.map((run) => ({ kind: 'run', run }))).join(' ');
  const target = url.replace(/[()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return [{ kind: 'raw', markdown: `[${label}](${target})` }];
}

/**
 * Inlines as pieces. A footnote of citations only is a bare citation; in an in-text style it goes
 * before the sentence's closing punctuation, after a space. Any other footnote is a note of our
 * own: a reference `[^n]` here and its definition after the case. (Not an inline `^[…]` note: two
 * of those side by side read as superscript.) In a note style, a bare citation right before such a
 * note is made a note too, since nothing can sit between `[@…]` and `[^n]` that Pandoc would not
 * print.
 */
function inlinesToPieces(inlines: readonly Inline[], ctx: Context): Piece[] {
  const pieces: Piece[] = [];
  const written = inlines.map((inline) => {
    if (inline.kind !== 'footnote') return null;
    const f = ctx.footnotes.get(inline.number);
    return f ? footnoteMarkdown(f, ctx.citations) : null;
  });
  inlines.forEach((inline, i) => {
    if (inline.kind === 'run') pieces.push({ kind: 'run', run: inline.run });
    else if (inline.kind === 'break') pieces.push({ kind: 'break' });
    else if (inline.kind === 'link') pieces.push(...linkMarkdown(inline));
    else {
      const w = written[i];
      if (!w) return;
      const beforeNote = written[i + 1]?.kind === 'note';
      if (w.kind === 'note' || (!ctx.inText && beforeNote)) {
        ctx.definitions.push(`[^${inline.number}]: ${escapeLineStart(w.markdown)}`);
        pieces.push({ kind: 'raw', markdown: `[^${inline.number}]` });
      } else if (ctx.inText) {
        const last = pieces[pieces.length - 1];
        const punct = last?.kind === 'run' && !last.run.code ? /([.,;:])$/.exec(last.run.text) : null;
        if (last?.kind === 'run' && punct) {
          pieces[pieces.length - 1] = { kind: 'run', run: { ...last.run, text: last.run.text.slice(0, -1) } };
          pieces.push({ kind: 'run', run: { text: ' ' } }, { kind: 'raw', markdown: w.markdown, cite: true }, { kind: 'run', run: { ...last.run, text: punct[1] as string } });
        } else {
          pieces.push({ kind: 'run', run: { text: ' ' } }, { kind: 'raw', markdown: w.markdown, cite: true });
        }
      } else {
        pieces.push({ kind: 'raw', markdown: w.markdown, cite: true });
      }
    }
  });
  return pieces;
}

function inlineLines(inlines: readonly Inline[], ctx: Context): string[] {
  const lines = piecesToLines(inlinesToPieces(inlines, ctx));
  // Breaks at the very start or end of a block would leave a stray backslash.
  while (lines.length > 1 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 1 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines.map(escapeLineStart);
}

/** Lines joined with Pandoc's hard break (a backslash at the end of the line). */
function withBreaks(lines: string[], continuation: string): string {
  return lines.map((l, i) => (i === 0 ? l : continuation + l)).join('\\\n');
}

function blocksToMarkdown(blocks: readonly Block[], ctx: Context): string[] {
  const out: string[] = [];
  let listDepth = -1;
  let inList = false;
  for (const block of blocks) {
    if (block.kind !== 'listItem') {
      if (inList) out.push('');
      inList = false;
      listDepth = -1;
    }
    switch (block.kind) {
      case 'paragraph': {
        const lines = inlineLines(block.inlines, ctx);
        if (lines.join('').trim() !== '') out.push(withBreaks(lines, ''), '');
        break;
      }
      case 'heading': {
        const text = inlineLines(block.inlines, ctx).join(' ').trim();
        if (text) out.push(`${'#'.repeat(Math.min(6, block.level + 1))} ${text}`, '');
        break;
      }
      case 'quote': {
        const lines = inlineLines(block.inlines, ctx);
        if (lines.join('').trim() !== '') out.push(lines.map((l, i) => `> ${l}${i < lines.length - 1 ? '\\' : ''}`).join('\n'), '');
        break;
      }
      case 'listItem': {
        // An item nests at most one level below the previous one; four spaces per level.
        const depth = Math.max(0, Math.min(block.depth, listDepth + 1));
        listDepth = depth;
        inList = true;
        const indent = '    '.repeat(depth);
        const marker = block.ordered ? '1.  ' : '-   ';
        out.push(indent + marker + withBreaks(inlineLines(block.inlines, ctx), indent + '    '));
        break;
      }
    }
  }
  if (inList) out.push('');
  return out;
}

function fieldsTable(fields: Dossier['cases'][number]['fields']): string[] {
  if (fields.length === 0) return [];
  const cell = (text: string) => escapeMarkdownText(oneLineText(text));
  return ['| Field | Value |', '|:------|:------|', ...fields.map((f) => `| ${cell(f.name)} | ${cell(f.value)} |`), ''];
}

/** Keys of the dossier's sources that no footnote cites (the bibliography lists them: Pandoc needs `nocite`). */
function uncitedKeys(dossier: Dossier): string[] {
  const cited = new Set(dossier.footnotes.flatMap((f) => f.citations.map((c) => c.citekey)));
  const keys: string[] = [];
  for (const item of dossier.sources) {
    const id = typeof item.id === 'string' ? item.id : null;
    const key = id !== null && !cited.has(id) ? citekeyMarkdown(id) : null;
    if (key) keys.push(key);
  }
  return keys;
}

/** The dossier as Pandoc Markdown citing `files.bibliography` (CSL-JSON) in the style `files.csl`. */
export function renderMarkdown(dossier: Dossier, files: MarkdownFiles): string {
  const ctx: Context = {
    footnotes: new Map(dossier.footnotes.map((f) => [f.number, f])),
    citations: citationContext(dossier),
    inText: dossier.style.class === 'in-text',
    definitions: [],
  };
  const out: string[] = [
    '---',
    `title: ${yamlString(escapeMarkdownText(oneLineText(dossier.title)))}`,
    `bibliography: ${yamlString(escapeMetaLiteral(files.bibliography))}`,
    `csl: ${yamlString(escapeMetaLiteral(files.csl))}`,
    `lang: ${yamlString(oneLineText(dossier.locale))}`,
  ];
  const nocite = dossier.bibliography && dossier.bibliography.length > 0 ? uncitedKeys(dossier) : [];
  if (nocite.length > 0) out.push(`nocite: ${yamlString(nocite.join(', '))}`);
  out.push('---', '');

  for (const c of dossier.cases) {
    out.push(`# ${escapeMarkdownText(oneLineText(c.title))}`, '');
    out.push(...fieldsTable(c.fields));
    out.push(...blocksToMarkdown(c.blocks, ctx));
    for (const definition of ctx.definitions.splice(0)) out.push(definition, '');
  }
  if (dossier.style.hasBibliography && dossier.bibliography && dossier.bibliography.length > 0) {
    out.push(`# ${dossier.style.class === 'note' ? 'Bibliography' : 'References'}`, '', '::: {#refs}', ':::', '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}
