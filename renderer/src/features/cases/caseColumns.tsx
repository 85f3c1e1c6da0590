import type { BuiltinCaseColumn, CaseRow, FieldDef, FieldType, FieldValue } from '../../../../common/domain/schemas';
import { CASE_STATUS_LABELS, CASE_STATUSES } from '../../../../common/domain/schemas';

/** How a column's values look and filter: decides the filter operators and the cell renderer. */
export type ColumnKind = 'text' | 'date' | 'status' | 'list' | 'number' | 'boolean' | 'url' | 'select' | 'multi' | 'timestamp';

export interface CaseColumnSpec {
  id: string;
  label: string;
  kind: ColumnKind;
  /** Choices for select/status filters. */
  options: { value: string; label: string }[];
  defaultSize: number;
}

const BUILTINS: { id: BuiltinCaseColumn; label: string; kind: ColumnKind; size: number }[] = [
  { id: 'title', label: 'Title', kind: 'text', size: 260 },
  { id: 'summary', label: 'Summary', kind: 'text', size: 280 },
  { id: 'periodStart', label: 'Period start', kind: 'date', size: 110 },
  { id: 'periodEnd', label: 'Period end', kind: 'date', size: 110 },
  { id: 'region', label: 'Region', kind: 'text', size: 140 },
  { id: 'status', label: 'Status', kind: 'status', size: 110 },
  { id: 'tags', label: 'Tags', kind: 'list', size: 160 },
  { id: 'actors', label: 'Actors', kind: 'list', size: 180 },
  { id: 'createdAt', label: 'Created', kind: 'timestamp', size: 150 },
  { id: 'updatedAt', label: 'Updated', kind: 'timestamp', size: 150 },
  { id: 'updatedBy', label: 'Updated by', kind: 'text', size: 120 },
];

/** Columns hidden until the user shows them, so a new knowledge base starts uncluttered. */
export const DEFAULT_HIDDEN = ['summary', 'createdAt', 'updatedBy'];

const FIELD_KINDS: Record<FieldType, ColumnKind> = {
  text: 'text',
  number: 'number',
  date: 'date',
  single_select: 'select',
  multi_select: 'multi',
  boolean: 'boolean',
  url: 'url',
};

/** Every column the cases table can show: the built-ins, then one per user field (`field:<id>`). */
export function caseColumnSpecs(fields: FieldDef[]): CaseColumnSpec[] {
  const statusOptions = CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }));
  return [
    ...BUILTINS.map((b) => ({ id: b.id, label: b.label, kind: b.kind, options: b.kind === 'status' ? statusOptions : [], defaultSize: b.size })),
    ...fields.map((f) => ({
      id: `field:${f.id}`,
      label: f.name,
      kind: FIELD_KINDS[f.type],
      options: f.options.map((o) => ({ value: o, label: o })),
      defaultSize: f.type === 'boolean' || f.type === 'number' ? 100 : 150,
    })),
  ];
}

/** The value a column shows for a row, as text (cells, tooltips). */
export function cellText(row: CaseRow, spec: CaseColumnSpec): string {
  if (spec.id.startsWith('field:')) return fieldValueText(row.values[spec.id.slice(6)] ?? null, spec.kind);
  switch (spec.id as BuiltinCaseColumn) {
    case 'title':
      return row.title;
    case 'summary':
      return row.summary;
    case 'periodStart':
      return row.periodStart ?? '';
    case 'periodEnd':
      return row.periodEnd ?? '';
    case 'region':
      return row.region;
    case 'status':
      return CASE_STATUS_LABELS[row.status];
    case 'tags':
      return row.tags.join(', ');
    case 'actors':
      return row.actors.join(', ');
    case 'createdAt':
      return formatTimestamp(row.createdAt);
    case 'updatedAt':
      return formatTimestamp(row.updatedAt);
    case 'updatedBy':
      return row.updatedBy;
  }
}

function fieldValueText(value: FieldValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (kind === 'boolean') return value === true ? 'Yes' : value === false ? 'No' : '';
  return String(value);
}

/**
 * Timestamps arrive as ISO strings or hybrid-logical-clock strings that start with one;
 * show them in the user's locale, and anything unparseable as it is.
 */
export function formatTimestamp(value: string): string {
  const iso = value.match(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z?/)?.[0];
  const date = iso ? new Date(iso.endsWith('Z') ? iso : `${iso}Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
