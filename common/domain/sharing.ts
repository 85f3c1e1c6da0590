import { z } from 'zod';
import { Id } from './schemas';

/**
 * Sharing a knowledge base: copies for colleagues, merging a colleague's file, conflicts the
 * analyst reviews, and verified backups. Shared by the IPC contract, the job process and the CLI.
 */

/** What a copy holds: the whole knowledge base, or some cases with the sources they cite. */
export const CopyScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('cases'), caseIds: z.array(Id).min(1).max(100_000) }).strict(),
]);
export type CopyScope = z.infer<typeof CopyScope>;

export const CopyResult = z.object({
  path: z.string(),
  bytes: z.number(),
  cases: z.number(),
  sources: z.number(),
});
export type CopyResult = z.infer<typeof CopyResult>;

/** Rows a merge added, updated or deleted (tombstoned) in our file, by kind of record. */
export const MergeCounts = z.object({ cases: z.number(), sources: z.number(), other: z.number() });
export type MergeCounts = z.infer<typeof MergeCounts>;

export const ConflictKind = z.enum(['both-edited', 'we-deleted', 'they-deleted']);
export type ConflictKind = z.infer<typeof ConflictKind>;

/** One record changed on both sides since the last exchange, waiting for the analyst. */
export const ConflictSummary = z.object({
  id: Id,
  mergeId: Id,
  table: z.string(),
  kind: ConflictKind,
  /** What the record is, in words: a case's title, a source's citekey and title, a field's name. */
  label: z.string(),
  /** The case the record belongs to (a case, its note, its field values …), for grouping. */
  caseId: Id.nullable(),
});
export type ConflictSummary = z.infer<typeof ConflictSummary>;

export const ConflictSide = z.object({
  by: z.string(),
  /** When, as an ISO timestamp. */
  at: z.string(),
  deleted: z.boolean(),
});

/** One field of a conflicting record: both values in words, and whether they differ. */
export const ConflictField = z.object({
  key: z.string(),
  label: z.string(),
  /** `note` values are a case note's plain text, shown side by side. */
  kind: z.enum(['text', 'note']),
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
  differs: z.boolean(),
});
export type ConflictField = z.infer<typeof ConflictField>;

export const ConflictDetail = ConflictSummary.extend({
  ours: ConflictSide,
  theirs: ConflictSide,
  fields: z.array(ConflictField),
});
export type ConflictDetail = z.infer<typeof ConflictDetail>;

/** The analyst's choice for each differing field (a field left out keeps ours). */
export const ConflictChoices = z.record(z.string().max(200), z.enum(['ours', 'theirs']));
export type ConflictChoices = z.infer<typeof ConflictChoices>;

export const DuplicateMerged = z.object({
  /** The source kept (ours), by citekey. */
  kept: z.string(),
  /** Their source merged into it, by citekey; its citations now point at the kept one. */
  merged: z.string(),
  title: z.string(),
});

export const MergeReport = z.object({
  /** Null when the merge changed nothing (no merge to undo). */
  mergeId: Id.nullable(),
  peerName: z.string(),
  /** The verified backup of our file taken before the merge. */
  backupPath: z.string().nullable(),
  added: MergeCounts,
  updated: MergeCounts,
  deleted: MergeCounts,
  duplicates: z.array(DuplicateMerged),
  conflicts: z.array(ConflictSummary),
  /** Said in words when the file has no shared history with ours (a copy made outside Casebook). */
  notes: z.array(z.string()),
});
export type MergeReport = z.infer<typeof MergeReport>;

export const MergeHistoryEntry = z.object({
  id: Id,
  peerName: z.string(),
  finishedAt: z.string(),
  report: MergeReport,
  undoneAt: z.string().nullable(),
});
export type MergeHistoryEntry = z.infer<typeof MergeHistoryEntry>;

export const UndoMergeResult = z.object({
  restored: z.number(),
  /** Records changed again after the merge, left as they are now (named). */
  kept: z.array(z.string()),
});
export type UndoMergeResult = z.infer<typeof UndoMergeResult>;

export const BackupReason = z.enum(['migration', 'merge', 'daily', 'manual', 'restore']);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupInfo = z.object({
  path: z.string(),
  reason: BackupReason,
  createdAt: z.string(),
  bytes: z.number(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** What restoring a backup would lose: records created or changed since it was taken. */
export const RestorePreview = z.object({
  backup: BackupInfo,
  lost: z.object({ cases: z.number(), notes: z.number(), sources: z.number(), other: z.number() }),
  /** Up to 20 titles of cases that would lose changes (or disappear). */
  caseTitles: z.array(z.string()),
});
export type RestorePreview = z.infer<typeof RestorePreview>;
