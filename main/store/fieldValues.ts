import { isValidPartialDate, type FieldDef, type FieldValue } from '../../common/domain/schemas';
import { AppError } from '../../common/errors';

/** A value ready to store, with the derived columns SQLite sorts and filters on. */
export interface StoredValue {
  value: Exclude<FieldValue, null>;
  sortText: string | null;
  sortNum: number | null;
}

const MAX_TEXT = 20_000;

/**
 * Checks a value against its field's type and returns its stored form, or null when the value
 * clears the field (`null`, an empty string, an empty list). Select values are matched to the
 * field's options case-insensitively and stored with the option's own spelling.
 */
export function normalizeFieldValue(field: Pick<FieldDef, 'name' | 'type' | 'options'>, raw: FieldValue): StoredValue | null {
  const fail = (what: string): never => {
    throw new AppError('INVALID_INPUT', `Field “${field.name}”: ${what}`);
  };
  if (raw === null) return null;
  if (typeof raw === 'string' && raw.trim() === '' && field.type !== 'boolean' && field.type !== 'number') return null;
  if (Array.isArray(raw) && raw.length === 0 && field.type === 'multi_select') return null;

  switch (field.type) {
    case 'text': {
      if (typeof raw !== 'string') return fail(`expected text, got ${describe(raw)}.`);
      if (raw.length > MAX_TEXT) return fail(`text is longer than ${MAX_TEXT.toLocaleString('en')} characters.`);
      return { value: raw, sortText: raw.trim(), sortNum: null };
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(`expected a number, got ${describe(raw)}.`);
      return { value: raw, sortText: String(raw), sortNum: raw };
    }
    case 'date': {
      if (typeof raw !== 'string') return fail(`expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got ${describe(raw)}.`);
      const d = raw.trim();
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) return fail(`“${clip(d)}” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD.`);
      if (!isValidPartialDate(d)) return fail(`“${d}” is not a real calendar date.`);
      return { value: d, sortText: d, sortNum: null };
    }
    case 'single_select': {
      if (typeof raw !== 'string') return fail(`expected one of the field's options, got ${describe(raw)}.`);
      const option = matchOption(field.options, raw);
      if (option === undefined) return fail(`“${clip(raw)}” is not one of its options (${listOptions(field.options)}).`);
      return { value: option, sortText: option, sortNum: null };
    }
    case 'multi_select': {
      const list = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list)) return fail(`expected a list of the field's options, got ${describe(raw)}.`);
      const chosen: string[] = [];
      for (const item of list) {
        const option = matchOption(field.options, item);
        if (option === undefined) return fail(`“${clip(item)}” is not one of its options (${listOptions(field.options)}).`);
        if (!chosen.includes(option)) chosen.push(option);
      }
      // Stored in the field's option order, so two people choosing the same set store the same value.
      chosen.sort((a, b) => field.options.indexOf(a) - field.options.indexOf(b));
      return { value: chosen, sortText: chosen.join(', '), sortNum: null };
    }
    case 'boolean': {
      if (typeof raw !== 'boolean') return fail(`expected yes or no (true/false), got ${describe(raw)}.`);
      return { value: raw, sortText: raw ? 'yes' : 'no', sortNum: raw ? 1 : 0 };
    }
    case 'url': {
      if (typeof raw !== 'string') return fail(`expected a web address, got ${describe(raw)}.`);
      const u = raw.trim();
      if (!isHttpUrl(u)) return fail(`“${clip(u)}” is not a web address; it must start with http:// or https://.`);
      return { value: u, sortText: u, sortNum: null };
    }
  }
}

/** Text of a stored value as it should appear in full-text search and CLI output. */
export function valueToText(value: FieldValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function matchOption(options: string[], raw: string): string | undefined {
  const wanted = raw.trim().toLocaleLowerCase();
  return options.find((o) => o.toLocaleLowerCase() === wanted);
}

function listOptions(options: string[]): string {
  if (options.length === 0) return 'it has none yet';
  const shown = options.slice(0, 8).map((o) => `“${o}”`).join(', ');
  return options.length > 8 ? `${shown} …` : shown;
}

function describe(v: FieldValue): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `“${clip(v)}”`;
  return String(v);
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
