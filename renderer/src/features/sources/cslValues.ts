import type { CslDate, CslName } from '../../../../common/domain/sources';
import { partialDateProblem } from '../cases/FieldEditor';

/**
 * A CSL date as the analyst types it: "2008", "2008-12" or "2008-12-16"; a literal date
 * ("Spring 2004") as its text. An empty string means no date.
 */
export function dateToText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const date = value as CslDate;
  const parts = date['date-parts']?.[0];
  if (parts && parts.length > 0) {
    const [y, m, d] = parts.map((p) => String(p));
    return [y?.padStart(4, '0'), m?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
  }
  return date.literal ?? date.raw ?? '';
}

/** The problem with a typed date, or null (empty is fine: it removes the date). */
export function dateProblem(label: string, text: string): string | null {
  return partialDateProblem(label, text);
}

/** Typed text back to a CSL date; call `dateProblem` first. */
export function textToDate(text: string): CslDate | null {
  const v = text.trim();
  if (v === '') return null;
  return { 'date-parts': [v.split('-').map((p) => Number(p))] };
}

/** A name as one line, for lists and tooltips: "UNSC", "van der Lijn, Jaïr". */
export function nameText(name: CslName): string {
  if (name.literal?.trim()) return name.literal.trim();
  const family = [name['non-dropping-particle'], name.family].filter((p) => p?.trim()).join(' ');
  return [family, name.given].filter((p) => p?.trim()).join(', ');
}

/** Reads a names variable from a record, tolerating anything an import left there. */
export function namesOf(value: unknown): CslName[] {
  if (!Array.isArray(value)) return [];
  return value.filter((n): n is CslName => typeof n === 'object' && n !== null && !Array.isArray(n));
}

/** Whether a name has anything in it (empty rows are dropped before saving). */
export function isBlankName(name: CslName): boolean {
  return !name.literal?.trim() && !name.family?.trim() && !name.given?.trim();
}

/** Removes empty parts so the stored record stays tidy ("given": "" helps nobody). */
export function tidyName(name: CslName): CslName {
  const out: CslName = {};
  for (const [key, value] of Object.entries(name) as [keyof CslName, string | undefined][]) {
    const v = value?.trim();
    if (v) out[key] = v;
  }
  if (out.literal) return { literal: out.literal };
  return out;
}

/** A value shown in "Other fields". */
export function valueText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return namesOf(value).map(nameText).join('; ');
  const date = dateToText(value);
  return date || JSON.stringify(value);
}
