import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import CSL from 'citeproc';
import { AppError } from '../../common/errors';
import { readLocale, styleHasBibliography, type CslNode } from './cslCatalogue';

/**
 * CSL style files the analyst adds (a journal's own `.csl`), and CSL XML for tools beside us
 * (Pandoc). A style file is untrusted: it is parsed with a real XML parser (no DTD, no entities
 * beyond XML's own), checked for the shape of a CSL style, and tried on a sample record with
 * citeproc-js before it is accepted, so a bad file gives a message that says what is wrong and
 * never half-works at export time.
 */

export const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';
export const MAX_STYLE_BYTES = 2 * 1024 * 1024;

export interface ParsedStyle {
  tree: CslNode;
  /** From `<info><title>`. */
  title: string;
  /** A slug from `<info><id>` (its last path segment) or the title. */
  slug: string;
  class: 'note' | 'in-text';
  hasBibliography: boolean;
}

interface XmlNode {
  nodeType: number;
  nodeName: string;
  localName?: string | null;
  namespaceURI?: string | null;
  nodeValue?: string | null;
  childNodes: ArrayLike<XmlNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

function toTree(node: XmlNode): CslNode {
  const attrs: Record<string, string> = {};
  for (const a of Array.from(node.attributes ?? [])) {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    attrs[a.name] = a.value;
  }
  const children: (CslNode | string)[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === ELEMENT) children.push(toTree(child));
    else if ((child.nodeType === TEXT || child.nodeType === CDATA) && child.nodeValue && child.nodeValue.trim()) children.push(child.nodeValue);
  }
  const name = node.localName ?? node.nodeName;
  // citeproc expects an empty term to have one empty-string child.
  if (name === 'term' && children.length === 0) children.push('');
  return { name, attrs, children };
}

function childNamed(node: CslNode, name: string): CslNode | undefined {
  return node.children.find((c): c is CslNode => typeof c === 'object' && c.name === name);
}

function textOf(node: CslNode | undefined): string {
  if (!node) return '';
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('').trim();
}

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'style'
  );
}

/** Parses and checks a `.csl` file; throws INVALID_INPUT naming the file and what is wrong. */
export function parseCslStyle(xml: string, fileName = 'the style file'): ParsedStyle {
  const where = fileName.slice(0, 200);
  const fail = (what: string): never => {
    throw new AppError('INVALID_INPUT', `${where}: ${what}`);
  };
  if (Buffer.byteLength(xml, 'utf8') > MAX_STYLE_BYTES) fail('is larger than 2 MB; a CSL style is usually under 100 kB.');
  const text = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) fail('contains a DOCTYPE or entity declaration, which CSL styles never need; it was not read.');
  let doc: { documentElement: XmlNode | null };
  try {
    doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml') as unknown as { documentElement: XmlNode | null };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return fail(`is not well-formed XML (${message?.slice(0, 300)}).`);
  }
  const root = doc.documentElement;
  if (!root) return fail('is empty.');
  const rootName = root.localName ?? root.nodeName;
  if (rootName !== 'style') fail(`is not a CSL style: its root element is <${rootName.slice(0, 50)}>, not <style>.`);
  if (root.namespaceURI !== CSL_NAMESPACE) fail(`is not a CSL style: its <style> element is not in the CSL namespace (${CSL_NAMESPACE}).`);
  const tree = toTree(root);
  const info = childNamed(tree, 'info');
  const citation = childNamed(tree, 'citation');
  if (!citation) fail('has no <citation> element, so it cannot format footnotes or in-text citations.');
  if (citation && !childNamed(citation, 'layout')) fail('has a <citation> without a <layout>.');
  const bibliography = childNamed(tree, 'bibliography');
  if (bibliography && !childNamed(bibliography, 'layout')) fail('has a <bibliography> without a <layout>.');
  if (childNamed(tree, 'info') === undefined && !tree.attrs.version) fail('has neither <info> nor a version attribute.');
  const title = textOf(info && childNamed(info, 'title')) || fileName.replace(/\.csl$/i, '');
  const idText = textOf(info && childNamed(info, 'id'));
  const slug = slugify(idText.split('/').filter(Boolean).pop() ?? title);
  const cls = tree.attrs.class === 'note' ? 'note' : 'in-text';
  const parsed: ParsedStyle = { tree, title: title.slice(0, 300), slug, class: cls, hasBibliography: styleHasBibliography(tree) };
  tryStyle(parsed, where);
  return parsed;
}

/** Formats a sample citation and bibliography; a style citeproc cannot run is refused here. */
function tryStyle(style: ParsedStyle, where: string): void {
  const item = {
    id: 'sample',
    type: 'book',
    title: 'A Sample Title',
    author: [{ family: 'Author', given: 'Ann' }],
    issued: { 'date-parts': [[2011]] },
    publisher: 'Publisher',
    'publisher-place': 'Place',
  };
  try {
    const engine = new CSL.Engine(
      { retrieveLocale: (lang: string) => readLocale(lang), retrieveItem: () => item },
      structuredClone(style.tree),
      'en-US',
      false,
    );
    engine.rebuildProcessorState([{ citationID: 'c1', properties: { noteIndex: 1 }, citationItems: [{ id: 'sample', locator: '12', label: 'page' }] }], 'html');
    if (style.hasBibliography) engine.makeBibliography();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new AppError('INVALID_INPUT', `${where}: citeproc-js could not use this style (${message.slice(0, 300)}).`);
  }
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] as string);

/** A style tree as CSL XML (with the CSL namespace), for Pandoc and for saving beside an export. */
export function cslTreeToXml(tree: CslNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  const write = (node: CslNode, depth: number, root: boolean) => {
    const indent = '  '.repeat(depth);
    const attrs = Object.entries(node.attrs)
      .filter(([k]) => k !== 'xmlns')
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('');
    const ns = root ? ` xmlns="${CSL_NAMESPACE}"` : '';
    const kids = node.children.filter((c) => c !== '');
    if (kids.length === 0) {
      out.push(node.name === 'term' || node.name === 'single' || node.name === 'multiple' ? `${indent}<${node.name}${ns}${attrs}></${node.name}>\n` : `${indent}<${node.name}${ns}${attrs}/>\n`);
      return;
    }
    if (kids.every((c) => typeof c === 'string')) {
      out.push(`${indent}<${node.name}${ns}${attrs}>${escapeXml((kids as string[]).join(''))}</${node.name}>\n`);
      return;
    }
    out.push(`${indent}<${node.name}${ns}${attrs}>\n`);
    for (const c of kids) {
      if (typeof c === 'string') out.push(`${indent}  ${escapeXml(c)}\n`);
      else write(c, depth + 1, false);
    }
    out.push(`${indent}</${node.name}>\n`);
  };
  write(tree, 0, true);
  return out.join('');
}
