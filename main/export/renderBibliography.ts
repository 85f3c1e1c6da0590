import type { Run } from './documentModel';

/**
 * A formatted bibliography (entries of runs, as citeproc gave them) as a file or clipboard
 * content: a small standalone HTML page, plain text, or RTF (what word processors paste as rich
 * text). Entry text comes from source records and is untrusted: it is escaped for each format,
 * so nothing in a record can become markup, and control characters are dropped.
 */

export type BibliographyFileFormat = 'html' | 'text' | 'rtf';

/** C0/C1 controls other than tab and newline, U+FFFE/U+FFFF, and lone surrogates. */
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text without characters no document format should carry; any newline convention becomes `\n`. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(UNSAFE_CHARS, '');
}

/** Text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One run's HTML: its escaped text inside the tags of its formats; newlines as `<br>`. */
function runToHtml(run: Run): string {
  if (run.text === '') return '';
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.code) html = `<code>${html}</code>`;
  if (run.sub) html = `<sub>${html}</sub>`;
  if (run.sup) html = `<sup>${html}</sup>`;
  if (run.strike) html = `<s>${html}</s>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.smallCaps) html = `<span style="font-variant:small-caps">${html}</span>`;
  if (run.italic) html = `<i>${html}</i>`;
  if (run.bold) html = `<b>${html}</b>`;
  return html;
}

/** Runs as an HTML fragment (for a page, a clipboard's `text/html`, or a preview). */
export function runsToHtml(runs: readonly Run[]): string {
  return runs.map(runToHtml).join('');
}

/** The CSP every exported HTML page carries: nothing may load or run; inline styles only. */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** A standalone HTML page: head title, language, stylesheet and body markup (already escaped). */
export function htmlPage(title: string, lang: string | undefined, css: string, body: string): string {
  return [
    '<!doctype html>',
    `<html${lang ? ` lang="${escapeHtml(lang)}"` : ''}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Casebook">',
    `<title>${escapeHtml(oneLineText(title))}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Text on one line: line breaks, tabs and runs of spaces become one space. */
export function oneLineText(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

const BIBLIOGRAPHY_CSS =
  'body{font-family:Georgia,"Times New Roman",serif;line-height:1.45;max-width:48em;margin:2em auto;padding:0 1em}' +
  '.csl-entry{padding-left:2em;text-indent:-2em;margin:0 0 .6em}';

function bibliographyHtml(entries: Run[][], title: string | undefined): string {
  const body = [
    ...(title ? [`<h1>${escapeHtml(oneLineText(title))}</h1>`] : []),
    ...entries.map((entry) => `<p class="csl-entry">${runsToHtml(entry)}</p>`),
  ].join('\n');
  return htmlPage(title ?? 'Bibliography', undefined, BIBLIOGRAPHY_CSS, body);
}

function bibliographyText(entries: Run[][], title: string | undefined): string {
  const paragraphs = entries.map((entry) => cleanText(entry.map((r) => r.text).join('')).trim());
  if (title) paragraphs.unshift(oneLineText(title));
  return paragraphs.join('\n\n') + '\n';
}

// ── RTF ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Text for RTF: `\`, `{` and `}` escaped, tabs and newlines as control words, everything outside
 * printable ASCII as `\uN` (N the UTF-16 code unit as a signed 16-bit number) followed by one
 * fallback character for readers without Unicode, a question mark. The fallback is written as
 * `\'3f` rather than a bare `?`: both mean the same, but Pandoc's RTF reader (2.17) drops the
 * character after a bare one. Characters beyond the BMP are two code units, so they become the
 * surrogate pair as two `\u` escapes, which Word and LibreOffice read back as one character.
 */
export function escapeRtf(text: string): string {
  let out = '';
  const clean = cleanText(text);
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charAt(i);
    const code = clean.charCodeAt(i);
    if (c === '\\' || c === '{' || c === '}') out += `\\${c}`;
    else if (c === '\n') out += '\\line ';
    else if (c === '\t') out += '\\tab ';
    else if (code >= 0x20 && code < 0x7f) out += c;
    else out += `\\u${code > 0x7fff ? code - 0x10000 : code}\\'3f`;
  }
  return out;
}

function runToRtf(run: Run): string {
  if (run.text === '') return '';
  const words = [
    run.bold ? '\\b' : '',
    run.italic ? '\\i' : '',
    run.underline ? '\\ul' : '',
    run.strike ? '\\strike' : '',
    run.smallCaps ? '\\scaps' : '',
    run.sup ? '\\super' : '',
    run.sub ? '\\sub' : '',
    run.code ? '\\f1' : '',
  ].join('');
  // A group scopes the formats to this run; the space ends the last control word.
  return words ? `{${words} ${escapeRtf(run.text)}}` : escapeRtf(run.text);
}

function bibliographyRtf(entries: Run[][], title: string | undefined): string {
  const lines = [
    '{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1',
    '{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fmodern\\fcharset0 Courier New;}}',
    ...(title ? [`{\\info{\\title ${escapeRtf(oneLineText(title))}}}`] : []),
    '\\f0\\fs24',
  ];
  if (title) lines.push(`\\pard\\plain\\f0\\fs28\\sa240{\\b ${escapeRtf(oneLineText(title))}}\\par`);
  for (const entry of entries) {
    lines.push(`\\pard\\plain\\f0\\fs24\\fi-720\\li720\\sa120 ${entry.map(runToRtf).join('')}\\par`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * A bibliography as a file's content: `html` a complete page (strict CSP, entries as hanging-indent
 * paragraphs), `text` one entry per paragraph, `rtf` an RTF 1.x document with hanging indents.
 * `title`, when given, heads the document.
 */
export function renderBibliography(entries: Run[][], format: BibliographyFileFormat, options: { title?: string } = {}): string {
  const title = options.title?.trim() ? options.title : undefined;
  switch (format) {
    case 'html':
      return bibliographyHtml(entries, title);
    case 'text':
      return bibliographyText(entries, title);
    case 'rtf':
      return bibliographyRtf(entries, title);
  }
}
