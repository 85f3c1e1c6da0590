import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import { safeLinkUrl, type Block, type Dossier, type DossierCase, type DossierFootnote, type Inline, type Run } from './documentModel';

/**
 * Writes a dossier as a Word document (.docx): title, each case with its fields as a table and its
 * note, footnotes as real Word footnotes, then the bibliography when the style has one.
 *
 * Word numbers footnotes itself, in the order their references appear in the document. Each
 * reference found while walking the blocks gets the next Word footnote id, so ids and the
 * dossier's numbers agree when the dossier numbers its footnotes in document order (as it does).
 * A reference to a number the dossier lacks is left out rather than pointing nowhere.
 *
 * All text comes from records and is untrusted. The docx library escapes it for XML; here the
 * characters XML 1.0 cannot carry at all (C0 controls other than tab and newline, U+FFFE/U+FFFF,
 * lone surrogates) and the invisible C1 controls are dropped, tabs become tab elements and
 * newlines line breaks.
 */

const BODY_FONT = 'Times New Roman';
const CODE_FONT = 'Courier New';
/** Sizes are in half-points. */
const BODY_SIZE = 24;
const FOOTNOTE_SIZE = 20;
const QUOTE_STYLE = 'Quote';
const BIBLIOGRAPHY_STYLE = 'Bibliography';
/** Page sizes and the text width between 1-inch margins, in twentieths of a point. */
const A4 = { width: 11906, height: 16838 };
const LETTER = { width: 12240, height: 15840 };
const MARGIN = 1440;
/** Regions whose paper is US Letter. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'HN']);
/** Word list levels are 0–8. */
const MAX_LIST_DEPTH = 8;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe for an XML 1.0 document; newlines (any convention) normalised to `\n`. */
export function xmlSafeText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(FORBIDDEN, '');
}

/** One line of text (for titles and attributes): XML-safe, with line breaks and tabs as spaces. */
function oneLine(text: string): string {
  return xmlSafeText(text).replace(/[\n\t]+/g, ' ');
}

type RunFormat = Omit<IRunOptions, 'children' | 'text' | 'break'>;

function runFormat(run: Run): RunFormat {
  return {
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.underline ? { underline: {} } : {}),
    ...(run.strike ? { strike: true } : {}),
    ...(run.smallCaps ? { smallCaps: true } : {}),
    ...(run.sup ? { superScript: true } : run.sub ? { subScript: true } : {}),
    ...(run.code ? { font: CODE_FONT } : {}),
  };
}

/** A run's text as Word runs: tabs become tab elements and each newline starts a run with a break. */
function textRuns(text: string, format: RunFormat): TextRun[] {
  const lines = xmlSafeText(text).split('\n');
  const out: TextRun[] = [];
  lines.forEach((line, i) => {
    const parts = line.split('\t');
    const children: (string | Tab)[] = [];
    parts.forEach((part, j) => {
      if (j > 0) children.push(new Tab());
      if (part) children.push(part);
    });
    if (children.length === 0 && i === 0) return;
    out.push(new TextRun({ ...format, ...(i > 0 ? { break: 1 } : {}), children }));
  });
  return out;
}

function runsToWord(runs: readonly Run[], extra: RunFormat = {}): TextRun[] {
  return runs.flatMap((run) => textRuns(run.text, { ...runFormat(run), ...extra }));
}

/** Walks the document in order, handing out Word footnote ids to the references it meets. */
class Footnotes {
  readonly word: Record<string, { children: Paragraph[] }> = {};
  private nextId = 1;
  private readonly byNumber: Map<number, DossierFootnote>;

  constructor(dossier: Dossier) {
    this.byNumber = new Map(dossier.footnotes.map((f) => [f.number, f]));
  }

  /** The reference to footnote `number`, with its Word footnote created; null when there is none. */
  reference(number: number): FootnoteReferenceRun | null {
    const note = this.byNumber.get(number);
    if (!note) return null;
    const id = this.nextId++;
    const children: ParagraphChild[] = [new TextRun(' '), ...runsToWord(note.citation)];
    const commentary = note.commentary.trim();
    if (commentary) {
      if (note.citation.some((r) => r.text.trim())) children.push(new TextRun(' '));
      children.push(...textRuns(commentary, {}));
    }
    this.word[String(id)] = { children: [new Paragraph({ style: 'FootnoteText', children })] };
    return new FootnoteReferenceRun(id);
  }
}

/** Numbering definitions made while walking lists: one per run of items at one depth. */
class Lists {
  readonly config: { reference: string; levels: ILevelsOptions[] }[] = [];
  /** The sublist open at each depth of the current list. */
  private open: ({ reference: string; ordered: boolean } | undefined)[] = [];

  /** Ends the current list (any block that is not a list item does). */
  close(): void {
    this.open = [];
  }

  numbering(ordered: boolean, rawDepth: number): { reference: string; level: number } {
    const depth = Math.max(0, Math.min(MAX_LIST_DEPTH, Math.floor(rawDepth) || 0));
    this.open.length = depth + 1;
    let current = this.open[depth];
    if (!current || current.ordered !== ordered) {
      // Its own definition, so every sublist counts from 1 whatever came before it.
      current = { reference: `list-${this.config.length + 1}`, ordered };
      this.config.push({ reference: current.reference, levels: listLevels(ordered) });
      this.open[depth] = current;
    }
    return { reference: current.reference, level: depth };
  }
}

const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;
const BULLETS = ['\u2022', '\u25e6', '\u25aa'] as const;

function listLevels(ordered: boolean): ILevelsOptions[] {
  return Array.from({ length: MAX_LIST_DEPTH + 1 }, (_, level) => ({
    level,
    format: ordered ? ORDERED_FORMATS[level % 3] : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % 3],
    alignment: AlignmentType.LEFT,
    start: 1,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

function inlinesToWord(inlines: readonly Inline[], footnotes: Footnotes): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'run':
        out.push(...runsToWord([inline.run]));
        break;
      case 'link': {
        const url = safeLinkUrl(inline.url);
        const safeUrl = url === null ? null : oneLine(url).replace(/\s/g, '');
        if (safeUrl) out.push(new ExternalHyperlink({ link: safeUrl, children: runsToWord(inline.runs, { style: 'Hyperlink' }) }));
        else out.push(...runsToWord(inline.runs));
        break;
      }
      case 'footnote': {
        const ref = footnotes.reference(inline.number);
        if (ref) out.push(ref);
        break;
      }
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
    }
  }
  return out;
}

function blockToWord(block: Block, footnotes: Footnotes, lists: Lists): Paragraph {
  if (block.kind !== 'listItem') lists.close();
  const children = inlinesToWord(block.inlines, footnotes);
  switch (block.kind) {
    case 'paragraph':
      return new Paragraph({ children });
    case 'heading':
      // One level below the case heading (Heading 1); Word's built-in headings used here stop at 6.
      return new Paragraph({ heading: HEADINGS[Math.min(block.level, HEADINGS.length - 1)], children });
    case 'quote':
      return new Paragraph({ style: QUOTE_STYLE, children });
    case 'listItem':
      return new Paragraph({ numbering: lists.numbering(block.ordered, block.depth), children });
  }
}

/** The fields as a two-column table (Field | Value) spanning the text width; null when all are empty. */
function fieldsTable(c: DossierCase, textWidth: number): Table | null {
  const fields = c.fields.filter((f) => f.value.trim() !== '');
  if (fields.length === 0) return null;
  const widths = [Math.round(textWidth * 0.3), textWidth - Math.round(textWidth * 0.3)] as const;
  const row = (name: TextRun[], value: TextRun[], header = false) =>
    new TableRow({
      ...(header ? { tableHeader: true } : {}),
      cantSplit: true,
      children: [name, value].map(
        (runs, i) => new TableCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, children: [new Paragraph({ children: runs })] }),
      ),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [...widths],
    rows: [
      row(textRuns('Field', { bold: true }), textRuns('Value', { bold: true }), true),
      ...fields.map((f) => row(textRuns(f.name, { bold: true }), textRuns(f.value, {}))),
    ],
  });
}

function dateLine(createdAt: string, locale: string): string {
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) return createdAt;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** A BCP 47 tag for Word's language setting, or undefined when the locale does not look like one. */
function languageTag(locale: string): string | undefined {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined;
}

function pageFor(locale: string): { width: number; height: number } {
  const region = /^[A-Za-z]{2,3}-(?:[A-Za-z]{4}-)?([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  return region && LETTER_REGIONS.has(region) ? LETTER : A4;
}

const SPECIAL_FOOTNOTE = /<w:footnote w:type="(separator|continuationSeparator)" w:id="(-?\d+)">[\s\S]*?<\/w:footnote>/g;

/**
 * The docx library (9.5) puts a footnote mark into the separator and continuation-separator
 * footnotes, which only text footnotes may have; Word answers that with its repair dialog. They
 * are rewritten in the form Word itself writes; everything else stays as packed.
 */
async function withPlainSeparators(packed: ArrayBuffer): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(packed);
  const part = zip.file('word/footnotes.xml');
  if (!part) return new Uint8Array(packed);
  const xml = await part.async('string');
  const fixed = xml.replace(SPECIAL_FOOTNOTE, (_whole, type: string, id: string) => {
    const mark = type === 'separator' ? '<w:separator/>' : '<w:continuationSeparator/>';
    return `<w:footnote w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r>${mark}</w:r></w:p></w:footnote>`;
  });
  zip.file('word/footnotes.xml', fixed);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

export async function renderDocx(dossier: Dossier): Promise<Uint8Array> {
  const footnotes = new Footnotes(dossier);
  const lists = new Lists();
  const page = pageFor(dossier.locale);
  const textWidth = page.width - 2 * MARGIN;
  const title = oneLine(dossier.title);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(title, {}) }),
    new Paragraph({
      spacing: { after: 240 },
      children: textRuns(
        [dossier.style.title, dossier.locale, dateLine(dossier.createdAt, dossier.locale)].map(oneLine).filter(Boolean).join(' \u00b7 '),
        { size: FOOTNOTE_SIZE, color: '595959' },
      ),
    }),
  ];

  for (const c of dossier.cases) {
    lists.close();
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(oneLine(c.title), {}) }));
    const table = fieldsTable(c, textWidth);
    if (table) children.push(table, new Paragraph({ children: [] }));
    for (const block of c.blocks) children.push(blockToWord(block, footnotes, lists));
  }

  if (dossier.bibliography && dossier.bibliography.length > 0) {
    const heading = dossier.style.class === 'in-text' ? 'References' : 'Bibliography';
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(heading)] }));
    for (const entry of dossier.bibliography) children.push(new Paragraph({ style: BIBLIOGRAPHY_STYLE, children: runsToWord(entry) }));
  }

  const numbering: INumberingOptions = { config: lists.config };
  const language = languageTag(dossier.locale);
  const doc = new Document({
    title,
    creator: 'Casebook',
    lastModifiedBy: 'Casebook',
    description: oneLine(`${dossier.style.title} (${dossier.locale})`),
    numbering,
    footnotes: footnotes.word,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: BODY_SIZE, ...(language ? { language: { value: language } } : {}) },
          paragraph: { spacing: { after: 120 } },
        },
      },
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 120, after: 120 } },
        },
        {
          id: BIBLIOGRAPHY_STYLE,
          name: 'Bibliography',
          basedOn: 'Normal',
          next: BIBLIOGRAPHY_STYLE,
          paragraph: { indent: { left: 720, hanging: 720 }, spacing: { after: 120 } },
        },
      ],
    },
    sections: [{ properties: { page: { size: page, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN } } }, children }],
  });
  return withPlainSeparators(await Packer.toArrayBuffer(doc));
}
