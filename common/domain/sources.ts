import { z } from 'zod';
import { Id } from './schemas';

/**
 * Sources and citations. A source is a CSL-JSON item (the format citeproc-js and Zotero use);
 * a citation is one reference to a source from a case note (source + locator + prefix/suffix +
 * optional quote). Footnote nodes in a note carry their citations in full (see
 * `common/editor/footnotes.ts`), and `notes.save` writes them as rows in the same transaction.
 */

export const SOURCE_TYPES = [
  'book',
  'chapter',
  'article-journal',
  'report',
  'webpage',
  'article-newspaper',
  'thesis',
  'speech',
  'document',
  'treaty',
  'legislation',
  'legal_case',
  'article-magazine',
  'paper-conference',
  'manuscript',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  book: 'Book',
  chapter: 'Book chapter',
  'article-journal': 'Journal article',
  report: 'Report',
  webpage: 'Web page',
  'article-newspaper': 'Newspaper article',
  thesis: 'Thesis',
  speech: 'Speech',
  document: 'UN document / resolution',
  treaty: 'Treaty',
  legislation: 'Legal document',
  legal_case: 'Court case',
  'article-magazine': 'Magazine article',
  'paper-conference': 'Conference paper',
  manuscript: 'Manuscript',
};

/** A CSL name: a person (family/given, particles) or an institution (`literal`: "UNSC", "Council of the EU"). */
export const CslName = z
  .object({
    family: z.string().max(500).optional(),
    given: z.string().max(500).optional(),
    'non-dropping-particle': z.string().max(100).optional(),
    'dropping-particle': z.string().max(100).optional(),
    suffix: z.string().max(100).optional(),
    literal: z.string().max(1000).optional(),
  })
  .strict()
  .refine((n) => Boolean(n.literal?.trim() || n.family?.trim() || n.given?.trim()), 'a name needs a family name or a literal (institutional) name');
export type CslName = z.infer<typeof CslName>;

/** CSL date: `{"date-parts": [[2011, 1]]}`, or a `literal` / `raw` string. */
export const CslDate = z
  .object({
    'date-parts': z.array(z.array(z.union([z.number().int(), z.string().max(10)])).min(1).max(3)).min(1).max(2).optional(),
    literal: z.string().max(200).optional(),
    raw: z.string().max(200).optional(),
    circa: z.union([z.boolean(), z.string(), z.number()]).optional(),
    season: z.union([z.string(), z.number()]).optional(),
  })
  .strict();
export type CslDate = z.infer<typeof CslDate>;

const SAFE_KEY = /^(?!__proto__$|constructor$|prototype$)[A-Za-z][A-Za-z0-9_-]{0,63}$/;
// Built once: creating a zod schema per checked value made imports of 10,000 items take seconds.
const CslNames = z.array(CslName).max(500);

/**
 * A CSL-JSON item as stored. Known name and date variables are checked; other variables are
 * strings or numbers. Keys such as `__proto__` are refused (records come from untrusted files).
 */
export const CslItem = z
  // z.custom, not z.record: a record schema silently drops a `__proto__` key, and it should be
  // refused with a message instead.
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected a CSL-JSON record (an object)')
  .superRefine((item, ctx) => {
    for (const [key, value] of Object.entries(item)) {
      if (!SAFE_KEY.test(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `“${key.slice(0, 40)}” is not an allowed CSL variable name` });
        continue;
      }
      if (NAME_VARIABLES.has(key)) {
        const r = CslNames.safeParse(value);
        if (!r.success) ctx.addIssue({ code: 'custom', path: [key], message: r.error.issues[0]?.message ?? 'invalid names' });
      } else if (DATE_VARIABLES.has(key)) {
        const r = CslDate.safeParse(value);
        if (!r.success) ctx.addIssue({ code: 'custom', path: [key], message: 'invalid date' });
      } else if (key === 'custom' || key === 'note' || key === 'id' || key === 'type' || key === 'citation-key') {
        // id/type/citation-key are set by the store; custom/note are free.
      } else if (typeof value !== 'string' && typeof value !== 'number') {
        ctx.addIssue({ code: 'custom', path: [key], message: 'expected text or a number' });
      } else if (typeof value === 'string' && value.length > 100_000) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is longer than 100,000 characters' });
      }
    }
  });
export type CslItem = Record<string, unknown>;

export const NAME_VARIABLES = new Set([
  'author',
  'editor',
  'translator',
  'container-author',
  'collection-editor',
  'composer',
  'director',
  'interviewer',
  'recipient',
  'reviewed-author',
  'editorial-director',
  'illustrator',
  'original-author',
]);
export const DATE_VARIABLES = new Set(['issued', 'accessed', 'event-date', 'original-date', 'submitted']);

export const LOCATOR_LABELS = [
  'page',
  'chapter',
  'section',
  'paragraph',
  'line',
  'figure',
  'table',
  'note',
  'part',
  'volume',
  'article',
  'clause',
] as const;
export const LocatorLabel = z.enum(LOCATOR_LABELS);
export type LocatorLabel = z.infer<typeof LocatorLabel>;

/** One citation inside a footnote: which source, where in it, and an optional quote. */
export const CitationRef = z
  .object({
    id: Id,
    sourceId: Id,
    locator: z.string().max(200).default(''),
    label: LocatorLabel.default('page'),
    prefix: z.string().max(1000).default(''),
    suffix: z.string().max(1000).default(''),
    quote: z.string().max(20_000).default(''),
  })
  .strict();
export type CitationRef = z.infer<typeof CitationRef>;

/** A row of the sources table. */
export const SourceRow = z.object({
  id: Id,
  citekey: z.string(),
  type: z.string(),
  authors: z.string(),
  year: z.number().nullable(),
  title: z.string(),
  container: z.string(),
  citedIn: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type SourceRow = z.infer<typeof SourceRow>;

/** Where a source is cited: one row per citation. */
export const SourceCitation = z.object({
  citationId: Id,
  caseId: Id,
  caseTitle: z.string(),
  locator: z.string(),
  label: z.string(),
  quote: z.string(),
});
export type SourceCitation = z.infer<typeof SourceCitation>;

export const SourceDetail = SourceRow.extend({
  csl: z.record(z.string(), z.unknown()),
  citations: z.array(SourceCitation),
  createdAt: z.string(),
});
export type SourceDetail = z.infer<typeof SourceDetail>;

export const SOURCE_COLUMNS = ['citekey', 'type', 'authors', 'year', 'title', 'container', 'citedIn', 'updatedAt'] as const;
export const SourceQuery = z.object({
  search: z.string().max(500).default(''),
  sort: z.array(z.object({ column: z.enum(SOURCE_COLUMNS), desc: z.boolean() })).max(3).default([]),
});

export const Citekey = z
  .string()
  .trim()
  .min(1, 'a citekey cannot be empty')
  .max(100)
  .regex(/^[\p{L}\p{N}_:.\-/+]+$/u, 'a citekey may contain letters, digits and _ : . - / + only');

export const IMPORT_FORMATS = ['bibtex', 'biblatex', 'ris', 'csl-json'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;
export const OnDuplicate = z.enum(['skip', 'merge', 'keep']);
export type OnDuplicate = z.infer<typeof OnDuplicate>;

/** One entry of an import preview. */
export const ImportEntry = z.object({
  /** Position in the input, stable across preview and commit. */
  index: z.number(),
  key: z.string(),
  line: z.number(),
  type: z.string(),
  title: z.string(),
  authors: z.string(),
  year: z.number().nullable(),
  duplicateOf: z
    .object({ id: Id, citekey: z.string(), title: z.string(), reason: z.enum(['doi', 'isbn', 'citekey', 'title-author-year']) })
    .nullable(),
});
export type ImportEntry = z.infer<typeof ImportEntry>;

export const ImportProblem = z.object({ entry: z.string(), line: z.number(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportPreview = z.object({
  previewId: Id,
  format: ImportFormat,
  entries: z.array(ImportEntry),
  errors: z.array(ImportProblem),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportReport = z.object({
  imported: z.number(),
  merged: z.number(),
  skipped: z.number(),
  duplicates: z.number(),
  errors: z.array(ImportProblem),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Progress of a long job (import, export, merge) pushed on `job.progress`. */
export const JobProgress = z.object({
  jobId: Id,
  phase: z.string(),
  done: z.number(),
  total: z.number(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const CitationStyleInfo = z.object({ id: z.string(), title: z.string(), hasBibliography: z.boolean() });
export type CitationStyleInfo = z.infer<typeof CitationStyleInfo>;
