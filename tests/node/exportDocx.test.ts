import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DOMParser, onErrorStopParsing, type Document as XmlDocument, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCatalogueStyle } from '../../main/citations/resolveStyle';
import { createKb, openKb } from '../../main/db/openKb';
import { buildDossier } from '../../main/export/buildDossier';
import { runsText, type Block, type Dossier, type DossierFootnote, type Inline, type Run } from '../../main/export/documentModel';
import { resolveScope } from '../../main/export/exportScope';
import { openFormatCache } from '../../main/export/formatCache';
import { renderDocx } from '../../main/export/renderDocx';
import { writeSampleKb } from '../../main/sample/writeSampleKb';
import { createKbSession } from '../../main/store/kbSession';
import { kbStoreFor } from '../../main/store/kbStore';
import { tempDir } from './support/builders';

// ── A realistic dossier, built by hand ─────────────────────────────────────────────────────────

const run = (text: string, format: Omit<Run, 'text'> = {}): Inline => ({ kind: 'run', run: { text, ...format } });
const fn = (number: number): Inline => ({ kind: 'footnote', number });
const para = (...inlines: Inline[]): Block => ({ kind: 'paragraph', inlines });
const item = (ordered: boolean, depth: number, ...inlines: Inline[]): Block => ({ kind: 'listItem', ordered, depth, inlines });
const footnote = (number: number, citation: Run[], commentary = ''): DossierFootnote => ({ number, citation, commentary, citations: [] });

const REWIRING = 'Rewiring Regional Security in a Fragmented World';
const NEW_PARTNERS = 'New Partners, New Possibilities: The Evolution of Inter-organizational Security Cooperation in International Peace Operations';
const IMO_URL = 'https://www.imo.org/en/OurWork/Security/Pages/PiracyReports.aspx?year=2009&region=east-africa';
const CONTACT_GROUP = 'The Contact Group on Piracy off the Coast of Somalia first met in January 2009.';

const CHICAGO = { id: 'chicago-note-bibliography', title: 'Chicago Manual of Style 17th edition (note)', class: 'note', hasBibliography: true } as const;

/** Chicago notes: a full note with an italic title, another source, a short note with commentary, "Ibid.", an article. */
const PIRACY_FOOTNOTES: DossierFootnote[] = [
  footnote(1, [
    { text: 'Chester A. Crocker, Fen Osler Hampson, and Pamela Aall, eds., ' },
    { text: REWIRING, italic: true },
    { text: ' (Washington, DC: United States Institute of Peace Press, 2011), 12.' },
  ]),
  footnote(2, [
    { text: 'Kristin M. Haugevik, ' },
    { text: NEW_PARTNERS, italic: true },
    { text: ', Security in Practice 6 (Oslo: Norwegian Institute of International Affairs, 2007), 9.' },
  ]),
  footnote(3, [{ text: 'Crocker, Hampson, and Aall, ' }, { text: 'Rewiring Regional Security', italic: true }, { text: ', 14.' }], CONTACT_GROUP),
  footnote(4, [{ text: 'Ibid., 15.' }]),
  footnote(5, [
    { text: 'Chester A. Crocker, Fen Osler Hampson, and Pamela Aall, “Collective Conflict Management: A New Formula for Global Peace and Security Cooperation?,” ' },
    { text: 'International Affairs', italic: true },
    { text: ' 87, no. 1 (2011): 41.' },
  ]),
];

function piracyDossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    title: 'Horn of Africa piracy, 2009',
    style: CHICAGO,
    locale: 'en-US',
    createdAt: '2025-03-14T09:30:00.000Z',
    sources: [],
    styleXml: '',
    cases: [
      {
        id: 'case-1',
        title: 'Horn of Africa piracy, 2009',
        fields: [
          { name: 'Period', value: '2008 – 2012' },
          { name: 'Region', value: 'Gulf of Aden and the Somali Basin' },
          { name: 'Actors', value: 'EU NAVFOR (Operation Atalanta); Combined Task Force 151; UN Security Council' },
          { name: 'Casualties', value: '' },
          { name: 'Threat type', value: 'Maritime piracy' },
          { name: 'Outcome', value: 'Attacks fell sharply after 2011' },
        ],
        blocks: [
          para(
            run('Piracy off the Somali coast '),
            run('peaked between 2009 and 2011', { bold: true }),
            run(', and the response was an '),
            run('ad hoc', { italic: true }),
            run(' coalition of navies rather than a single alliance.'),
            fn(1),
          ),
          para(
            run('Haugevik describes the same pattern of '),
            run('inter-organizational', { italic: true }),
            run(' cooperation in peace operations.'),
            fn(2),
            { kind: 'break' },
            run('Observers called it “collective conflict management”.'),
          ),
          { kind: 'heading', level: 1, inlines: [run('Who patrolled the Gulf of Aden')] },
          item(false, 0, run('EU NAVFOR Operation '), run('Atalanta', { italic: true }), fn(3)),
          item(false, 1, run('escorts for World Food Programme shipping')),
          item(false, 0, run('Combined Task Force 151')),
          {
            kind: 'quote',
            inlines: [run('new patterns of international cooperation are emerging which are largely ad hoc, informal, improvised and opportunistic'), fn(4)],
          },
          { kind: 'heading', level: 2, inlines: [run('Sequence')] },
          item(true, 0, run('Resolution 1816 (June 2008)')),
          item(true, 0, run('Resolution 1851 (December 2008)')),
          item(true, 1, run('authorised action on land')),
          item(true, 0, run('Contact Group first meets (January 2009)')),
          para(run('A second list starts again:')),
          item(true, 0, run('Djibouti Code of Conduct')),
          para(
            run('For data see '),
            { kind: 'link', url: IMO_URL, runs: [{ text: 'the IMO piracy reports' }] },
            run('; a pasted '),
            { kind: 'link', url: 'javascript:alert(1)', runs: [{ text: 'script link' }] },
            run(' stays text. Formats: '),
            run('CTF-151', { code: true }),
            run(' '),
            run('un', { smallCaps: true }),
            run(' 20'),
            run('th', { sup: true }),
            run(' CO'),
            run('2', { sub: true }),
            run(' '),
            run('underlined', { underline: true }),
            run(' '),
            run('struck', { strike: true }),
            run('.'),
            fn(5),
          ),
        ],
      },
    ],
    footnotes: PIRACY_FOOTNOTES,
    bibliography: [
      [
        { text: 'Crocker, Chester A., Fen Osler Hampson, and Pamela Aall. “Collective Conflict Management: A New Formula for Global Peace and Security Cooperation?” ' },
        { text: 'International Affairs', italic: true },
        { text: ' 87, no. 1 (2011): 39–58.' },
      ],
      [
        { text: 'Crocker, Chester A., Fen Osler Hampson, and Pamela Aall, eds. ' },
        { text: REWIRING, italic: true },
        { text: '. Washington, DC: United States Institute of Peace Press, 2011.' },
      ],
      [{ text: 'Haugevik, Kristin M. ' }, { text: NEW_PARTNERS, italic: true }, { text: '. Security in Practice 6. Oslo: Norwegian Institute of International Affairs, 2007.' }],
    ],
    ...overrides,
  };
}

/** What a footnote should read: the citation, then the commentary. */
function expectedText(f: DossierFootnote): string {
  return [runsText(f.citation).trim(), f.commentary.trim()].filter(Boolean).join(' ');
}

// ── Reading the .docx ──────────────────────────────────────────────────────────────────────────

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function parseXml(xml: string, name: string): XmlDocument {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');
  } catch (e) {
    throw new Error(`${name} is not well-formed XML: ${(e as Error).message}`);
  }
}

function all(root: XmlDocument | XmlElement, ns: string, local: string): XmlElement[] {
  const list = root.getElementsByTagNameNS(ns, local);
  const out: XmlElement[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i) as XmlElement);
  return out;
}

function isElement(node: XmlNode): node is XmlElement {
  return node.nodeType === 1;
}

/** Word text of an element: w:t as is, w:tab as a tab, w:br as a newline. */
function wText(node: XmlNode): string {
  if (!isElement(node)) return '';
  if (node.namespaceURI === W && node.localName === 't') return node.textContent ?? '';
  if (node.namespaceURI === W && node.localName === 'tab' && node.parentNode && (node.parentNode as XmlElement).localName === 'r') return '\t';
  if (node.namespaceURI === W && node.localName === 'br') return '\n';
  let out = '';
  for (let i = 0; i < node.childNodes.length; i++) out += wText(node.childNodes.item(i) as XmlNode);
  return out;
}

/** Text of the runs inside `el` whose properties have `w:<prop>` on (italic: `i`). */
function formattedText(el: XmlElement, prop: string): string[] {
  return all(el, W, 'r')
    .filter((r) => all(r, W, prop).some((p) => p.getAttributeNS(W, 'val') !== 'false' && p.getAttributeNS(W, 'val') !== '0'))
    .map(wText);
}

interface DocxParts {
  document: XmlDocument;
  footnotes: XmlDocument;
  numbering: XmlDocument;
  styles: XmlDocument;
  rels: string;
  core: string;
}

async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  const text: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (!file || !/\.(xml|rels)$/.test(name)) continue;
    text[name] = await file.async('string');
    parseXml(text[name], name); // every part must be well-formed
  }
  const part = (name: string) => {
    const xml = text[name];
    if (xml === undefined) throw new Error(`the .docx has no ${name}`);
    return xml;
  };
  return {
    document: parseXml(part('word/document.xml'), 'document.xml'),
    footnotes: parseXml(part('word/footnotes.xml'), 'footnotes.xml'),
    numbering: parseXml(part('word/numbering.xml'), 'numbering.xml'),
    styles: parseXml(part('word/styles.xml'), 'styles.xml'),
    rels: part('word/_rels/document.xml.rels'),
    core: part('docProps/core.xml'),
  };
}

/** The footnotes that carry text (not the separators), by id. */
function wordFootnotes(footnotes: XmlDocument) {
  return all(footnotes, W, 'footnote')
    .filter((f) => !f.getAttributeNS(W, 'type'))
    .map((f) => ({ id: f.getAttributeNS(W, 'id'), text: wText(f).trim(), italic: formattedText(f, 'i'), marks: all(f, W, 'footnoteRef').length }));
}

function referenceIds(document: XmlDocument): (string | null)[] {
  return all(document, W, 'footnoteReference').map((r) => r.getAttributeNS(W, 'id'));
}

function paragraphs(document: XmlDocument) {
  const body = all(document, W, 'body')[0] as XmlElement;
  return all(body, W, 'p').map((p) => {
    const style = all(p, W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? null;
    const numPr = all(p, W, 'numPr')[0];
    const list = numPr
      ? { level: Number(all(numPr, W, 'ilvl')[0]?.getAttributeNS(W, 'val')), numId: all(numPr, W, 'numId')[0]?.getAttributeNS(W, 'val') }
      : null;
    return { style, list, text: wText(p), el: p };
  });
}

// ── LibreOffice ────────────────────────────────────────────────────────────────────────────────

const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
const FO = 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0';

/** soffice on PATH, or a failure that says what to install (CI installs it; these tests never skip). */
function soffice(): string {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error('LibreOffice (soffice) is not on PATH. These tests open the .docx in a real word processor: install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui).');
}

let profileDir = '';
beforeAll(() => {
  profileDir = mkdtempSync(join(tmpdir(), 'casebook-lo-profile-'));
});
afterAll(() => {
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

/** Converts `file` with LibreOffice headless (`odt`, `txt:Text`, …) and returns the output's path. */
function convert(file: string, format: string, ext: string): string {
  const bin = soffice();
  const outDir = tempDir('casebook-lo-out-');
  const result = spawnSync(
    bin,
    ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${profileDir}`, '--convert-to', format, '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 100_000 },
  );
  const base = file.replace(/^.*[\\/]/, '').replace(/\.docx$/, '');
  const out = join(outDir, `${base}.${ext}`);
  if (result.status !== 0 || !existsSync(out)) {
    throw new Error(`soffice could not convert ${file} to ${format} (status ${result.status}): ${result.error?.message ?? ''}\n${result.stdout}\n${result.stderr}`);
  }
  return out;
}

async function writeDocx(dossier: Dossier, name = 'dossier.docx'): Promise<string> {
  const path = join(tempDir(), name);
  writeFileSync(path, await renderDocx(dossier));
  return path;
}

/** ODF text of an element: text:s as its spaces, text:tab, text:line-break; notes left out unless asked. */
function odfText(node: XmlNode, withNotes = false): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (!isElement(node)) return '';
  if (node.namespaceURI === TEXT) {
    if (node.localName === 's') return ' '.repeat(Number(node.getAttributeNS(TEXT, 'c') || '1'));
    if (node.localName === 'tab') return '\t';
    if (node.localName === 'line-break') return '\n';
    if (node.localName === 'note' && !withNotes) return '';
  }
  let out = '';
  for (let i = 0; i < node.childNodes.length; i++) out += odfText(node.childNodes.item(i) as XmlNode, withNotes);
  return out;
}

interface OdtContent {
  content: XmlDocument;
  styles: XmlDocument;
  notes: { noteClass: string | null; citation: string; body: string; italic: string[] }[];
  /** Paragraph and heading texts with their (display) style names, notes left out. */
  paragraphs: { style: string; text: string }[];
}

async function readOdt(path: string): Promise<OdtContent> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const content = parseXml(await (zip.file('content.xml') as JSZip.JSZipObject).async('string'), 'content.xml');
  const styles = parseXml(await (zip.file('styles.xml') as JSZip.JSZipObject).async('string'), 'styles.xml');
  const italicStyles = new Set(
    all(content, STYLE, 'style')
      .filter((s) => all(s, STYLE, 'text-properties').some((p) => p.getAttributeNS(FO, 'font-style') === 'italic'))
      .map((s) => s.getAttributeNS(STYLE, 'name')),
  );
  const notes = all(content, TEXT, 'note').map((note) => {
    const body = all(note, TEXT, 'note-body')[0] as XmlElement;
    return {
      noteClass: note.getAttributeNS(TEXT, 'note-class'),
      citation: odfText(all(note, TEXT, 'note-citation')[0] as XmlElement),
      body: odfText(body).trim(),
      italic: all(body, TEXT, 'span').filter((s) => italicStyles.has(s.getAttributeNS(TEXT, 'style-name'))).map((s) => odfText(s)),
    };
  });
  const office = all(content, 'urn:oasis:names:tc:opendocument:xmlns:office:1.0', 'text')[0] as XmlElement;
  const blocks = [...all(office, TEXT, 'p'), ...all(office, TEXT, 'h')].filter((p) => !all(office, TEXT, 'note-body').some((b) => contains(b, p)));
  // Document order: sort by position in a walk of the tree.
  const order = new Map<XmlNode, number>();
  let n = 0;
  const walk = (node: XmlNode) => {
    order.set(node, n++);
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes.item(i) as XmlNode);
  };
  walk(office);
  blocks.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { content, styles, notes, paragraphs: blocks.map((p) => ({ style: (p.getAttributeNS(TEXT, 'style-name') ?? '').replace(/_20_/g, ' '), text: odfText(p) })) };
}

function contains(ancestor: XmlNode, node: XmlNode): boolean {
  for (let p: XmlNode | null = node.parentNode; p; p = p.parentNode) if (p === ancestor) return true;
  return false;
}

// ── Tests ──────────────────────────────────────────────────────────────────────────────────────

describe('renderDocx: the .docx itself', () => {
  it('writes every footnote reference as a real Word footnote with the style’s text, in document order', async () => {
    const dossier = piracyDossier();
    const docx = await readDocx(await renderDocx(dossier));

    const notes = wordFootnotes(docx.footnotes);
    expect(notes.map((n) => n.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(notes.map((n) => n.text)).toEqual(PIRACY_FOOTNOTES.map(expectedText));
    expect(notes.every((n) => n.marks === 1)).toBe(true);
    expect(notes[0]?.italic).toEqual([REWIRING]);
    expect(notes[2]?.text).toBe(`Crocker, Hampson, and Aall, Rewiring Regional Security, 14. ${CONTACT_GROUP}`);
    expect(notes[3]?.text).toBe('Ibid., 15.');
    expect(notes[4]?.italic).toEqual(['International Affairs']);
    expect(referenceIds(docx.document)).toEqual(['1', '2', '3', '4', '5']);

    // The separators are the plain ones Word writes, without a footnote mark.
    const separators = all(docx.footnotes, W, 'footnote').filter((f) => f.getAttributeNS(W, 'type'));
    expect(separators.map((f) => f.getAttributeNS(W, 'type'))).toEqual(['separator', 'continuationSeparator']);
    expect(separators.every((f) => all(f, W, 'footnoteRef').length === 0)).toBe(true);
  });

  it('puts the fields in a two-column table with a header row, leaving out empty values', async () => {
    const docx = await readDocx(await renderDocx(piracyDossier()));
    const tables = all(docx.document, W, 'tbl');
    expect(tables).toHaveLength(1);
    const rows = all(tables[0] as XmlElement, W, 'tr');
    const cells = rows.map((r) => all(r, W, 'tc').map(wText));
    expect(cells).toEqual([
      ['Field', 'Value'],
      ['Period', '2008 – 2012'],
      ['Region', 'Gulf of Aden and the Somali Basin'],
      ['Actors', 'EU NAVFOR (Operation Atalanta); Combined Task Force 151; UN Security Council'],
      ['Threat type', 'Maritime piracy'],
      ['Outcome', 'Attacks fell sharply after 2011'],
    ]);
    expect(all(rows[0] as XmlElement, W, 'tblHeader')).toHaveLength(1);
    expect(rows.slice(1).every((r) => all(r, W, 'tblHeader').length === 0)).toBe(true);
    expect(all(tables[0] as XmlElement, W, 'gridCol')).toHaveLength(2);
  });

  it('writes headings one level below the case, quotes, numbered and bulleted lists, run formats and safe links', async () => {
    const docx = await readDocx(await renderDocx(piracyDossier()));
    const ps = paragraphs(docx.document);
    const styleOf = (text: string) => ps.find((p) => p.text === text)?.style;
    expect(styleOf('Horn of Africa piracy, 2009')).toBe('Title');
    expect(ps.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Horn of Africa piracy, 2009', 'Bibliography']);
    expect(styleOf('Who patrolled the Gulf of Aden')).toBe('Heading2');
    expect(styleOf('Sequence')).toBe('Heading3');
    expect(ps.find((p) => p.text.startsWith('new patterns'))?.style).toBe('Quote');
    expect(ps.find((p) => p.text.startsWith('Haugevik describes'))?.text).toBe(
      'Haugevik describes the same pattern of inter-organizational cooperation in peace operations.\nObservers called it “collective conflict management”.',
    );
    expect(ps[1]?.text).toMatch(/^Chicago Manual of Style 17th edition \(note\) · en-US · March 14, 2025$/);

    // Lists: levels follow depth; each list (and each sublist) has its own numbering, so it counts from 1.
    const listed = ps.filter((p) => p.list).map((p) => ({ text: p.text, level: p.list?.level, numId: p.list?.numId }));
    expect(listed.map((l) => [l.text, l.level])).toEqual([
      ['EU NAVFOR Operation Atalanta', 0],
      ['escorts for World Food Programme shipping', 1],
      ['Combined Task Force 151', 0],
      ['Resolution 1816 (June 2008)', 0],
      ['Resolution 1851 (December 2008)', 0],
      ['authorised action on land', 1],
      ['Contact Group first meets (January 2009)', 0],
      ['Djibouti Code of Conduct', 0],
    ]);
    const numIds = listed.map((l) => l.numId);
    expect(numIds[0]).toBe(numIds[2]);
    expect(numIds[3]).toBe(numIds[6]);
    expect(new Set([numIds[0], numIds[1], numIds[3], numIds[5], numIds[7]]).size).toBe(5);
    const formatOf = (numId: string | null | undefined, level: number) => {
      const num = all(docx.numbering, W, 'num').find((n) => n.getAttributeNS(W, 'numId') === numId) as XmlElement;
      const abstractId = all(num, W, 'abstractNumId')[0]?.getAttributeNS(W, 'val');
      const abstract = all(docx.numbering, W, 'abstractNum').find((a) => a.getAttributeNS(W, 'abstractNumId') === abstractId) as XmlElement;
      const lvl = all(abstract, W, 'lvl').find((l) => l.getAttributeNS(W, 'ilvl') === String(level)) as XmlElement;
      return all(lvl, W, 'numFmt')[0]?.getAttributeNS(W, 'val');
    };
    expect(formatOf(numIds[0], 0)).toBe('bullet');
    expect(formatOf(numIds[3], 0)).toBe('decimal');
    expect(formatOf(numIds[5], 1)).toBe('lowerLetter');

    // Run formats.
    const last = ps.find((p) => p.text.startsWith('For data see')) as { el: XmlElement; text: string };
    expect(formattedText(last.el, 'smallCaps')).toEqual(['un']);
    expect(formattedText(last.el, 'strike')).toEqual(['struck']);
    expect(all(last.el, W, 'u').map((u) => wText(u.parentNode?.parentNode as XmlNode))).toEqual(['underlined']);
    const vert = all(last.el, W, 'vertAlign').map((v) => [v.getAttributeNS(W, 'val'), wText(v.parentNode?.parentNode as XmlNode)]);
    expect(vert).toEqual([['superscript', 'th'], ['subscript', '2']]);
    const mono = all(last.el, W, 'rFonts').map((f) => [f.getAttributeNS(W, 'ascii'), wText(f.parentNode?.parentNode as XmlNode)]);
    expect(mono).toEqual([['Courier New', 'CTF-151']]);
    const bold = ps.find((p) => p.text.startsWith('Piracy off')) as { el: XmlElement };
    expect(formattedText(bold.el, 'b')).toEqual(['peaked between 2009 and 2011']);
    expect(formattedText(bold.el, 'i')).toEqual(['ad hoc']);

    // Links: the web address is a hyperlink; the script link is only its text.
    const links = all(last.el, W, 'hyperlink');
    expect(links.map(wText)).toEqual(['the IMO piracy reports']);
    const rid = links[0]?.getAttributeNS(R, 'id');
    const rels = parseXml(docx.rels, 'rels');
    const rel = all(rels, 'http://schemas.openxmlformats.org/package/2006/relationships', 'Relationship').find((r) => r.getAttribute('Id') === rid);
    expect(rel?.getAttribute('Target')).toBe(IMO_URL);
    expect(rel?.getAttribute('TargetMode')).toBe('External');
    expect(docx.rels).not.toContain('javascript');
    expect(last.text).toContain('a pasted script link stays text.');
  });

  it('ends with a bibliography in hanging-indent paragraphs, called References for an in-text style', async () => {
    const docx = await readDocx(await renderDocx(piracyDossier()));
    const ps = paragraphs(docx.document);
    const at = ps.findIndex((p) => p.text === 'Bibliography');
    expect(ps.slice(at + 1).map((p) => [p.style, p.text.slice(0, 20)])).toEqual([
      ['Bibliography', 'Crocker, Chester A.,'],
      ['Bibliography', 'Crocker, Chester A.,'],
      ['Bibliography', 'Haugevik, Kristin M.'],
    ]);
    expect(formattedText(ps[at + 2]?.el as XmlElement, 'i')).toEqual([REWIRING]);
    const style = all(docx.styles, W, 'style').find((s) => s.getAttributeNS(W, 'styleId') === 'Bibliography') as XmlElement;
    const ind = all(style, W, 'ind')[0];
    expect(ind?.getAttributeNS(W, 'hanging')).toBe('720');
    expect(ind?.getAttributeNS(W, 'left')).toBe('720');

    const apa = await readDocx(await renderDocx(piracyDossier({ style: { id: 'apa', title: 'APA 7th edition', class: 'in-text', hasBibliography: true } })));
    const apaHeadings = paragraphs(apa.document).filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(apaHeadings).toEqual(['Horn of Africa piracy, 2009', 'References']);
  });

  it('has no bibliography heading for a style without one (International Affairs), nor for an empty one', async () => {
    for (const bibliography of [null, []]) {
      const dossier = piracyDossier({ style: { id: 'international-affairs', title: 'International Affairs', class: 'note', hasBibliography: false }, bibliography });
      const docx = await readDocx(await renderDocx(dossier));
      const texts = paragraphs(docx.document).map((p) => p.text);
      expect(texts).not.toContain('Bibliography');
      expect(texts).not.toContain('References');
      expect(paragraphs(docx.document).some((p) => p.style === 'Bibliography')).toBe(false);
      expect(wordFootnotes(docx.footnotes)).toHaveLength(5);
    }
  });

  it('sets the document properties: title and creator Casebook', async () => {
    const docx = await readDocx(await renderDocx(piracyDossier()));
    expect(docx.core).toContain('<dc:title>Horn of Africa piracy, 2009</dc:title>');
    expect(docx.core).toContain('<dc:creator>Casebook</dc:creator>');
    const defaults = all(docx.styles, W, 'docDefaults')[0] as XmlElement;
    expect(all(defaults, W, 'rFonts')[0]?.getAttributeNS(W, 'ascii')).toBe('Times New Roman');
    expect(all(defaults, W, 'lang')[0]?.getAttributeNS(W, 'val')).toBe('en-US');
  });

  it('keeps hostile text as text: markup characters, RTL, emoji; drops what XML cannot carry; tabs and newlines become elements', async () => {
    const hostile = 'a < b && c > d ]]> "quoted" \'single\' <w:t>x</w:t> &amp;';
    const rtl = 'עברית والعربية';
    const emoji = 'Pirates 🏴‍☠️ 👩🏽‍⚖️';
    const dossier = piracyDossier({
      title: `Title ${hostile}\u0001`,
      cases: [
        {
          id: 'c',
          title: `Case ${hostile}\u0007`,
          fields: [{ name: 'Name <&>\u0000', value: `Line one\nLine two\u0008\ttabbed ${rtl}` }],
          blocks: [
            para(run(`${hostile}\u0001\u000b\u001f\ufffe\uffff\ud800 lone\udc00 ${rtl} ${emoji}`), fn(1)),
            para(run('col1\tcol2\r\nnext line\rthird'), fn(2), run(' then a reference to a footnote that is not there'), fn(99)),
            para({ kind: 'link', url: 'https://example.org/?q=1&r=<2>', runs: [{ text: 'bad link' }] }, { kind: 'link', url: 'https://example.org/a\u0001b', runs: [{ text: 'control link' }] }),
          ],
        },
      ],
      footnotes: [footnote(1, [{ text: `Cited ${hostile}`, italic: true }], `Note ${rtl} ${emoji}\u0002`), footnote(2, [])],
    });
    const bytes = await renderDocx(dossier);
    const docx = await readDocx(bytes); // every part parses

    const ps = paragraphs(docx.document);
    expect(ps[0]?.text).toBe(`Title ${hostile}`);
    expect(ps.some((p) => p.text === `Case ${hostile}`)).toBe(true);
    expect(ps.some((p) => p.text === `${hostile} lone ${rtl} ${emoji}`)).toBe(true);
    expect(ps.some((p) => p.text === 'col1\tcol2\nnext line\nthird then a reference to a footnote that is not there')).toBe(true);
    const cells = all(docx.document, W, 'tc').map(wText);
    expect(cells).toEqual(['Field', 'Value', 'Name <&>', `Line one\nLine two\ttabbed ${rtl}`]);
    expect(all(docx.document, W, 'hyperlink')).toHaveLength(1);

    const notes = wordFootnotes(docx.footnotes);
    expect(notes.map((n) => n.text)).toEqual([`Cited ${hostile} Note ${rtl} ${emoji}`, '']);
    expect(referenceIds(docx.document)).toEqual(['1', '2']);
    expect(docx.core).toContain('Title a &lt; b &amp;&amp; c &gt; d ]]&gt;');

    // No forbidden character anywhere in the package.
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files)) {
      const xml = await zip.file(name)?.async('string');
      expect(xml ?? '', name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it('renders 500 footnotes across several cases, numbered through the whole document', async () => {
    const footnotes: DossierFootnote[] = [];
    const cases = Array.from({ length: 5 }, (_, c) => ({
      id: `case-${c}`,
      title: `Case ${c + 1}`,
      fields: [{ name: 'Region', value: `Region ${c + 1}` }],
      blocks: Array.from({ length: 100 }, (_, i): Block => {
        const number = c * 100 + i + 1;
        footnotes.push(footnote(number, [{ text: `Source ${number}, ` }, { text: 'Title', italic: true }, { text: `, ${number}.` }], i % 10 === 0 ? `Comment ${number}.` : ''));
        return para(run(`Paragraph ${number}.`), fn(number));
      }),
    }));
    const bytes = await renderDocx(piracyDossier({ title: '5 cases', cases, footnotes }));
    const docx = await readDocx(bytes);
    const notes = wordFootnotes(docx.footnotes);
    expect(notes).toHaveLength(500);
    expect(notes.map((n) => n.id)).toEqual(footnotes.map((f) => String(f.number)));
    expect(notes.map((n) => n.text)).toEqual(footnotes.map(expectedText));
    expect(referenceIds(docx.document)).toEqual(footnotes.map((f) => String(f.number)));
  });
});

describe('renderDocx: LibreOffice opens it', () => {
  it('reads real, numbered footnotes with the style’s text, the field table, lists and the bibliography', { timeout: 120_000 }, async () => {
    const dossier = piracyDossier();
    const file = await writeDocx(dossier, 'horn-of-africa.docx');
    const odt = await readOdt(convert(file, 'odt', 'odt'));

    // Footnotes are <text:note text:note-class="footnote"> with LibreOffice's own numbers 1…5.
    expect(odt.notes.map((n) => n.noteClass)).toEqual(['footnote', 'footnote', 'footnote', 'footnote', 'footnote']);
    expect(odt.notes.map((n) => n.citation)).toEqual(['1', '2', '3', '4', '5']);
    expect(odt.notes.map((n) => n.body)).toEqual(PIRACY_FOOTNOTES.map(expectedText));
    expect(odt.notes[0]?.italic).toEqual([REWIRING]);
    expect(odt.notes[1]?.italic).toEqual([NEW_PARTNERS]);
    expect(odt.notes[4]?.italic).toEqual(['International Affairs']);

    // The fields are a table with a repeating header row.
    const tables = all(odt.content, TABLE, 'table');
    expect(tables).toHaveLength(1);
    const header = all(tables[0] as XmlElement, TABLE, 'table-header-rows')[0] as XmlElement;
    expect(all(header, TABLE, 'table-cell').map((c) => odfText(c))).toEqual(['Field', 'Value']);
    expect(all(tables[0] as XmlElement, TABLE, 'table-row')).toHaveLength(6);

    const styles = odt.paragraphs.map((p) => [p.style, p.text]);
    expect(styles).toContainEqual(['Title', 'Horn of Africa piracy, 2009']);
    expect(styles).toContainEqual(['Heading 1', 'Horn of Africa piracy, 2009']);
    expect(styles).toContainEqual(['Heading 2', 'Who patrolled the Gulf of Aden']);
    expect(styles).toContainEqual(['Heading 1', 'Bibliography']);
    expect(odt.paragraphs.filter((p) => p.style === 'Bibliography').map((p) => p.text.slice(0, 20))).toEqual([
      'Crocker, Chester A.,',
      'Crocker, Chester A.,',
      'Haugevik, Kristin M.',
    ]);
    // The bibliography style keeps its hanging indent.
    const bib = all(odt.styles, STYLE, 'style').find((s) => s.getAttributeNS(STYLE, 'name') === 'Bibliography') as XmlElement;
    const props = all(bib, STYLE, 'paragraph-properties')[0];
    expect(props?.getAttributeNS(FO, 'margin-left')).toBe('0.5in');
    expect(props?.getAttributeNS(FO, 'text-indent')).toBe('-0.5in');
    const quote = all(odt.styles, STYLE, 'style').find((s) => s.getAttributeNS(STYLE, 'name') === 'Quote') as XmlElement;
    expect(all(quote, STYLE, 'paragraph-properties')[0]?.getAttributeNS(FO, 'margin-left')).toBe('0.5in');
  });

  it('in its plain-text view, anchors are numbers in the text and the footnote text is not inline; lists are numbered', { timeout: 120_000 }, async () => {
    const file = await writeDocx(piracyDossier(), 'horn-of-africa.docx');
    const text = readFileSync(convert(file, 'txt:Text', 'txt'), 'utf8').replace(/^\ufeff/, '');
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    expect(lines).toContain('Piracy off the Somali coast peaked between 2009 and 2011, and the response was an ad hoc coalition of navies rather than a single alliance.1');
    expect(lines).toContain('new patterns of international cooperation are emerging which are largely ad hoc, informal, improvised and opportunistic4');
    expect(text).not.toContain('Washington, DC: United States Institute of Peace Press, 2011), 12.');
    expect(text).not.toContain(CONTACT_GROUP);
    // Numbered lists count from 1 again after a bullet list, and a second list starts again.
    expect(lines).toContain('1. Resolution 1816 (June 2008)');
    expect(lines).toContain('2. Resolution 1851 (December 2008)');
    expect(lines).toContain('a. authorised action on land');
    expect(lines).toContain('3. Contact Group first meets (January 2009)');
    expect(lines).toContain('1. Djibouti Code of Conduct');
    expect(lines).toContain('Period');
    expect(lines).toContain('Gulf of Aden and the Somali Basin');
  });

  it('reads hostile text intact and keeps the empty footnote', { timeout: 120_000 }, async () => {
    const rtl = 'עברית والعربية';
    const emoji = 'Pirates 🏴‍☠️';
    const hostile = 'a < b && c > d ]]> "quoted"';
    const dossier = piracyDossier({
      cases: [{ id: 'c', title: 'Hostile', fields: [], blocks: [para(run(`${hostile}\u0001 ${rtl} ${emoji}`), fn(1), run(' and'), fn(2))] }],
      footnotes: [footnote(1, [{ text: hostile }], `${rtl} ${emoji}`), footnote(2, [])],
      bibliography: null,
    });
    const odt = await readOdt(convert(await writeDocx(dossier), 'odt', 'odt'));
    expect(odt.paragraphs.map((p) => p.text)).toContain(`${hostile} ${rtl} ${emoji} and`);
    expect(odt.notes.map((n) => [n.citation, n.body])).toEqual([
      ['1', `${hostile} ${rtl} ${emoji}`],
      ['2', ''],
    ]);
  });

  it('a dossier built from the sample knowledge base opens with every footnote as a real footnote', { timeout: 120_000 }, async () => {
    const kbPath = join(tempDir(), 'sample.casebook');
    createKb(kbPath);
    const session = createKbSession(openKb(kbPath), () => 'tester');
    const cache = openFormatCache(null);
    try {
      writeSampleKb(session);
      const store = kbStoreFor(session);
      const id = session.db.prepare<[string], string>('SELECT id FROM cases WHERE title = ?').pluck().get('Horn of Africa piracy, 2009');
      expect(id).toBeTruthy();
      const scope = resolveScope(session.db, { kind: 'cases', caseIds: [id as string] }, 'cited');
      for (const styleId of ['chicago-note-bibliography', 'international-affairs']) {
        const style = resolveCatalogueStyle(styleId);
        const { dossier } = buildDossier(store, scope, { style, locale: 'en-US', forceLocale: false, cache });
        expect(dossier.footnotes.length).toBeGreaterThan(2);

        const file = await writeDocx(dossier, `${styleId}.docx`);
        const odt = await readOdt(convert(file, 'odt', 'odt'));
        expect(odt.notes.every((n) => n.noteClass === 'footnote')).toBe(true);
        expect(odt.notes.map((n) => n.citation)).toEqual(dossier.footnotes.map((f) => String(f.number)));
        const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
        expect(odt.notes.map((n) => squash(n.body))).toEqual(dossier.footnotes.map((f) => squash(expectedText(f))));
        // What the style italicises (titles, "Ibid." in International Affairs) is italic in LibreOffice too.
        expect(odt.notes.map((n) => n.italic)).toEqual(dossier.footnotes.map((f) => f.citation.filter((r) => r.italic).map((r) => r.text)));
        const headings = odt.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text);
        if (dossier.bibliography && dossier.bibliography.length > 0) {
          expect(headings).toEqual(['Horn of Africa piracy, 2009', 'Bibliography']);
          expect(odt.paragraphs.filter((p) => p.style === 'Bibliography')).toHaveLength(dossier.bibliography.length);
        } else {
          expect(styleId).toBe('international-affairs');
          expect(headings).toEqual(['Horn of Africa piracy, 2009']);
        }
      }
    } finally {
      cache.close();
      session.close();
    }
  });
});
