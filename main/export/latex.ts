import { oneLine, type NameParts } from './cslRead';

/**
 * Text → LaTeX for BibTeX/BibLaTeX field values. Characters are written as Unicode (biber and
 * modern LaTeX read UTF-8), so only what LaTeX or BibTeX would misread is escaped: the specials
 * `\ { } & % $ # _ ~ ^`, the no-break space (as `~`), and ligatures that would turn two
 * characters into one (`--`, `''`, ``` `` ```, `?``, `!``). CSL's rich-text markup (`<i>`, `<b>`,
 * `<sup>`, `<sub>`, small caps and `<span class="nocase">`) becomes the matching LaTeX command;
 * any other `<` is text. Braces are only ever added in balanced pairs, so no input can break
 * the entry's structure.
 */

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\u00A0': '~',
};
/** First characters of the ligatures TeX fonts form: a `{}` between the pair keeps them apart. */
const LIGATURE_PAIRS = new Set(['--', "''", '``', '?`', '!`']);

/** Escapes plain text (no markup, no case protection). */
export function escapeLatex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    out += SPECIALS[c] ?? c;
    if (LIGATURE_PAIRS.has(c + (text[i + 1] ?? ''))) out += '{}';
  }
  return out;
}

type Tag = 'i' | 'b' | 'sup' | 'sub' | 'sc' | 'nocase';
type MarkupNode = { kind: 'text'; text: string } | { kind: 'tag'; tag: Tag; open: string; children: MarkupNode[]; closed: boolean };

const MARKUP = /<(i|b|sup|sub)>|<\/(i|b|sup|sub|span)>|<span\s+class="nocase">|<span\s+style="font-variant:\s*small-caps;?">/g;
const COMMAND: Record<Exclude<Tag, 'nocase'>, string> = { i: '\\textit', b: '\\textbf', sup: '\\textsuperscript', sub: '\\textsubscript', sc: '\\textsc' };

/** Parses CSL rich text into a tree; a tag that is not properly closed stays literal text. */
function parseMarkup(text: string): MarkupNode[] {
  const root: MarkupNode[] = [];
  const stack: { tag: Tag | null; children: MarkupNode[]; node?: MarkupNode & { kind: 'tag' } }[] = [{ tag: null, children: root }];
  const top = () => stack[stack.length - 1] as (typeof stack)[number];
  let last = 0;
  for (const m of text.matchAll(MARKUP)) {
    if (m.index > last) top().children.push({ kind: 'text', text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const [whole, openSimple, close] = m;
    if (close === undefined) {
      const tag: Tag = openSimple ? (openSimple as Tag) : whole.includes('nocase') ? 'nocase' : 'sc';
      const node: MarkupNode & { kind: 'tag' } = { kind: 'tag', tag, open: whole, children: [], closed: false };
      top().children.push(node);
      stack.push({ tag, children: node.children, node });
      continue;
    }
    const current = top();
    const matches = current.tag !== null && (close === 'span' ? current.tag === 'nocase' || current.tag === 'sc' : current.tag === close);
    if (matches && current.node) {
      current.node.closed = true;
      stack.pop();
    } else {
      current.children.push({ kind: 'text', text: whole });
    }
  }
  if (last < text.length) top().children.push({ kind: 'text', text: text.slice(last) });
  return root;
}

const UPPER = /[\p{Lu}\p{Lt}]/u;

/** `{…}`, or `{{…}}` when the content starts with a command (BibTeX would case-change a `{\…}` group). */
function protect(latex: string): string {
  return latex.startsWith('\\') ? `{{${latex}}}` : `{${latex}}`;
}

/**
 * Converts a CSL text value to LaTeX. With `protectCase`, every word holding a capital (other
 * than the field's first letter) is braced, so styles that change case (BibTeX's sentence case,
 * biblatex's `\MakeSentenceCase`) print the title as stored.
 */
export function latexText(text: string, protectCase = false): string {
  const state = { atStart: true };
  return emit(parseMarkup(oneLine(text)), protectCase, state);
}

function emit(nodes: MarkupNode[], protectCase: boolean, state: { atStart: boolean }): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += protectCase ? protectWords(node.text, state) : escapeLatex(node.text);
      if (/\S/.test(node.text)) state.atStart = false;
    } else if (!node.closed) {
      out += protectCase ? protectWords(node.open, state) : escapeLatex(node.open);
      if (/\S/.test(node.open)) state.atStart = false;
      out += emit(node.children, protectCase, state);
    } else if (node.tag === 'nocase') {
      const inner = emit(node.children, false, state);
      out += inner ? protect(inner) : '';
    } else {
      out += `${COMMAND[node.tag]}{${emit(node.children, protectCase, state)}}`;
    }
  }
  return out;
}

function protectWords(text: string, state: { atStart: boolean }): string {
  return text.replace(/\S+/g, (word) => {
    const checked = state.atStart ? [...word].slice(1).join('') : word;
    state.atStart = false;
    const latex = escapeLatex(word);
    return UPPER.test(checked) ? protect(latex) : latex;
  });
}

const AND_WORD = /(^|\s)and(\s|$)/i;

/** A name part that BibTeX's name parser must read as one unit is braced. */
function namePart(text: string, braceIf: boolean): string {
  const latex = escapeLatex(oneLine(text));
  return braceIf || latex.includes(',') || AND_WORD.test(latex) ? protect(latex) : latex;
}

/**
 * One name in BibTeX's `von Last, Jr, First` form. Institutions are braced whole. A family name
 * of several words or hyphenated pieces where one starts in lower case (`ki-Moon`, `bin Laden`)
 * is braced, else the lower-case piece would be read as a particle.
 */
export function latexName(name: NameParts): string {
  if (name.literal) return protect(escapeLatex(oneLine(name.literal)));
  const family = name.family ?? name.given ?? '';
  const pieces = family.split(/[\s-]+/).filter(Boolean);
  const last = namePart(family, pieces.length > 1 && pieces.some((p) => /^\P{L}*\p{Ll}/u.test(p)));
  const von = [name['dropping-particle'], name['non-dropping-particle']].filter(Boolean).map((p) => escapeLatex(oneLine(p as string))).join(' ');
  const given = name.family && name.given ? namePart(name.given, false) : '';
  const suffix = name.suffix ? namePart(name.suffix, false) : '';
  const head = von ? `${von} ${last}` : last;
  if (suffix) return `${head}, ${suffix}, ${given}`;
  if (given) return `${head}, ${given}`;
  // A family name alone: "Last," keeps a several-word surname from being split into given + family.
  return /\s/.test(family) && !von ? `${head},` : head;
}

/** Value of a verbatim field (URL, DOI): braces, backslashes and spaces are percent-encoded. */
export function latexVerbatim(text: string): string {
  return oneLine(text).replace(/[{}\\ \u00A0]/g, (c) => encodeURIComponent(c));
}
