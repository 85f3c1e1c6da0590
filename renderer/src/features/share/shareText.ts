import type {
  BackupInfo,
  BackupReason,
  ConflictChoices,
  ConflictField,
  ConflictKind,
  ConflictSummary,
  CopyResult,
  MergeCounts,
  MergeHistoryEntry,
  MergeReport,
  RestorePreview,
  UndoMergeResult,
} from '../../../../common/domain/sharing';
import { ApiError } from '../../../../common/ipc/client';
import { formatTimestamp } from '../cases/caseColumns';
import { safeFileName } from '../export/exportChoices';

/*
 * Sharing in words: what the copy, merge, conflict and backup dialogs say, kept apart from the
 * components so the sentences can be tested on their own.
 */

export const KB_FILE_EXTENSION = '.casebook';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "812 KB", "3.4 MB": sizes as a file manager shows them (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}

/** A timestamp in the user's locale (ISO or hybrid-logical-clock strings). */
export function formatWhen(value: string): string {
  return formatTimestamp(value);
}

/** The file name offered for a copy: "Piracy copy.casebook", "Piracy for a colleague.casebook". */
export function defaultCopyName(kbName: string, purpose: 'copy' | 'colleague'): string {
  const base = safeFileName(kbName);
  return `${base} ${purpose === 'copy' ? 'copy' : 'for a colleague'}${KB_FILE_EXTENSION}`;
}

/** Adds `.casebook` to a typed path that has no extension of its own kind. */
export function withKbExtension(path: string): string {
  const trimmed = path.trim();
  return trimmed.toLowerCase().endsWith(KB_FILE_EXTENSION) ? trimmed : `${trimmed}${KB_FILE_EXTENSION}`;
}

/** The done state of a copy: "Saved and checked (quick_check): 12 cases, 40 sources, 1.2 MB". */
export function describeCopyResult(result: CopyResult): string {
  return `Saved and checked (quick_check): ${plural(result.cases, 'case')}, ${plural(result.sources, 'source')}, ${formatBytes(result.bytes)}`;
}

/** "3 cases, 1 source, 2 other records"; parts that are zero are left out; "nothing" when all are. */
export function describeMergeCounts(counts: MergeCounts): string {
  const parts: string[] = [];
  if (counts.cases > 0) parts.push(plural(counts.cases, 'case'));
  if (counts.sources > 0) parts.push(plural(counts.sources, 'source'));
  if (counts.other > 0) parts.push(plural(counts.other, 'other record'));
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

function total(counts: MergeCounts): number {
  return counts.cases + counts.sources + counts.other;
}

/** One line for a merge: the report's headline and the history list's entry. */
export function summarizeMerge(report: MergeReport): string {
  const changed = total(report.added) + total(report.updated) + total(report.deleted);
  if (changed === 0 && report.conflicts.length === 0 && report.duplicates.length === 0) return `Nothing to take in from ${report.peerName}: your knowledge base already has everything in their file.`;
  const parts = [`${total(report.added).toLocaleString('en-US')} added`, `${total(report.updated).toLocaleString('en-US')} updated`, `${total(report.deleted).toLocaleString('en-US')} deleted`];
  if (report.duplicates.length > 0) parts.push(`${plural(report.duplicates.length, 'duplicate source')} merged`);
  if (report.conflicts.length > 0) parts.push(`${plural(report.conflicts.length, 'conflict')} to review`);
  return `From ${report.peerName}: ${parts.join(', ')}.`;
}

/** The newest merge that has not been undone: the only one that can be undone. */
export function undoableMerge(history: readonly MergeHistoryEntry[]): MergeHistoryEntry | null {
  const newestFirst = [...history].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
  const newest = newestFirst.find((entry) => entry.undoneAt === null && entry.report.mergeId !== null);
  return newest ?? null;
}

/** What an undo did, in one sentence. */
export function describeUndo(result: UndoMergeResult): string {
  const restored = `${plural(result.restored, 'record')} went back to what ${result.restored === 1 ? 'it was' : 'they were'} before the merge.`;
  if (result.kept.length === 0) return restored;
  return `${restored} ${plural(result.kept.length, 'record')} changed again since the merge ${result.kept.length === 1 ? 'was' : 'were'} kept as ${result.kept.length === 1 ? 'it is' : 'they are'} now: ${result.kept.join('; ')}.`;
}

/** A record's kind in words, from the table it lives in. */
export function recordNoun(table: string): string {
  switch (table) {
    case 'cases':
      return 'case';
    case 'case_notes':
      return 'case note';
    case 'case_values':
      return 'field value';
    case 'sources':
      return 'source';
    case 'citations':
      return 'citation';
    case 'fields':
      return 'field';
    case 'actors':
      return 'actor';
    case 'case_actors':
      return 'actor link';
    case 'case_tags':
      return 'tag';
    case 'tags':
      return 'tag';
    case 'case_links':
      return 'case link';
    case 'saved_views':
      return 'saved view';
    case 'kb_settings':
      return 'setting';
    default:
      return 'record';
  }
}

/** "You deleted this case; they edited it." — what happened on each side. */
export function describeConflictKind(kind: ConflictKind, table: string): string {
  const noun = recordNoun(table);
  switch (kind) {
    case 'both-edited':
      return `You and they both edited this ${noun}.`;
    case 'we-deleted':
      return `You deleted this ${noun}; they edited it.`;
    case 'they-deleted':
      return `They deleted this ${noun}; you edited it.`;
  }
}

export interface ConflictGroup {
  /** The case the conflicts belong to; null for records outside any case (sources, fields…). */
  caseId: string | null;
  label: string;
  conflicts: ConflictSummary[];
}

/**
 * Conflicts grouped by the case they belong to, in the order the first of each appears; the group
 * is named after the case's own conflict when there is one, else after its first record. Records
 * outside any case come last, as "Other records".
 */
export function groupConflicts(conflicts: readonly ConflictSummary[]): ConflictGroup[] {
  const groups = new Map<string, ConflictGroup>();
  const others: ConflictSummary[] = [];
  for (const c of conflicts) {
    if (c.caseId === null) {
      others.push(c);
      continue;
    }
    let group = groups.get(c.caseId);
    if (!group) {
      group = { caseId: c.caseId, label: c.label, conflicts: [] };
      groups.set(c.caseId, group);
    }
    if (c.table === 'cases') group.label = c.label;
    group.conflicts.push(c);
  }
  const result = [...groups.values()];
  if (others.length > 0) result.push({ caseId: null, label: 'Other records', conflicts: others });
  return result;
}

/** The conflicts in the order the review list shows them (grouped by case). */
export function reviewOrder(conflicts: readonly ConflictSummary[]): ConflictSummary[] {
  return groupConflicts(conflicts).flatMap((g) => g.conflicts);
}

/**
 * Which conflict to show after one is resolved: the one that followed it in the list, or the one
 * before it when it was the last; null when none remain.
 */
export function nextConflictId(before: readonly ConflictSummary[], resolvedId: string, after: readonly ConflictSummary[]): string | null {
  const order = reviewOrder(before);
  const remaining = new Set(after.map((c) => c.id));
  const at = order.findIndex((c) => c.id === resolvedId);
  for (let i = at + 1; i < order.length; i++) {
    const candidate = order[i];
    if (candidate && remaining.has(candidate.id)) return candidate.id;
  }
  for (let i = at - 1; i >= 0; i--) {
    const candidate = order[i];
    if (candidate && remaining.has(candidate.id)) return candidate.id;
  }
  return reviewOrder(after)[0]?.id ?? null;
}

export type Side = 'ours' | 'theirs';

/** The pseudo-field of a delete-against-edit conflict: whether the record ends up deleted. */
export const DELETED_KEY = 'deleted';

/**
 * The side a field of a conflict takes: what the analyst picked, else ours — except when they
 * bring back a record they deleted: then its fields come from their edited version by default.
 */
export function chosenSide(kind: ConflictKind, key: string, picks: Readonly<Record<string, Side>>): Side {
  const picked = picks[key];
  if (picked) return picked;
  if (key !== DELETED_KEY && kind === 'we-deleted' && picks[DELETED_KEY] === 'theirs') return 'theirs';
  return 'ours';
}

/** Whether the resolution deletes the record, so its other fields do not matter. */
export function resolvesToDeleted(kind: ConflictKind, picks: Readonly<Record<string, Side>>): boolean {
  const side = chosenSide(kind, DELETED_KEY, picks);
  return (kind === 'we-deleted' && side === 'ours') || (kind === 'they-deleted' && side === 'theirs');
}

/**
 * The request for `merge.resolve`: one choice per differing field, as the review shows it. Fields
 * that agree are left out (there is nothing to choose).
 */
export function conflictChoices(kind: ConflictKind, fields: readonly ConflictField[], picks: Readonly<Record<string, Side>>): ConflictChoices {
  const choices: ConflictChoices = {};
  for (const field of fields) {
    if (field.differs) choices[field.key] = chosenSide(kind, field.key, picks);
  }
  return choices;
}

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  migration: 'Before an upgrade of the file',
  merge: 'Before a merge',
  daily: 'Daily backup',
  manual: 'Backed up by you',
  restore: 'Before a restore',
};

/** Backups newest first. */
export function sortBackups(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** “A”, “B” and 3 more */
function quoteTitles(titles: readonly string[], total: number): string {
  const quoted = titles.map((t) => `“${t}”`).join(', ');
  const more = total - titles.length;
  return more > 0 ? `${quoted} and ${more.toLocaleString('en-US')} more` : quoted;
}

/**
 * What a restore would lose, for the confirmation: "12 cases changed or created since this backup
 * will be lost: “A”, “B” and 10 more.", then notes, sources and other records, or that nothing
 * would be lost.
 */
export function describeRestoreLoss(preview: RestorePreview): string[] {
  const { lost, caseTitles } = preview;
  const lines: string[] = [];
  if (lost.cases > 0) {
    const lead = `${plural(lost.cases, 'case')} changed or created since this backup will be lost`;
    lines.push(caseTitles.length > 0 ? `${lead}: ${quoteTitles(caseTitles.slice(0, lost.cases), lost.cases)}.` : `${lead}.`);
  }
  if (lost.notes > 0) lines.push(`${plural(lost.notes, 'case note')} changed since this backup will go back to ${lost.notes === 1 ? 'its' : 'their'} earlier text.`);
  if (lost.sources > 0) lines.push(`${plural(lost.sources, 'source')} changed or added since this backup will be lost.`);
  if (lost.other > 0) lines.push(`${plural(lost.other, 'other record')} (fields, tags, actors, citations…) will go back as well.`);
  if (lost.cases === 0 && caseTitles.length > 0) lines.push(`Cases concerned: ${quoteTitles(caseTitles, caseTitles.length)}.`);
  if (lines.length === 0) lines.push('Nothing has changed since this backup: restoring it loses nothing.');
  return lines;
}

/** A failed job in words: cancellation is not an error, and the sentence says what is safe. */
export function jobFailure(e: unknown, safe: string): string {
  if (e instanceof ApiError && e.code === 'CANCELLED') return `Cancelled. ${safe}`;
  const message = e instanceof Error ? e.message : String(e);
  return `${message} ${safe}`;
}

export function isAlreadyExists(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'ALREADY_EXISTS';
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Why write actions are off, for titles and aria-describedby: the backend's reason when it gave one. */
export function readOnlyText(kb: { readOnlyReason: string | null }): string {
  const reason = kb.readOnlyReason?.trim();
  return reason ? `Read-only: ${reason.replace(/\.$/, '')}.` : 'This knowledge base is read-only: nothing can be merged, restored or resolved in it.';
}
