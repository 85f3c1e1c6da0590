import type { ImportProblem } from '../../common/domain/sources';
import { clearCitationJsLog, parseRisRecords, toCsl } from './citationJs';
import type { ParsedEntry, ProgressFn } from './importTypes';
import { finishRisCsl } from './risFixes';
import { sanitizeCsl } from './sanitizeCsl';
import { assertEntryCount } from './precheckImport';

const RIS_TYPES = new Set(
  ('ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA DBASE DICT EBOOK ECHAP ' +
    'EDBOOK EJOUR ELEC ENCYC EQUA FIGURE GEN GOVDOC GRANT HEAR ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI ' +
    'MUSIC NEWS PAMP PAT PCOMM RPRT SER SLIDE SOUND STAND STAT THES UNBILL UNPB VIDEO WEB JOURN').split(' '),
);
const READABLE_ID = /^\p{L}[\p{L}\p{N}_:.-]{0,63}$/u;
const TAG_LINE = /^([A-Z][A-Z0-9])[ \t]{0,3}-(?:[ \t](.*)|[ \t]*)$/;

/**
 * Parses RIS as databases really write it: CRLF or LF, a byte-order mark, `TY  -` with one or two
 * spaces, records without a final `ER  -`, `A1`/`AU`, `PY`/`Y1` (`2011///`), `JO`/`JF`/`T2`.
 * Each record (from its `TY` line) is parsed on its own so a bad one names its line.
 */
export function parseRis(text: string, onProgress: ProgressFn): { entries: ParsedEntry[]; errors: ImportProblem[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const records: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trimEnd();
    const tag = TAG_LINE.exec(line.trimStart());
    if (tag?.[1] === 'TY') {
      current = { line: i + 1, lines: [] };
      records.push(current);
    }
    if (!current) return;
    if (tag?.[1] === 'ER') {
      current = null;
      return;
    }
    current.lines.push(tag ? `${tag[1]}  - ${tag[2] ?? ''}` : line);
  });

  const entries: ParsedEntry[] = [];
  assertEntryCount(records.length);
  const errors: ImportProblem[] = [];
  const firstLineOfId = new Map<string, number>();
  records.forEach((record, index) => {
    if (index % 500 === 0) {
      onProgress('parsing', index, records.length);
      clearCitationJsLog();
    }
    const tags = collectTags(record.lines);
    const id = first(tags.ID) ?? '';
    const title = first(tags.TI) ?? first(tags.T1) ?? '';
    const name = id || (title ? `“${title.slice(0, 60)}”` : `record at line ${record.line}`);
    const fail = (message: string) => errors.push({ entry: name, line: record.line, message });
    const type = (first(tags.TY) ?? '').toUpperCase();
    if (!RIS_TYPES.has(type)) return fail(type ? `has an unknown RIS type “${type}”` : 'has no type after “TY  -”');
    if (id) {
      const seen = firstLineOfId.get(id);
      if (seen !== undefined) return fail(`repeats the ID “${id}” first used at line ${seen}`);
      firstLineOfId.set(id, record.line);
    }
    let csl: Record<string, unknown>;
    try {
      const [parsed] = parseRisRecords(normaliseRecord(record.lines, tags).join('\n'));
      csl = parsed ? finishRisCsl(toCsl(parsed), type, tags) : {};
    } catch (e) {
      return fail(`could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    const journal = first(tags.JF) ?? first(tags.T2) ?? first(tags.JO);
    if (journal && type.startsWith('JOUR')) csl['container-title'] = journal;
    if (typeof csl.title !== 'string' || csl.title.trim() === '') return fail('has no title (no TI or T1 line)');
    const clean = sanitizeCsl(csl);
    if ('error' in clean) return fail(clean.error);
    // EndNote and others write record numbers as IDs; only a readable ID becomes the citekey.
    const key = READABLE_ID.test(id) ? id : '';
    entries.push({ index, key, line: record.line, csl: key ? { ...clean.item, 'citation-key': key } : clean.item });
  });
  onProgress('parsing', records.length, records.length);
  clearCitationJsLog();
  return { entries, errors };
}

function collectTags(lines: string[]): Record<string, string[]> {
  const tags: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const line of lines) {
    const m = TAG_LINE.exec(line);
    if (!m) continue;
    (tags[m[1] as string] ??= []).push((m[2] ?? '').trim());
  }
  return tags;
}

function first(values: string[] | undefined): string | undefined {
  return values?.find((v) => v !== '');
}

/**
 * Older exports list authors as `A1` and newer ones as `AU`; some write both. citation-js reads
 * only one of them, so every author line becomes `AU`, in order. `JOURN` is an old spelling of `JOUR`.
 */
function normaliseRecord(lines: string[], tags: Record<string, string[]>): string[] {
  const both = tags.AU !== undefined && tags.A1 !== undefined;
  return lines.map((line) => {
    if (both && line.startsWith('A1  - ')) return `AU  - ${line.slice(6)}`;
    if (line.startsWith('TY  - ')) return `TY  - ${line.slice(6).trim().toUpperCase().replace(/^JOURN$/, 'JOUR')}`;
    return line;
  });
}
