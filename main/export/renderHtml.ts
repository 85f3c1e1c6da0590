import { safeLinkUrl, type Block, type Dossier, type DossierCase, type DossierFootnote, type Inline } from './documentModel';
import { escapeHtml, htmlPage, oneLineText, runsToHtml } from './renderBibliography';

/**
 * A dossier as one standalone HTML page: the title, each case with its fields as a table and its
 * note, footnote references linking to a "Notes" section (and back), then the bibliography when
 * the style has one. The page loads and runs nothing (a strict CSP, no scripts, no external
 * resources); every text and attribute value is escaped, and links are kept only for web and
 * mail addresses.
 */

const CSS = [
  'body{font-family:Georgia,"Times New Roman",serif;line-height:1.5;max-width:48em;margin:2em auto;padding:0 1em;color:#111}',
  'h1,h2,h3,h4,h5,h6{font-family:system-ui,sans-serif;line-height:1.25}',
  'table.fields{border-collapse:collapse;margin:1em 0;width:100%}',
  'table.fields th,table.fields td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}',
  'table.fields th{width:30%;background:#f5f5f5}',
  'blockquote{margin:1em 2em;font-style:italic}',
  'sup a{text-decoration:none}',
  '.notes li,.bibliography p{font-size:.95em}',
  '.bibliography p{padding-left:2em;text-indent:-2em;margin:0 0 .6em}',
  '.meta{color:#555;font-size:.9em}',
].join('');

function inlinesToHtml(inlines: readonly Inline[], footnotes: ReadonlyMap<number, DossierFootnote>): string {
  return inlines
    .map((inline) => {
      switch (inline.kind) {
        case 'run':
          return runsToHtml([inline.run]);
        case 'break':
          return '<br>';
        case 'footnote': {
          if (!footnotes.has(inline.number)) return '';
          const n = inline.number;
          return `<sup><a href="#fn-${n}" id="fnref-${n}" class="fnref">${n}</a></sup>`;
        }
        case 'link': {
          const url = safeLinkUrl(inline.url);
          const text = inline.runs.some((r) => r.text !== '') ? runsToHtml(inline.runs) : escapeHtml(inline.url);
          return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${text}</a>` : text;
        }
      }
    })
    .join('');
}

/** Note headings sit below the page title (h1) and the case title (h2). */
function headingTag(level: number): string {
  return `h${Math.min(6, level + 2)}`;
}

function blocksToHtml(blocks: readonly Block[], footnotes: ReadonlyMap<number, DossierFootnote>): string {
  const out: string[] = [];
  // Open lists, outermost first; each item's <li> stays open until a sibling or a shallower item.
  const lists: { tag: 'ul' | 'ol' }[] = [];
  const closeListsTo = (depth: number) => {
    while (lists.length > depth) out.push(`</li></${(lists.pop() as { tag: string }).tag}>`);
  };
  for (const block of blocks) {
    if (block.kind !== 'listItem') {
      closeListsTo(0);
      const content = inlinesToHtml(block.inlines, footnotes);
      if (block.kind === 'paragraph') out.push(`<p>${content}</p>`);
      else if (block.kind === 'quote') out.push(`<blockquote><p>${content}</p></blockquote>`);
      else out.push(`<${headingTag(block.level)}>${content}</${headingTag(block.level)}>`);
      continue;
    }
    const tag = block.ordered ? 'ol' : 'ul';
    // A list can only nest one level deeper than the open item.
    const depth = Math.max(0, Math.min(block.depth, lists.length));
    closeListsTo(depth + 1);
    const current = lists[depth];
    if (current && current.tag !== tag) {
      closeListsTo(depth);
    }
    if (lists.length === depth) {
      out.push(`<${tag}>`);
      lists.push({ tag });
    } else {
      out.push('</li>');
    }
    out.push(`<li>${inlinesToHtml(block.inlines, footnotes)}`);
  }
  closeListsTo(0);
  return out.join('\n');
}

function caseToHtml(c: DossierCase, index: number, footnotes: ReadonlyMap<number, DossierFootnote>): string {
  const parts = [`<section class="case" id="case-${index + 1}">`, `<h2>${escapeHtml(oneLineText(c.title))}</h2>`];
  if (c.fields.length > 0) {
    parts.push('<table class="fields">', '<tbody>');
    for (const f of c.fields) {
      parts.push(`<tr><th scope="row">${escapeHtml(oneLineText(f.name))}</th><td>${escapeHtml(f.value).replace(/\n/g, '<br>')}</td></tr>`);
    }
    parts.push('</tbody>', '</table>');
  }
  const body = blocksToHtml(c.blocks, footnotes);
  if (body) parts.push(body);
  parts.push('</section>');
  return parts.join('\n');
}

function footnoteToHtml(f: DossierFootnote): string {
  const citation = runsToHtml(f.citation);
  const commentary = f.commentary.trim() ? escapeHtml(f.commentary.trim()).replace(/\n/g, '<br>') : '';
  const text = citation && commentary ? `${citation} ${commentary}` : citation || commentary;
  const back = `<a href="#fnref-${f.number}" class="backref" aria-label="Back to reference ${f.number}">\u21a9\ufe0e</a>`;
  return `<li id="fn-${f.number}" value="${f.number}">${text} ${back}</li>`;
}

/** The dossier as a standalone HTML page. */
export function renderHtml(dossier: Dossier): string {
  const footnotes = new Map(dossier.footnotes.map((f) => [f.number, f]));
  const created = /^\d{4}-\d{2}-\d{2}/.exec(dossier.createdAt)?.[0];
  const body: string[] = [
    '<header>',
    `<h1>${escapeHtml(oneLineText(dossier.title))}</h1>`,
    `<p class="meta">Citation style: ${escapeHtml(oneLineText(dossier.style.title))}${
      created ? ` · Exported <time datetime="${escapeHtml(dossier.createdAt)}">${created}</time>` : ''
    }</p>`,
    '</header>',
    '<main>',
    ...dossier.cases.map((c, i) => caseToHtml(c, i, footnotes)),
  ];
  if (dossier.footnotes.length > 0) {
    body.push('<section class="notes" aria-labelledby="notes-heading">', '<h2 id="notes-heading">Notes</h2>', '<ol>');
    body.push(...[...dossier.footnotes].sort((a, b) => a.number - b.number).map(footnoteToHtml));
    body.push('</ol>', '</section>');
  }
  if (dossier.bibliography && dossier.bibliography.length > 0) {
    const heading = dossier.style.class === 'note' ? 'Bibliography' : 'References';
    body.push('<section class="bibliography" aria-labelledby="bibliography-heading">', `<h2 id="bibliography-heading">${heading}</h2>`);
    body.push(...dossier.bibliography.map((entry) => `<p class="csl-entry">${runsToHtml(entry)}</p>`));
    body.push('</section>');
  }
  body.push('</main>');
  return htmlPage(dossier.title, dossier.locale, CSS, body.join('\n'));
}
