import type { CslItem } from '../../common/domain/sources';

/**
 * Safe handling of CSL records, which come from files and colleagues and are untrusted: keys that
 * could reach an object's prototype are dropped, and every object is rebuilt as a plain copy, so
 * nothing read back from the store can pollute prototypes. Text stays text (HTML in a title is
 * stored as typed and escaped when shown).
 */

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A deep plain copy of JSON data without prototype-polluting keys. */
export function safeCopy(value: unknown, depth = 0): unknown {
  if (depth > 20) return null;
  if (Array.isArray(value)) return value.map((v) => safeCopy(v, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(value)) {
      if (UNSAFE_KEYS.has(key)) continue;
      entries.push([key, safeCopy((value as Record<string, unknown>)[key], depth + 1)]);
    }
    return Object.fromEntries(entries);
  }
  return value;
}

/** The CSL to store: a safe copy without `id` and `citation-key`, which live in their own columns. */
export function cleanCsl(csl: CslItem): CslItem {
  const copy = safeCopy(csl) as CslItem;
  delete copy.id;
  delete copy['citation-key'];
  return copy;
}

/** CSL read back from the `csl` column; an unreadable value becomes an empty record rather than an error. */
export function parseStoredCsl(json: string): CslItem {
  try {
    const value = safeCopy(JSON.parse(json) as unknown);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as CslItem) : {};
  } catch {
    return {};
  }
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Merges an imported duplicate into ours: variables we lack are filled in, ours win where both have a value. */
export function mergeCsl(ours: CslItem, incoming: CslItem): CslItem {
  const merged = safeCopy(ours) as CslItem;
  const extra = cleanCsl(incoming);
  for (const key of Object.keys(extra)) {
    if (isEmpty(merged[key]) && !isEmpty(extra[key])) merged[key] = extra[key];
  }
  return merged;
}
