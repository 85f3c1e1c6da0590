import type { LexicalJson } from '../../common/domain/schemas';
import { CslItem } from '../../common/domain/sources';
import { FOOTNOTE_NODE_TYPE, type FootnoteJson } from '../../common/editor/footnotes';
import { newId } from '../../common/ids';
import type { SampleBlock, SampleCase, SampleKb, SampleSource } from '../sample/sampleTypes';
import type { WriteContext } from './kbSession';
import { kbStoreFor, type KbStore } from './kbStore';

type JsonNode = Record<string, unknown>;

/** Turns a footnote marker's name (`[^name]`) into the footnote node to put in its place. */
export type FootnoteLookup = (name: string) => FootnoteJson;

const TEXT_BOLD = 1;
const TEXT_ITALIC = 2;

/**
 * Writes a whole knowledge base's worth of plain data (sources, fields, actors, cases with tags,
 * actor links, values and notes with footnotes) through the same services the app uses, in one
 * transaction: either everything is written or nothing is. Sources go first so that the notes'
 * footnotes can cite them; saving a note writes its citation rows. Used for the sample knowledge
 * base and test fixtures.
 */
export function writeKbData(ctx: WriteContext, data: SampleKb): void {
  const store = kbStoreFor(ctx);
  ctx.db.transaction(() => {
    const sourceIds = writeSources(store, data.sources ?? []);
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
      const footnotes = sampleFootnotes(c, sourceIds);
      if (c.note.length) store.cases.saveNote(id, blocksToLexical(c.note, footnotes.lookup));
      const unused = footnotes.unused();
      if (unused.length) {
        throw new Error(`Sample case “${c.title}” defines footnote${unused.length === 1 ? '' : 's'} ${unused.map((n) => `“${n}”`).join(', ')} but its note has no [^name] marker for ${unused.length === 1 ? 'it' : 'them'}.`);
      }
    }
  })();
}

/** Creates the sources (checked as CSL-JSON first) and returns their ids by sample key. */
function writeSources(store: KbStore, sources: SampleSource[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const s of sources) {
    if (ids.has(s.key)) throw new Error(`Sample source key “${s.key}” is used twice.`);
    const parsed = CslItem.safeParse(s.csl);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Sample source “${s.key}”: ${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'not a CSL-JSON record'}`);
    }
    ids.set(s.key, store.sources.create(parsed.data, s.citekey).id);
  }
  return ids;
}

/**
 * The footnotes of one sample case, checked against the written sources: `lookup` builds the
 * footnote node for a marker (each citation gets a fresh id; each marker may be used once) and
 * `unused` names definitions no marker used. Errors name the case, the footnote and the key.
 */
export function sampleFootnotes(c: SampleCase, sourceIds: ReadonlyMap<string, string>): { lookup: FootnoteLookup; unused: () => string[] } {
  const where = `Sample case “${c.title}”`;
  const defined = new Map(Object.entries(c.footnotes ?? {}));
  for (const [name, citations] of defined) {
    if (citations.length === 0) throw new Error(`${where}, footnote “${name}”: a footnote needs at least one citation.`);
    for (const cit of citations) {
      if (!sourceIds.has(cit.source)) throw new Error(`${where}, footnote “${name}”: unknown source key “${cit.source}”.`);
    }
  }
  const used = new Set<string>();
  const lookup: FootnoteLookup = (name) => {
    const citations = defined.get(name);
    if (!citations) throw new Error(`${where}: the note has a footnote marker [^${name}] but no footnote “${name}” is defined.`);
    if (used.has(name)) throw new Error(`${where}: the footnote marker [^${name}] appears twice; give each footnote its own name.`);
    used.add(name);
    return {
      type: FOOTNOTE_NODE_TYPE,
      version: 1,
      commentary: '',
      citations: citations.map((cit) => ({
        id: newId(),
        sourceId: sourceIds.get(cit.source) ?? '',
        locator: cit.locator ?? '',
        label: cit.label ?? 'page',
        prefix: cit.prefix ?? '',
        suffix: cit.suffix ?? '',
        quote: cit.quote ?? '',
      })),
    };
  };
  return { lookup, unused: () => [...defined.keys()].filter((name) => !used.has(name)) };
}

/**
 * A Lexical editor state (JSON) from simple blocks: headings, paragraphs, quotes and lists, with
 * inline **bold**, *italic*, [links](https://…) and footnote markers `[^name]`, in the shape
 * Lexical's own nodes export. Without `footnote`, a marker is an error.
 */
export function blocksToLexical(blocks: SampleBlock[], footnote: FootnoteLookup = noFootnotes): LexicalJson {
  return { root: { ...element('root'), type: 'root', children: blocks.map((b) => blockNode(b, footnote)) } };
}

function noFootnotes(name: string): never {
  throw new Error(`Footnote marker [^${name}] found, but no footnotes were given.`);
}

function element(type: string, extra: JsonNode = {}): JsonNode {
  return { type, version: 1, direction: null, format: '', indent: 0, ...extra };
}

function blockNode(block: SampleBlock, footnote: FootnoteLookup): JsonNode {
  switch (block.type) {
    case 'heading':
      return { ...element('heading', { tag: `h${block.level}` }), children: inlineNodes(block.text, 0, footnote) };
    case 'paragraph':
      return { ...element('paragraph', { textFormat: 0, textStyle: '' }), children: inlineNodes(block.text, 0, footnote) };
    case 'quote':
      return { ...element('quote'), children: inlineNodes(block.text, 0, footnote) };
    case 'bullets':
    case 'numbers': {
      const numbered = block.type === 'numbers';
      return {
        ...element('list', { listType: numbered ? 'number' : 'bullet', start: 1, tag: numbered ? 'ol' : 'ul' }),
        children: block.items.map((text, i) => ({ ...element('listitem', { value: i + 1 }), children: inlineNodes(text, 0, footnote) })),
      };
    }
  }
}

function textNode(text: string, format: number): JsonNode {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}

const INLINE = /\[\^([^\]\s]+)\]|\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

/**
 * Text with **bold**, *italic*, [text](https://…) and `[^name]` marks as Lexical text, link and
 * footnote nodes; a footnote sits right after the text before its marker.
 */
export function inlineNodes(text: string, format = 0, footnote: FootnoteLookup = noFootnotes): JsonNode[] {
  const nodes: JsonNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) nodes.push(textNode(text.slice(last, at), format));
    if (m[1] !== undefined) nodes.push({ ...footnote(m[1]) });
    else if (m[2] !== undefined) nodes.push(...inlineNodes(m[2], format | TEXT_BOLD, footnote));
    else if (m[3] !== undefined) nodes.push(...inlineNodes(m[3], format | TEXT_ITALIC, footnote));
    else if (m[4] !== undefined && m[5] !== undefined) {
      nodes.push({ ...element('link', { url: m[5], rel: 'noreferrer', target: null, title: null }), children: inlineNodes(m[4], format, footnote) });
    }
    last = at + m[0].length;
  }
  if (last < text.length) nodes.push(textNode(text.slice(last), format));
  return nodes;
}
