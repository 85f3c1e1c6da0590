import type { ImportProblem } from '../../common/domain/sources';
import { finishCsl, prepareFields } from './bibtexFixes';
import { bibEntriesToCsl, bibEntryToCsl, clearCitationJsLog, parseBibtexSyntax, type RawBibEntry } from './citationJs';
import type { ParsedEntry, ProgressFn } from './importTypes';
import { sanitizeCsl } from './sanitizeCsl';
import { assertEntryCount } from './precheckImport';
import { splitBibtex, type BibChunk } from './splitBibtex';

const KNOWN_TYPES = new Set(
  (
    'article book mvbook inbook bookinbook suppbook booklet collection mvcollection incollection suppcollection ' +
    'dataset manual misc online patent periodical suppperiodical proceedings mvproceedings inproceedings reference ' +
    'mvreference inreference report set software thesis unpublished conference electronic mastersthesis phdthesis ' +
    'techreport www artwork audio bibnote commentary image jurisdiction legislation legal letter movie music ' +
    'performance review standard video'
  ).split(' '),
);
/** Entry types and fields only BibLaTeX knows: their presence makes a `.bib` file BibLaTeX. */
const BIBLATEX_TYPES = new Set(['online', 'mvbook', 'bookinbook', 'collection', 'mvcollection', 'dataset', 'software', 'reference', 'jurisdiction', 'legislation', 'report']);
const BIBLATEX_FIELDS = new Set(['date', 'journaltitle', 'location', 'urldate', 'eventdate', 'institution', 'maintitle', 'eprinttype']);

// Fields a child never inherits through `crossref` (BibLaTeX's defaults).
const NOT_INHERITED = new Set(['ids', 'crossref', 'xref', 'entryset', 'entrysubtype', 'execute', 'label', 'options', 'presort', 'related', 'relatedoptions', 'relatedstring', 'relatedtype', 'shorthand', 'shorthandintro', 'sortkey']);
const TITLE_AS: Record<string, { prefix: string; children: Set<string> }> = {
  mvbook: { prefix: 'main', children: new Set(['book', 'inbook', 'bookinbook', 'suppbook']) },
  mvcollection: { prefix: 'main', children: new Set(['collection', 'incollection', 'inreference', 'suppcollection']) },
  mvproceedings: { prefix: 'main', children: new Set(['proceedings', 'inproceedings']) },
  book: { prefix: 'book', children: new Set(['inbook', 'bookinbook', 'suppbook']) },
  collection: { prefix: 'book', children: new Set(['incollection', 'inreference', 'suppcollection']) },
  reference: { prefix: 'book', children: new Set(['incollection', 'inreference', 'suppcollection']) },
  proceedings: { prefix: 'book', children: new Set(['inproceedings']) },
  periodical: { prefix: 'journal', children: new Set(['article', 'suppperiodical']) },
};

const IDENTIFIER = /[a-z_][a-z0-9_:+-]*/g;
const BATCH = 200;
const CITATION_JS_POSITION = /at line (\d+) col (\d+):[\s\S]*$/;

export interface BibtexResult {
  entries: ParsedEntry[];
  errors: ImportProblem[];
  biblatex: boolean;
}

/**
 * Parses BibTeX or BibLaTeX: the text is cut into entries first, then each entry goes through
 * citation-js on its own (with the `@string` macros it uses), so a broken entry becomes one
 * problem naming its key and line and the rest still imports. `crossref` is resolved here, on
 * the raw fields, with BibLaTeX's inheritance rules.
 */
export function parseBibtex(text: string, onProgress: ProgressFn): BibtexResult {
  const chunks = splitBibtex(text);
  const macros = new Map<string, string>();
  for (const chunk of chunks) {
    if (chunk.type !== 'string' || chunk.problem) continue;
    const name = /^@\s*string\s*[{(]\s*([A-Za-z_][A-Za-z0-9_:+-]*)/i.exec(chunk.text)?.[1];
    if (name) macros.set(name.toLowerCase(), chunk.text);
  }

  const errors: ImportProblem[] = [];
  for (const c of chunks) {
    if ((c.type === 'string' || c.type === 'preamble') && c.problem) errors.push({ entry: `@${c.type} at line ${c.line}`, line: c.line, message: c.problem });
  }
  const dataChunks = chunks.filter((c) => c.type !== 'string' && c.type !== 'preamble');
  assertEntryCount(dataChunks.length);
  const firstLineOfKey = new Map<string, number>();
  const candidates: { chunk: BibChunk; index: number }[] = [];
  dataChunks.forEach((chunk, index) => {
    const fail = (message: string) => errors.push({ entry: chunk.key || `@${chunk.type} at line ${chunk.line}`, line: chunk.line, message });
    if (chunk.problem) return fail(chunk.problem);
    if (chunk.type === 'comment') return;
    if (!KNOWN_TYPES.has(chunk.type)) return fail(`has an unknown entry type “@${chunk.type}”`);
    if (!chunk.key) return fail('has no citation key');
    const first = firstLineOfKey.get(chunk.key);
    if (first !== undefined) return fail(`repeats the citation key “${chunk.key}” first used at line ${first}`);
    firstLineOfKey.set(chunk.key, chunk.line);
    candidates.push({ chunk, index });
  });

  // Entries go through citation-js in batches (its per-call overhead dominates small entries); a
  // batch that fails is redone entry by entry, so the failure is pinned on its entry and line.
  const raws: { chunk: BibChunk; index: number; raw: RawBibEntry }[] = [];
  for (let b = 0; b < candidates.length; b += BATCH) {
    onProgress('parsing', b, candidates.length);
    clearCitationJsLog();
    const batch = candidates.slice(b, b + BATCH);
    const together = trySyntax(batch.map((c) => c.chunk.text).join('\n'), macros);
    if (together && together.length === batch.length && together.every((r, i) => r.label === batch[i]?.chunk.key)) {
      batch.forEach((c, i) => raws.push({ ...c, raw: together[i] as RawBibEntry }));
      continue;
    }
    for (const c of batch) {
      const prefix = macrosUsedBy(c.chunk.text, macros);
      try {
        const raw = parseBibtexSyntax(prefix + c.chunk.text).find((e) => e && e.label === c.chunk.key);
        if (raw) raws.push({ ...c, raw });
        else errors.push({ entry: c.chunk.key, line: c.chunk.line, message: 'could not be read (is a comma missing after the key?)' });
      } catch (e) {
        errors.push({ entry: c.chunk.key, line: c.chunk.line, message: describeSyntaxError(e, c.chunk.line, countLines(prefix)) });
      }
    }
  }
  const biblatex = raws.some(({ raw }) => BIBLATEX_TYPES.has(raw.type) || Object.keys(raw.properties).some((f) => BIBLATEX_FIELDS.has(f)));

  const registry = new Map(raws.map((r) => [r.raw.label, r.raw]));
  const prepared = raws.map(({ chunk, index, raw }) => {
    const properties = fixLatex(inherit(raw, registry));
    return { chunk, index, properties, entry: { type: raw.type, label: raw.label, properties: prepareFields(properties) } };
  });
  const entries: ParsedEntry[] = [];
  for (let b = 0; b < prepared.length; b += BATCH) {
    onProgress('converting', b, prepared.length);
    clearCitationJsLog();
    const batch = prepared.slice(b, b + BATCH);
    let mapped: Record<string, unknown>[] | null = null;
    try {
      mapped = bibEntriesToCsl(batch.map((p) => p.entry));
    } catch {
      mapped = null;
    }
    batch.forEach(({ chunk, index, entry, properties }, i) => {
      const fail = (message: string) => errors.push({ entry: chunk.key, line: chunk.line, message });
      let csl: Record<string, unknown>;
      try {
        csl = finishCsl(mapped?.[i] ?? bibEntryToCsl(entry), { type: entry.type, properties });
      } catch (e) {
        return fail(`could not be converted: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
      if (typeof csl.title !== 'string' || csl.title.trim() === '') return fail('has no title');
      const clean = sanitizeCsl(csl);
      if ('error' in clean) return fail(clean.error);
      entries.push({ index, key: chunk.key, line: chunk.line, csl: { ...clean.item, 'citation-key': chunk.key } });
    });
  }
  onProgress('parsing', dataChunks.length, dataChunks.length);
  clearCitationJsLog();
  errors.sort((a, b) => a.line - b.line);
  return { entries, errors, biblatex };
}

function trySyntax(text: string, macros: Map<string, string>): RawBibEntry[] | null {
  try {
    return parseBibtexSyntax(macrosUsedBy(text, macros) + text).filter(Boolean);
  } catch {
    return null;
  }
}

/** The `@string` definitions an entry refers to (and those they refer to), as BibTeX text. */
function macrosUsedBy(text: string, macros: Map<string, string>): string {
  if (macros.size === 0) return '';
  const used = new Set<string>();
  const queue = [text];
  while (queue.length > 0) {
    for (const word of (queue.pop() as string).toLowerCase().match(IDENTIFIER) ?? []) {
      const def = macros.get(word);
      if (def !== undefined && !used.has(word)) {
        used.add(word);
        queue.push(def);
      }
    }
  }
  return [...macros].filter(([name]) => used.has(name)).map(([, def]) => `${def}\n`).join('');
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** citation-js's SyntaxError, re-worded with the line in the whole file. */
function describeSyntaxError(e: unknown, entryLine: number, prefixLines: number): string {
  const message = e instanceof Error ? e.message : String(e);
  const what = /expected "?([a-z]+)"?, got ("?[a-zA-Z]+"?)/.exec(message);
  const at = CITATION_JS_POSITION.exec(message);
  const line = at ? entryLine + Number(at[1]) - 1 - prefixLines : entryLine;
  if (what?.[2] === 'EOF') return `ends too early near line ${line} (a brace or quote is not closed)`;
  return `has a syntax error at line ${line}${what ? `: expected ${what[1]}, found ${what[2]?.replace(/"/g, '')}` : ''}`;
}

/** BibLaTeX `crossref` inheritance on raw fields: the child keeps its own fields, gains the parent's others. */
function inherit(entry: RawBibEntry, registry: Map<string, RawBibEntry>, seen = new Set<string>()): Record<string, string | number> {
  const own = entry.properties;
  const parentKey = typeof own.crossref === 'string' ? own.crossref.trim() : '';
  const parent = parentKey ? registry.get(parentKey) : undefined;
  if (!parent || seen.has(parentKey)) {
    const { crossref: _dropped, ...rest } = own;
    return rest;
  }
  seen.add(entry.label);
  const inherited = inherit(parent, registry, seen);
  const out: Record<string, string | number> = {};
  const titleRule = TITLE_AS[parent.type];
  for (const [field, value] of Object.entries(inherited)) {
    if (NOT_INHERITED.has(field)) continue;
    if (titleRule?.children.has(entry.type) && (field === 'title' || field === 'subtitle')) {
      out[`${titleRule.prefix}${field}`] = value;
      continue;
    }
    if (field === 'author' && (parent.type === 'book' || parent.type === 'mvbook') && ['inbook', 'bookinbook', 'suppbook'].includes(entry.type)) {
      out.bookauthor = value;
      continue;
    }
    out[field] = value;
  }
  for (const [field, value] of Object.entries(own)) if (field !== 'crossref') out[field] = value;
  return out;
}

/** LaTeX that citation-js 0.8 leaves undecoded: `{\aa}`, `\AA{}` (Scandinavian å/Å). */
function fixLatex(properties: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [field, value] of Object.entries(properties)) {
    out[field] = typeof value === 'string' && value.includes('\\') ? value.replace(/\{\\(aa|AA)\}|\\(aa|AA)(?:\{\}|\s+|(?![A-Za-z]))/g, (_m, a?: string, b?: string) => ((a ?? b) === 'aa' ? 'å' : 'Å')) : value;
  }
  return out;
}
