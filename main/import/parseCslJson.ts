import type { ImportProblem } from '../../common/domain/sources';
import { Citekey } from '../../common/domain/sources';
import { toCsl } from './citationJs';
import type { ParsedEntry, ProgressFn } from './importTypes';
import { sanitizeCsl } from './sanitizeCsl';
import { assertEntryCount } from './precheckImport';

const READABLE_ID = /^\p{L}[\p{L}\p{N}_:.-]{0,63}$/u;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Drops keys that could reach an object's prototype when the value is later copied or spread. */
function safeReviver(this: unknown, key: string, value: unknown): unknown {
  return UNSAFE_KEYS.has(key) ? undefined : value;
}

/**
 * Parses CSL-JSON (an array of items, or one item). Array elements are located by a small scanner
 * and parsed one by one, so a malformed element becomes a problem naming its position and line
 * while the others import. `__proto__`/`constructor` keys are dropped at parse time.
 */
export function parseCslJson(text: string, onProgress: ProgressFn): { entries: ParsedEntry[]; errors: ImportProblem[] } {
  const elements = splitJson(text);
  assertEntryCount(elements.length);
  const entries: ParsedEntry[] = [];
  const errors: ImportProblem[] = [];
  const firstLineOfKey = new Map<string, number>();
  elements.forEach((el, index) => {
    if (index % 500 === 0) onProgress('parsing', index, elements.length);
    let name = /"(?:citation-key|id)"\s*:\s*"([^"\\]{1,80})"/.exec(el.text)?.[1] ?? `item ${index + 1}`;
    const fail = (message: string) => errors.push({ entry: name, line: el.line, message });
    if (el.problem) return fail(el.problem);
    let value: unknown;
    try {
      value = JSON.parse(el.text, safeReviver);
    } catch (e) {
      return fail(describeJsonError(e, el));
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('is not a CSL-JSON object');
    const obj = value as Record<string, unknown>;
    // `citation-key` is meant as a citekey; `id` only when it looks like one (Zotero ids are URIs or numbers).
    const explicit = typeof obj['citation-key'] === 'string' ? obj['citation-key'].trim() : '';
    const id = typeof obj.id === 'string' || typeof obj.id === 'number' ? String(obj.id).trim() : '';
    const candidate = explicit || id;
    const key = explicit ? (Citekey.safeParse(explicit).success ? explicit : '') : READABLE_ID.test(id) ? id : '';
    if (candidate) name = candidate.slice(0, 80);
    if (key) {
      const seen = firstLineOfKey.get(key);
      if (seen !== undefined) return fail(`repeats the key “${key}” first used at line ${seen}`);
      firstLineOfKey.set(key, el.line);
    }
    let csl: Record<string, unknown>;
    try {
      csl = toCsl({ ...obj, id: key || `item-${index + 1}` });
    } catch (e) {
      return fail(`could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    if (typeof csl.type !== 'string' || csl.type === '') return fail('has no “type”');
    if (typeof csl.title !== 'string' || csl.title.trim() === '') return fail('has no title');
    const clean = sanitizeCsl(csl);
    if ('error' in clean) return fail(clean.error);
    delete clean.item['citation-key'];
    entries.push({ index, key, line: el.line, csl: key ? { ...clean.item, 'citation-key': key } : clean.item });
  });
  onProgress('parsing', elements.length, elements.length);
  return { entries, errors };
}

/** JSON.parse's message with the position turned into a line of the whole file. */
function describeJsonError(e: unknown, el: JsonElement): string {
  const message = e instanceof Error ? e.message : String(e);
  const pos = /at position (\d+)/.exec(message);
  const line = pos ? el.line + countNewlines(el.text, 0, Number(pos[1])) : el.line;
  const what = message.replace(/\s*(?:in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '');
  return `is not valid JSON at line ${line}: ${what}`;
}

interface JsonElement {
  text: string;
  line: number;
  problem: string | null;
}

/** Top-level elements of a JSON array (or the single object) with their start lines. */
function splitJson(text: string): JsonElement[] {
  let i = skipSpace(text, 0);
  let line = 1 + countNewlines(text, 0, i);
  if (text[i] === '{') return [{ text, line, problem: null }];
  if (text[i] !== '[') return [{ text: '', line, problem: 'CSL-JSON must be an array of items or one item object' }];
  const out: JsonElement[] = [];
  i++;
  for (;;) {
    const next = skipSpace(text, i);
    line += countNewlines(text, i, next);
    i = next;
    if (i >= text.length) {
      out.push({ text: '', line, problem: 'the list of items is not closed with “]”' });
      return out;
    }
    if (text[i] === ']') return out;
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (c === 92) i++;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth === 0) break;
        depth--;
      } else if (c === 44 && depth === 0) break;
    }
    out.push({ text: text.slice(start, i), line: startLine, problem: i >= text.length ? 'is not closed (the file ends inside it)' : null });
    if (i >= text.length) return out;
    if (text[i] === ',') i++;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
