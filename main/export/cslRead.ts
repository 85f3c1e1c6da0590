import type { CslItem } from '../../common/domain/sources';

/**
 * Defensive reading of stored CSL-JSON records for the exporters. Records come from untrusted
 * imports and colleagues' files, so every accessor tolerates any shape: a value of the wrong
 * type reads as missing, never as an exception, and only own properties are read.
 */

/** A person or institution as the exporters see it; empty parts are absent. */
export interface NameParts {
  family?: string;
  given?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export const NAME_PARTS = ['family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix', 'literal'] as const;

/** One point in time: a year, optionally a month (1–12) and a day (1–31). */
export interface DatePoint {
  year: number;
  month?: number;
  day?: number;
}

/** A CSL date read for export: parts (one point, or a range), else a literal text. */
export interface DateValue {
  points: DatePoint[];
  literal?: string;
  circa: boolean;
}

function own(item: CslItem, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(item, key) ? item[key] : undefined;
}

/** A string or finite number variable as trimmed text; anything else (or blank) is undefined. */
export function cslText(item: CslItem, key: string): string | undefined {
  const v = own(item, key);
  const s = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
  const t = s?.trim();
  return t ? t : undefined;
}

/** A name variable's usable names (objects with a family, given or literal part). */
export function cslNames(item: CslItem, key: string): NameParts[] {
  const v = own(item, key);
  if (!Array.isArray(v)) return [];
  const out: NameParts[] = [];
  for (const raw of v) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const name: NameParts = {};
    for (const part of NAME_PARTS) {
      const p = Object.prototype.hasOwnProperty.call(raw, part) ? (raw as Record<string, unknown>)[part] : undefined;
      const text = typeof p === 'string' ? p.trim() : typeof p === 'number' && Number.isFinite(p) ? String(p) : '';
      if (text) name[part] = text;
    }
    if (name.literal || name.family || name.given) out.push(name);
  }
  return out;
}

function datePoint(parts: unknown): DatePoint | null {
  if (!Array.isArray(parts) || parts.length === 0) return null;
  const nums = parts.slice(0, 3).map((p) => (typeof p === 'number' ? p : typeof p === 'string' && /^\s*-?\d+\s*$/.test(p) ? Number(p) : NaN));
  const [year, month, day] = nums;
  if (year === undefined || !Number.isInteger(year)) return null;
  const point: DatePoint = { year };
  if (month !== undefined && Number.isInteger(month) && month >= 1 && month <= 12) {
    point.month = month;
    if (day !== undefined && Number.isInteger(day) && day >= 1 && day <= 31) point.day = day;
  }
  return point;
}

/** A date variable: its date-parts (one or two points), else its literal/raw text; null when unusable. */
export function cslDate(item: CslItem, key: string): DateValue | null {
  const v = own(item, key);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const d = v as Record<string, unknown>;
  const get = (k: string) => (Object.prototype.hasOwnProperty.call(d, k) ? d[k] : undefined);
  const circaRaw = get('circa');
  const circa = circaRaw === true || (typeof circaRaw === 'number' && circaRaw !== 0) || (typeof circaRaw === 'string' && circaRaw.trim() !== '' && circaRaw !== '0');
  const parts = get('date-parts');
  const points: DatePoint[] = [];
  if (Array.isArray(parts)) {
    for (const p of parts.slice(0, 2)) {
      const point = datePoint(p);
      if (point) points.push(point);
    }
  }
  const value: DateValue = { points, circa };
  if (points.length > 0) return value;
  for (const k of ['literal', 'raw']) {
    const text = get(k);
    if (typeof text === 'string' && text.trim()) return { ...value, literal: text.trim() };
  }
  return null;
}

/** The record's type when it is a non-empty string; else 'document' (CSL's generic type). */
export function cslType(item: CslItem): string {
  return cslText(item, 'type') ?? 'document';
}

/** Collapses every run of whitespace (line breaks, tabs, other Unicode spaces) to one space; keeps no-break spaces. */
export function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '')
    .replace(/[^\S\u00A0]+/g, ' ')
    .trim();
}

/** The first page and the last page of a simple range (`127-147`, `127–47`); null when it is not one. */
export function pageRange(page: string): { first: string; last: string } | null {
  const m = /^\s*([^\s,;&\-–—]+)\s*(?:-{1,2}|–|—)\s*([^\s,;&\-–—]+)\s*$/.exec(page);
  return m ? { first: m[1] as string, last: m[2] as string } : null;
}

/** `2011`, `2011-03`, `2011-03-04`. */
export function isoDate(p: DatePoint): string {
  const y = p.year >= 0 && p.year <= 9999 ? String(p.year).padStart(4, '0') : String(p.year);
  if (p.month === undefined) return y;
  const m = String(p.month).padStart(2, '0');
  return p.day === undefined ? `${y}-${m}` : `${y}-${m}-${String(p.day).padStart(2, '0')}`;
}
