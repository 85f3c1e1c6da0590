import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../common/errors';
import { readStyle, requireStyleId, styleClass, styleHasBibliography, styleTitle, type CslNode } from './cslCatalogue';
import { cslTreeToXml, parseCslStyle } from './cslStyleFile';
import { CUSTOM_STYLE_ID_PREFIX } from '../store/citationsSettings';

/**
 * A citation style ready to format with, whichever way it came: a catalogue id (`apa`), a style
 * the knowledge base holds (`custom:<slug>`, added from a `.csl` file), or a `.csl` file named on
 * the command line. `key` identifies the style's content (for engine and result caches).
 */
export interface ResolvedStyle {
  id: string;
  key: string;
  title: string;
  class: 'note' | 'in-text';
  hasBibliography: boolean;
  tree: CslNode;
  /** What to hand the formatter: the id for catalogue styles, the tree for the others. */
  formatterStyle: string | { key: string; tree: CslNode };
  xml(): string;
}

function titleOf(tree: CslNode, fallback: string): string {
  const info = tree.children.find((c): c is CslNode => typeof c === 'object' && c.name === 'info');
  const title = info?.children.find((c): c is CslNode => typeof c === 'object' && c.name === 'title');
  const text = title?.children.filter((c): c is string => typeof c === 'string').join('').trim();
  return text || fallback;
}

export function resolveCatalogueStyle(id: string): ResolvedStyle {
  requireStyleId(id);
  const tree = readStyle(id);
  return {
    id,
    key: id,
    title: titleOf(tree, styleTitle(id)),
    class: styleClass(tree) === 'note' ? 'note' : 'in-text',
    hasBibliography: styleHasBibliography(tree),
    tree,
    formatterStyle: id,
    xml: () => cslTreeToXml(tree),
  };
}

export function resolveXmlStyle(id: string, xml: string, fileName: string): ResolvedStyle {
  const parsed = parseCslStyle(xml, fileName);
  const key = createHash('sha256').update(xml).digest('hex').slice(0, 24);
  return {
    id,
    key,
    title: parsed.title,
    class: parsed.class,
    hasBibliography: parsed.hasBibliography,
    tree: parsed.tree,
    formatterStyle: { key, tree: parsed.tree },
    xml: () => xml,
  };
}

/**
 * Resolves a style id or (when `allowFiles`: the command line, never the renderer) a path to a
 * `.csl` file. `custom` answers the XML of a style the knowledge base holds (null when none).
 */
export function resolveStyle(idOrPath: string, custom: (id: string) => string | null, allowFiles = false): ResolvedStyle {
  if (idOrPath.startsWith(CUSTOM_STYLE_ID_PREFIX)) {
    const xml = custom(idOrPath);
    if (xml === null) throw new AppError('NOT_FOUND', `style: this knowledge base has no added style “${idOrPath.slice(0, 100)}”.`);
    return resolveXmlStyle(idOrPath, xml, idOrPath);
  }
  if (allowFiles && /\.csl$/i.test(idOrPath)) {
    let xml: string;
    try {
      xml = readFileSync(idOrPath, 'utf8');
    } catch (e) {
      throw new AppError('IO', `style: cannot read ${idOrPath}: ${(e as Error).message}`);
    }
    return resolveXmlStyle(`file:${basename(idOrPath)}`, xml, basename(idOrPath));
  }
  return resolveCatalogueStyle(idOrPath);
}
