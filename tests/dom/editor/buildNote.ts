import type { LexicalJson } from '../../../common/domain/schemas';

/** Builders for serialized Lexical notes, shaped as Lexical 0.52 writes them. */
type Node = Record<string, unknown>;

const FORMAT = { bold: 1, italic: 2, underline: 8 } as const;

export function text(value: string, ...formats: (keyof typeof FORMAT)[]): Node {
  const format = formats.reduce((sum, f) => sum | FORMAT[f], 0);
  return { type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 };
}

function element(type: string, children: Node[], extra: Node = {}): Node {
  return { type, version: 1, direction: null, format: '', indent: 0, children, ...extra };
}

export const paragraph = (...children: Node[]): Node =>
  element('paragraph', children, { textFormat: 0, textStyle: '' });

export const heading = (tag: 'h2' | 'h3', ...children: Node[]): Node => element('heading', children, { tag });

export const quote = (...children: Node[]): Node => element('quote', children);

export const link = (url: string, ...children: Node[]): Node =>
  element('link', children, { url, rel: 'noopener noreferrer', target: null, title: null });

export function list(kind: 'bullet' | 'number', ...items: Node[][]): Node {
  return element(
    'list',
    items.map((children, index) => element('listitem', children, { value: index + 1, checked: undefined })),
    { listType: kind, start: 1, tag: kind === 'bullet' ? 'ul' : 'ol' },
  );
}

export function note(...blocks: Node[]): LexicalJson {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks } };
}

/** A note with every kind of content the editor supports. */
export function richNote(): LexicalJson {
  return note(
    heading('h2', text('Background')),
    paragraph(text('The mission was '), text('under-resourced', 'bold'), text(' from the start.')),
    list('bullet', [text('Troop shortfall')], [text('No air assets')]),
    quote(text('Peacekeeping without peace.')),
    paragraph(text('See '), link('https://example.org/report', text('the report')), text('.')),
  );
}
