import { CasePatch, CaseStatus, CASE_STATUSES, CASE_STATUS_LABELS, type FieldDef, type FieldValue } from '../../common/domain/schemas';
import { CliError } from './cliErrors';

/** Built-in case columns the CLI can set by name (`--field region=Horn of Africa`). */
const BUILTIN_NAMES: Record<string, keyof CasePatch> = {
  title: 'title',
  summary: 'summary',
  region: 'region',
  status: 'status',
  'period-start': 'periodStart',
  'period-end': 'periodEnd',
  periodstart: 'periodStart',
  periodend: 'periodEnd',
  'period start': 'periodStart',
  'period end': 'periodEnd',
};

export interface CaseAssignments {
  patch: CasePatch;
  values: { field: FieldDef; value: FieldValue }[];
}

/**
 * Turns `--title` and `--field NAME=VALUE` options into a patch of built-in columns and values of
 * user fields. Built-in names win over a user field of the same name. Values are parsed per the
 * field's type (numbers, yes/no, comma-separated multi-select); an empty value clears.
 */
export function parseCaseAssignments(title: string | undefined, assignments: string[], fields: FieldDef[]): CaseAssignments {
  const raw: Record<string, unknown> = {};
  if (title !== undefined) raw.title = title;
  const values: CaseAssignments['values'] = [];

  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new CliError(`--field expects NAME=VALUE, got “${assignment}”.`, true);
    const name = assignment.slice(0, eq).trim();
    const text = assignment.slice(eq + 1);
    const builtin = BUILTIN_NAMES[name.toLowerCase()];
    if (builtin) {
      raw[builtin] = builtinValue(builtin, text);
      continue;
    }
    const field = fields.find((f) => f.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (!field) {
      const known = ['title', 'summary', 'region', 'status', 'period-start', 'period-end', ...fields.map((f) => f.name)];
      throw new CliError(`no field named “${name}”; known fields: ${known.join(', ')}.`);
    }
    values.push({ field, value: parseFieldText(field, text) });
  }

  const parsed = CasePatch.strict().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${issue?.path.join('.') || 'case'}: ${issue?.message ?? 'invalid value'}.`);
  }
  return { patch: parsed.data, values };
}

function builtinValue(key: keyof CasePatch, text: string): unknown {
  if (key === 'periodStart' || key === 'periodEnd') return text.trim() === '' ? null : text.trim();
  if (key === 'status') {
    const t = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const byLabel = CASE_STATUSES.find((s) => CASE_STATUS_LABELS[s].toLowerCase().replace(/\s+/g, '_') === t);
    const status = CaseStatus.safeParse(byLabel ?? t);
    if (!status.success) throw new CliError(`status: “${text}” is not a status; use ${CASE_STATUSES.join(', ')}.`);
    return status.data;
  }
  return text;
}

/** A value typed on the command line, in the shape the field's type stores. */
export function parseFieldText(field: FieldDef, text: string): FieldValue {
  const t = text.trim();
  if (t === '') return null;
  switch (field.type) {
    case 'number': {
      const n = Number(t);
      if (!Number.isFinite(n)) throw new CliError(`Field “${field.name}”: “${t}” is not a number.`);
      return n;
    }
    case 'boolean': {
      const v = t.toLowerCase();
      if (['yes', 'true', 'y', '1'].includes(v)) return true;
      if (['no', 'false', 'n', '0'].includes(v)) return false;
      throw new CliError(`Field “${field.name}”: “${t}” is not yes/no (use yes, no, true or false).`);
    }
    case 'multi_select':
      return t
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return t;
  }
}
