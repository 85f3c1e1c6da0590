import type { LexicalJson } from '../../common/domain/schemas';
import { FOOTNOTE_NODE_TYPE } from '../../common/editor/footnotes';
import type { Block, Inline, Run } from './documentModel';

/**
 * A saved Lexical note as export blocks, walking the serialized JSON (no Lexical needed, so it
 * runs in the job process). Text formats come from Lexical's bit flags; footnote nodes become
 * footnote references numbered by `nextFootnote` (document order through the whole export).
 * Unknown node types contribute their children's text, so a newer node never loses words.
 */

// Lexical's text format bits (TextNode `format`).
const BOLD = 1;
const ITALIC = 1 << 1;
const STRIKE = 1 << 2;
const UNDERLINE = 1 << 3;
const CODE = 1 << 4;
const SUBSCRIPT = 1 << 5;
const SUPERSCRIPT = 1 << 6;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function childrenOf(node: Json): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

function textRun(node: Json): Run {
  const format = typeof node.format === 'number' ? node.format : 0;
  const run: Run = { text: typeof node.text === 'string' ? node.text : '' };
  if (format & BOLD) run.bold = true;
  if (format & ITALIC) run.italic = true;
  if (format & STRIKE) run.strike = true;
  if (format & UNDERLINE) run.underline = true;
  if (format & CODE) run.code = true;
  if (format & SUBSCRIPT) run.sub = true;
  if (format & SUPERSCRIPT) run.sup = true;
  return run;
}

export function noteToBlocks(note: LexicalJson | null, nextFootnote: () => number): Block[] {
  const blocks: Block[] = [];
  if (!note || !isObject(note.root)) return blocks;

  const inlinesOf = (node: Json): Inline[] => {
    const out: Inline[] = [];
    const visit = (child: unknown) => {
      if (!isObject(child)) return;
      if (child.type === FOOTNOTE_NODE_TYPE) out.push({ kind: 'footnote', number: nextFootnote() });
      else if (child.type === 'linebreak') out.push({ kind: 'break' });
      else if (child.type === 'tab') out.push({ kind: 'run', run: { text: '\t' } });
      else if (typeof child.text === 'string') out.push({ kind: 'run', run: textRun(child) });
      else if ((child.type === 'link' || child.type === 'autolink') && typeof child.url === 'string') {
        const inner: Inline[] = [];
        const before = out.length;
        childrenOf(child).forEach(visit);
        // Runs inside the link become its text; a footnote inside a link stays after it.
        for (const item of out.splice(before)) inner.push(item);
        const runs = inner.flatMap((i) => (i.kind === 'run' ? [i.run] : []));
        out.push({ kind: 'link', url: child.url, runs });
        out.push(...inner.filter((i) => i.kind !== 'run'));
      } else childrenOf(child).forEach(visit);
    };
    childrenOf(node).forEach(visit);
    return out;
  };

  const visitList = (list: Json, depth: number) => {
    const ordered = list.listType === 'number';
    for (const item of childrenOf(list)) {
      if (!isObject(item)) continue;
      const nested = childrenOf(item).filter((c): c is Json => isObject(c) && c.type === 'list');
      if (nested.length > 0 && nested.length === childrenOf(item).length) {
        // Lexical keeps a nested list in an item of its own.
        for (const n of nested) visitList(n, depth + 1);
        continue;
      }
      const inlineOnly: Json = { children: childrenOf(item).filter((c) => !(isObject(c) && c.type === 'list')) };
      blocks.push({ kind: 'listItem', ordered, depth, inlines: inlinesOf(inlineOnly) });
      for (const n of nested) visitList(n, depth + 1);
    }
  };

  for (const child of childrenOf(note.root)) {
    if (!isObject(child)) continue;
    if (child.type === 'heading') {
      const level = Number(/^h([1-6])$/.exec(String(child.tag))?.[1] ?? 2) as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ kind: 'heading', level, inlines: inlinesOf(child) });
    } else if (child.type === 'quote') blocks.push({ kind: 'quote', inlines: inlinesOf(child) });
    else if (child.type === 'list') visitList(child, 0);
    else blocks.push({ kind: 'paragraph', inlines: inlinesOf(child) });
  }
  return blocks;
}
