import type { Run } from './documentModel';

/**
 * Turns citeproc's allow-listed HTML (see `sanitizeCitationHtml`) into runs: the emphasis tags and
 * span styles become run formats, entities become characters, and anything else contributes only
 * its text. The input is already sanitised; this parser never emits markup, so renderers escape
 * run text for their own format and nothing from a record can become markup there.
 */

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+\s*=\s*"[^"]*")*)\s*\/?>/g;

type Format = Omit<Run, 'text'>;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#38': '&' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,30});/g, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return codePoint(parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return codePoint(parseInt(name.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[name] ?? whole;
  });
}

function codePoint(n: number): string | null {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
  return String.fromCodePoint(n);
}

function formatOf(tag: string, attrs: string): Format {
  switch (tag) {
    case 'i':
    case 'em':
      return { italic: true };
    case 'b':
    case 'strong':
      return { bold: true };
    case 'sup':
      return { sup: true };
    case 'sub':
      return { sub: true };
    case 'u':
      return { underline: true };
    case 'span': {
      const style = /style\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? '';
      const out: Format = {};
      if (/font-style:\s*(italic|oblique)/i.test(style)) out.italic = true;
      if (/font-style:\s*normal/i.test(style)) out.italic = false;
      if (/font-variant:\s*small-caps/i.test(style)) out.smallCaps = true;
      if (/font-weight:\s*(bold|[6-9]00)/i.test(style)) out.bold = true;
      if (/font-weight:\s*normal/i.test(style)) out.bold = false;
      return out;
    }
    default:
      return {};
  }
}

/** Runs of one formatted citation or bibliography entry; adjacent runs with equal formats are merged. */
export function htmlToRuns(html: string): Run[] {
  const runs: Run[] = [];
  const stack: { tag: string; format: Format }[] = [];
  const current = (): Format => Object.assign({}, ...stack.map((s) => s.format)) as Format;
  const push = (raw: string) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const format = clean(current());
    const last = runs[runs.length - 1];
    if (last && sameFormat(last, format)) last.text += text;
    else runs.push({ text, ...format });
  };
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    push(html.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = (m[2] as string).toLowerCase();
    if (m[1] === '/') {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    } else if (tag === 'br') {
      push(' ');
    } else if (!m[0].endsWith('/>')) {
      stack.push({ tag, format: formatOf(tag, m[3] ?? '') });
    }
  }
  push(html.slice(last));
  return runs;
}

function clean(format: Format): Format {
  const out: Format = {};
  for (const [k, v] of Object.entries(format) as [keyof Format, boolean | undefined][]) if (v) out[k] = true;
  return out;
}

function sameFormat(run: Run, format: Format): boolean {
  const keys: (keyof Format)[] = ['bold', 'italic', 'underline', 'strike', 'code', 'smallCaps', 'sup', 'sub'];
  return keys.every((k) => Boolean(run[k]) === Boolean(format[k]));
}
