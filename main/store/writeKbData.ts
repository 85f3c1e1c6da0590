import type { LexicalJson } from '../../common/domain/schemas';
import type { SampleBlock, SampleKb } from '../sample/sampleTypes';
import type { WriteContext } from './kbSession';
import { kbStoreFor } from './kbStore';

type JsonNode = Record<string, unknown>;

const TEXT_BOLD = 1;
const TEXT_ITALIC = 2;

/**
 * Writes a whole knowledge base's worth of plain data (fields, actors, cases with tags, actor
 * links, values and notes) through the same services the app uses, in one transaction: either
 * everything is written or nothing is. Used for the sample knowledge base and test fixtures.
 */
export function writeKbData(ctx: WriteContext, data: SampleKb): void {
  const store = kbStoreFor(ctx);
  ctx.db.transaction(() => {
    const fieldIds = new Map<string, string>();
    for (const f of data.fields) fieldIds.set(f.key, store.fields.create(f.name, f.type, f.options ?? []).id);
    const actorIds = new Map<string, string>();
    for (const a of data.actors) {
      actorIds.set(a.key, store.actors.create({ name: a.name, abbreviation: a.abbreviation ?? '', kind: a.kind }).id);
    }
    for (const c of data.cases) {
      const { id } = store.cases.create({
        title: c.title,
        summary: c.summary,
        periodStart: c.periodStart,
        periodEnd: c.periodEnd,
        region: c.region,
        status: c.status,
      });
      if (c.tags.length) store.cases.setTags(id, c.tags);
      for (const link of c.actors) {
        const actorId = actorIds.get(link.actor);
        if (!actorId) throw new Error(`Sample case “${c.title}” links unknown actor key “${link.actor}”.`);
        store.cases.linkActor(id, actorId, link.role);
      }
      for (const [key, value] of Object.entries(c.values)) {
        const fieldId = fieldIds.get(key);
        if (!fieldId) throw new Error(`Sample case “${c.title}” has a value for unknown field key “${key}”.`);
        store.cases.setValue(id, fieldId, value);
      }
      if (c.note.length) store.cases.saveNote(id, blocksToLexical(c.note));
    }
  })();
}

/**
 * A Lexical editor state (JSON) from simple blocks: headings, paragraphs, quotes and lists, with
 * inline **bold**, *italic* and [links](https://…), in the shape Lexical's own nodes export.
 */
export function blocksToLexical(blocks: SampleBlock[]): LexicalJson {
  return { root: { ...element('root'), type: 'root', children: blocks.map(blockNode) } };
}

function element(type: string, extra: JsonNode = {}): JsonNode {
  return { type, version: 1, direction: null, format: '', indent: 0, ...extra };
}

function blockNode(block: SampleBlock): JsonNode {
  switch (block.type) {
    case 'heading':
      return { ...element('heading', { tag: `h${block.level}` }), children: inlineNodes(block.text) };
    case 'paragraph':
      return { ...element('paragraph', { textFormat: 0, textStyle: '' }), children: inlineNodes(block.text) };
    case 'quote':
      return { ...element('quote'), children: inlineNodes(block.text) };
    case 'bullets':
    case 'numbers': {
      const numbered = block.type === 'numbers';
      return {
        ...element('list', { listType: numbered ? 'number' : 'bullet', start: 1, tag: numbered ? 'ol' : 'ul' }),
        children: block.items.map((text, i) => ({ ...element('listitem', { value: i + 1 }), children: inlineNodes(text) })),
      };
    }
  }
}

function textNode(text: string, format: number): JsonNode {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** Text with **bold**, *italic* and [text](https://…) marks as Lexical text and link nodes. */
export function inlineNodes(text: string, format = 0): JsonNode[] {
  const nodes: JsonNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) nodes.push(textNode(text.slice(last, at), format));
    if (m[1] !== undefined) nodes.push(...inlineNodes(m[1], format | TEXT_BOLD));
    else if (m[2] !== undefined) nodes.push(...inlineNodes(m[2], format | TEXT_ITALIC));
    else if (m[3] !== undefined && m[4] !== undefined) {
      nodes.push({ ...element('link', { url: m[4], rel: 'noreferrer', target: null, title: null }), children: inlineNodes(m[3], format) });
    }
    last = at + m[0].length;
  }
  if (last < text.length) nodes.push(textNode(text.slice(last), format));
  return nodes;
}
