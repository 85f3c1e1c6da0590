import { CslItem, DATE_VARIABLES, NAME_VARIABLES } from '../../common/domain/sources';

const SAFE_KEY = /^(?!__proto__$|constructor$|prototype$)[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const RAW_DATE = /^\s*(\d{4})(?:[-/](\d{1,2})?)?(?:[-/](\d{1,2})?)?[/\s]*$/;

/**
 * Turns whatever a parser produced into a CSL item we are willing to store: only plain variable
 * names (never `__proto__`/`constructor`), text or numbers for ordinary variables, names and
 * dates in CSL shape. Strings are kept as text, markup and all; the renderer never treats them as
 * HTML. Returns the item, or a message saying which variable is wrong.
 */
export function sanitizeCsl(input: Record<string, unknown>): { item: Record<string, unknown> } | { error: string } {
  const pairs: [string, unknown][] = [];
  for (const key of Object.keys(input)) {
    if (!SAFE_KEY.test(key) || key === 'id' || key === '_graph') continue;
    let value = input[key];
    if (value === undefined || value === null || value === '') continue;
    if (NAME_VARIABLES.has(key)) {
      if (!Array.isArray(value)) continue;
      value = value.map(cleanName).filter((n) => n !== null);
      if ((value as unknown[]).length === 0) continue;
    } else if (DATE_VARIABLES.has(key)) {
      value = cleanDate(value);
      if (value === null) continue;
    } else if (key === 'custom') {
      continue;
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      value = value.join(', ');
    } else if (typeof value === 'string') {
      value = value.trim();
      if (value === '') continue;
    } else if (typeof value !== 'number') {
      continue;
    }
    pairs.push([key, value]);
  }
  const item = Object.fromEntries(pairs) as Record<string, unknown>;
  const checked = CslItem.safeParse(item);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { error: `field “${String(issue?.path[0] ?? '?')}” ${issue?.message ?? 'is invalid'}` };
  }
  return { item };
}

function cleanName(name: unknown): Record<string, string> | null {
  if (typeof name !== 'object' || name === null) return null;
  const out: [string, string][] = [];
  for (const part of ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix', 'literal']) {
    const v = (name as Record<string, unknown>)[part];
    if (typeof v === 'string' && v.trim() !== '') out.push([part, v.trim()]);
  }
  const cleaned = Object.fromEntries(out);
  return cleaned.family || cleaned.literal || cleaned.given ? cleaned : null;
}

function cleanDate(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const parts = v['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) {
    const clean = parts
      .filter((p): p is unknown[] => Array.isArray(p))
      .map((p) => p.filter((x) => typeof x === 'number' || (typeof x === 'string' && x !== '')).slice(0, 3))
      .filter((p) => p.length > 0)
      .slice(0, 2);
    if (clean.length > 0) return { 'date-parts': clean };
  }
  const raw = typeof v.raw === 'string' ? v.raw : typeof v.literal === 'string' ? v.literal : null;
  if (raw === null || raw.trim() === '') return null;
  const m = RAW_DATE.exec(raw);
  if (m) {
    const dp = [Number(m[1])];
    if (m[2]) dp.push(Number(m[2]));
    if (m[2] && m[3]) dp.push(Number(m[3]));
    return { 'date-parts': [dp] };
  }
  return { literal: raw.trim().slice(0, 200) };
}

/** "Smith, Doe & Åberg" style summary of the first authors (or editors), for previews. */
export function summariseAuthors(item: Record<string, unknown>): string {
  const names = (Array.isArray(item.author) ? item.author : Array.isArray(item.editor) ? item.editor : []) as Record<string, string>[];
  const shown = names.slice(0, 3).map((n) => n.literal ?? n.family ?? n.given ?? '');
  return names.length > 3 ? `${shown.join(', ')} et al.` : shown.join(', ');
}

/** The year of `issued`, or null. */
export function issuedYear(item: Record<string, unknown>): number | null {
  const issued = item.issued as { 'date-parts'?: unknown[][] } | undefined;
  const y = issued?.['date-parts']?.[0]?.[0];
  const n = typeof y === 'number' ? y : typeof y === 'string' ? Number.parseInt(y, 10) : NaN;
  return Number.isFinite(n) ? n : null;
}
