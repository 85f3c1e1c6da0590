/**
 * Reduces citeproc-js HTML to an allow-list before it reaches the page. citeproc escapes the text
 * of records, but records come from imports and colleagues, so the output is checked anyway:
 * only i, b, em, strong, sup, sub and span survive; a span keeps only font-style, font-variant and
 * font-weight declarations and citeproc's layout classes; every other tag, attribute and stray
 * `<`, `>` or `&` becomes inert text, and bidirectional override characters are removed.
 */

const SIMPLE_TAGS = new Set(['i', 'b', 'em', 'strong', 'sup', 'sub']);
const LAYOUT_CLASSES = new Set(['csl-block', 'csl-left-margin', 'csl-right-inline', 'csl-indent']);
const STYLE_DECLARATION = /^\s*(font-style|font-variant|font-weight)\s*:\s*(normal|italic|oblique|small-caps|bold|[1-9]00)\s*$/i;

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+\s*=\s*"[^"<>]*")*)\s*\/?>|<|>|&(?:#\d{1,7};|#x[0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]{1,30};)?/g;

// Explicit bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) in a record can
// make the text after them read backwards ("gnp.exe"); citation text never needs them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

function escapeText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch] as string);
}

function spanAttributes(attrs: string): string {
  const out: string[] = [];
  for (const m of attrs.matchAll(/([a-zA-Z-]+)\s*=\s*"([^"]*)"/g)) {
    const name = (m[1] as string).toLowerCase();
    const value = m[2] as string;
    if (name === 'style') {
      const kept = value.split(';').filter((d) => STYLE_DECLARATION.test(d)).map((d) => d.trim().toLowerCase());
      if (kept.length) out.push(`style="${kept.join(';')}"`);
    } else if (name === 'class') {
      const kept = value.split(/\s+/).filter((c) => LAYOUT_CLASSES.has(c));
      if (kept.length) out.push(`class="${kept.join(' ')}"`);
    }
  }
  return out.length ? ` ${out.join(' ')}` : '';
}

/** Allow-listed HTML of one footnote or bibliography entry. Unbalanced tags are closed at the end. */
export function sanitizeCitationHtml(html: string): string {
  let out = '';
  let last = 0;
  const open: string[] = [];
  // For each open <div>: whether it was kept (as a span), so its </div> closes the right thing.
  const divs: boolean[] = [];
  for (const m of html.matchAll(TOKEN)) {
    out += escapeText(html.slice(last, m.index));
    last = m.index + m[0].length;
    const token = m[0];
    if (token === '<' || token === '>') {
      out += token === '<' ? '&lt;' : '&gt;';
      continue;
    }
    if (token.startsWith('&')) {
      out += token.length > 1 ? token : '&amp;';
      continue;
    }
    const closing = m[1] === '/';
    let tag = (m[2] as string).toLowerCase();
    let attrs = '';
    // citeproc lays out numbered bibliographies with divs; inside one entry they become spans.
    if (tag === 'div') {
      if (closing) {
        if (!divs.pop()) continue;
      } else {
        const cls = /class\s*=\s*"([^"]*)"/.exec(m[3] ?? '')?.[1] ?? '';
        const kept = cls.split(/\s+/).some((c) => LAYOUT_CLASSES.has(c));
        divs.push(kept);
        if (!kept) continue;
      }
      tag = 'span';
    }
    if (tag !== 'span' && !SIMPLE_TAGS.has(tag)) continue;
    if (tag === 'span' && !closing) attrs = spanAttributes(m[3] ?? '');
    if (closing) {
      const at = open.lastIndexOf(tag);
      if (at === -1) continue;
      while (open.length > at) out += `</${open.pop() as string}>`;
    } else {
      open.push(tag);
      out += `<${tag}${attrs}>`;
    }
  }
  out += escapeText(html.slice(last));
  while (open.length) out += `</${open.pop() as string}>`;
  return out;
}

/** The bibliography entry inside citeproc's `<div class="csl-entry">…</div>` wrapper, sanitised. */
export function sanitizeBibliographyEntry(html: string): string {
  const inner = html.trim().replace(/^<div class="csl-entry"[^>]*>/, '').replace(/<\/div>$/, '');
  return sanitizeCitationHtml(inner.trim());
}
