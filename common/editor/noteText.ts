import type { LexicalJson } from '../domain/schemas';

/**
 * Plain text of a Lexical note, derived on the main side from the saved JSON (for search and
 * for exports). Walks the serialized tree without Lexical itself so it runs in any process;
 * unknown node types contribute their children's text, so a newer node never loses text.
 */
export function noteToPlainText(note: LexicalJson | null): string {
  if (!note) return '';
  const blocks: string[] = [];
  collectBlocks(note.root, blocks);
  return blocks.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'code']);

function collectBlocks(node: unknown, out: string[]): void {
  if (!isObject(node)) return;
  const children = Array.isArray(node.children) ? node.children : [];
  for (const child of children) {
    if (!isObject(child)) continue;
    if (child.type === 'list') collectBlocks(child, out);
    else if (child.type === 'listitem') collectListItem(child, out);
    else if (BLOCK_TYPES.has(String(child.type))) out.push(inlineText(child));
    else if (Array.isArray(child.children)) collectBlocks(child, out);
    else out.push(inlineText(child));
  }
}

/** A list item is one line; a nested list inside it (Lexical wraps those in their own item) adds lines. */
function collectListItem(item: Record<string, unknown>, out: string[]): void {
  let line = '';
  const flush = () => {
    if (line) out.push(line);
    line = '';
  };
  for (const c of Array.isArray(item.children) ? item.children : []) {
    if (isObject(c) && c.type === 'list') {
      flush();
      collectBlocks(c, out);
    } else line += inlineText(c);
  }
  flush();
}

function inlineText(node: unknown): string {
  if (!isObject(node)) return '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (typeof node.text === 'string') return node.text;
  if (!Array.isArray(node.children)) return '';
  return node.children.map(inlineText).join('');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A note of plain paragraphs, for the CLI, the sample knowledge base and tests. */
export function paragraphsToNote(paragraphs: string[]): LexicalJson {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: text ? [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
      })),
    },
  };
}
