import { z } from 'zod';

/**
 * Domain shapes shared by every process. Payloads are plain JSON: ids are strings, timestamps are
 * ISO strings (created_at) or hybrid-logical-clock strings (updated_at), so the Electron host and
 * the browser host carry exactly the same values.
 */

export const Id = z.string().min(1).max(64);

/** `2003`, `2003-08` or `2003-08-11`: the precision an analyst actually knows. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isValidPartialDate, 'is not a real calendar date');

export function isValidPartialDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

export const CASE_STATUSES = ['draft', 'in_progress', 'complete'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  in_progress: 'In progress',
  complete: 'Complete',
};

export const FIELD_TYPES = ['text', 'number', 'date', 'single_select', 'multi_select', 'boolean', 'url'] as const;
export const FieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldType>;
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  single_select: 'Single select',
  multi_select: 'Multi select',
  boolean: 'Yes / no',
  url: 'URL',
};

export const FieldName = z.string().trim().min(1, 'a field needs a name').max(80);
export const SelectOption = z.string().trim().min(1).max(120);

export const FieldDef = z.object({
  id: Id,
  name: z.string(),
  type: FieldType,
  options: z.array(z.string()),
  position: z.number(),
});
export type FieldDef = z.infer<typeof FieldDef>;

/** A stored value of a user-defined field; its shape depends on the field's type. */
export const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;

export const ACTOR_KINDS = ['organisation', 'state', 'mission', 'person', 'group', 'other'] as const;
export const ActorKind = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKind>;

export const Actor = z.object({
  id: Id,
  name: z.string(),
  abbreviation: z.string(),
  kind: ActorKind,
  caseCount: z.number(),
});
export type Actor = z.infer<typeof Actor>;

export const CaseActor = z.object({
  linkId: Id,
  actorId: Id,
  name: z.string(),
  abbreviation: z.string(),
  kind: ActorKind,
  role: z.string(),
});
export type CaseActor = z.infer<typeof CaseActor>;

/** One row of the cases table: what the table shows, no note body. */
export const CaseRow = z.object({
  id: Id,
  title: z.string(),
  summary: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  region: z.string(),
  status: CaseStatus,
  tags: z.array(z.string()),
  actors: z.array(z.string()),
  values: z.record(z.string(), FieldValue),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  trashedAt: z.string().nullable(),
});
export type CaseRow = z.infer<typeof CaseRow>;

/**
 * A Lexical editor state as JSON. Only the outer shape is checked here; the store derives plain
 * text from it with `noteToPlainText`, which tolerates unknown node types.
 */
export const LexicalJson = z
  .object({
    root: z
      .object({
        type: z.literal('root'),
        children: z.array(z.unknown()),
      })
      .passthrough(),
  })
  .passthrough();
export type LexicalJson = z.infer<typeof LexicalJson>;

export const CaseDetail = CaseRow.extend({
  note: LexicalJson.nullable(),
  noteText: z.string(),
  noteUpdatedAt: z.string().nullable(),
  caseActors: z.array(CaseActor),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** Built-in column ids of the cases table; user fields are `field:<fieldId>`. */
export const BUILTIN_CASE_COLUMNS = [
  'title',
  'summary',
  'periodStart',
  'periodEnd',
  'region',
  'status',
  'tags',
  'actors',
  'createdAt',
  'updatedAt',
  'updatedBy',
] as const;
export type BuiltinCaseColumn = (typeof BUILTIN_CASE_COLUMNS)[number];
export const CaseColumnId = z
  .string()
  .refine(
    (c) => (BUILTIN_CASE_COLUMNS as readonly string[]).includes(c) || /^field:[\w-]{1,64}$/.test(c),
    'unknown column',
  );

export const FILTER_OPS = ['contains', 'equals', 'gt', 'lt', 'empty', 'notEmpty'] as const;
export const ColumnFilter = z.object({
  column: CaseColumnId,
  op: z.enum(FILTER_OPS),
  value: z.union([z.string().max(500), z.number(), z.boolean()]).optional(),
});
export type ColumnFilter = z.infer<typeof ColumnFilter>;

export const SortSpec = z.object({ column: CaseColumnId, desc: z.boolean() });
export type SortSpec = z.infer<typeof SortSpec>;

export const CaseQuery = z.object({
  /** Full-text search over title, summary, fields and note; any input is safe. */
  search: z.string().max(500).default(''),
  filters: z.array(ColumnFilter).max(50).default([]),
  sort: z.array(SortSpec).max(5).default([]),
  /** true: list the Trash instead of the live cases. */
  trash: z.boolean().default(false),
});
export type CaseQuery = z.infer<typeof CaseQuery>;

export const CasePatch = z
  .object({
    title: z.string().trim().min(1, 'a case needs a title').max(500),
    summary: z.string().max(20_000),
    periodStart: PartialDate.nullable(),
    periodEnd: PartialDate.nullable(),
    region: z.string().trim().max(200),
    status: CaseStatus,
  })
  .partial();
export type CasePatch = z.infer<typeof CasePatch>;

/** Column layout of a table, saved in the knowledge base so it travels with the file. */
export const TableLayout = z.object({
  columnOrder: z.array(z.string()).max(300),
  hidden: z.array(z.string()).max(300),
  sizes: z.record(z.string(), z.number().min(30).max(2000)),
  sort: z.array(SortSpec).max(5),
});
export type TableLayout = z.infer<typeof TableLayout>;

export const KbCounts = z.object({
  cases: z.number(),
  trashed: z.number(),
  fields: z.number(),
  actors: z.number(),
  sources: z.number(),
  citations: z.number(),
});
export type KbCounts = z.infer<typeof KbCounts>;

export const KbInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number(),
  readOnly: z.boolean(),
  /** Why the file is read-only, in words for the banner. */
  readOnlyReason: z.string().nullable(),
  /** The cloud-sync service whose folder holds the file (Dropbox, OneDrive …), or null. */
  cloudFolder: z.string().nullable(),
  /** Merge conflicts waiting for review. */
  conflicts: z.number(),
  counts: KbCounts,
});
export type KbInfo = z.infer<typeof KbInfo>;

export const RecentKb = z.object({ path: z.string(), name: z.string(), exists: z.boolean() });
export type RecentKb = z.infer<typeof RecentKb>;

export const Settings = z.object({
  displayName: z.string(),
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  host: z.enum(['electron', 'browser']),
  version: z.string(),
  /** True when the host can show native file dialogs (Electron). */
  nativeDialogs: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A path the user typed or picked for a knowledge base file. */
export const KbPath = z
  .string()
  .trim()
  .min(1, 'give a file path')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain NUL');
