import { createElement } from 'react';
import type { ReactNode } from 'react';

/** Inline elements citeproc uses for emphasis; everything else contributes only its text. */
const ALLOWED = new Set(['i', 'em', 'b', 'strong', 'sup', 'sub', 'u']);

/**
 * Renders a formatted citation (HTML produced by citeproc in main) through an allow-list: the
 * string is parsed in an inert document (DOMParser runs no scripts and loads nothing), and only
 * text plus a few emphasis elements — without any attribute — become React elements. Titles and
 * quotes come from imported files and colleagues, so even if main's sanitiser missed something,
 * no markup, attribute, link or style from them reaches the page.
 */
export function FormattedCitation({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return <>{toReact(doc.body.childNodes, 'c')}</>;
}

function toReact(nodes: NodeListOf<ChildNode>, prefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  nodes.forEach((node, index) => {
    const key = `${prefix}.${index}`;
    if (node.nodeType === 3) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'template') return;
    const children = toReact(element.childNodes, key);
    if (ALLOWED.has(tag)) out.push(createElement(tag, { key }, ...children));
    else if (tag === 'span' && /small-caps/.test(element.getAttribute('style') ?? '')) {
      out.push(createElement('span', { key, className: 'cb-smallcaps' }, ...children));
    } else if (tag === 'span' && /font-style:\s*italic/.test(element.getAttribute('style') ?? '')) {
      out.push(createElement('i', { key }, ...children));
    } else if (tag === 'br') out.push(' ');
    else out.push(...children);
  });
  return out;
}
