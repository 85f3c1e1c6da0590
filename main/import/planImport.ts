import type { ImportProblem, OnDuplicate } from '../../common/domain/sources';
import type { ImportItem } from '../store/sourcesService';
import type { DuplicateOf } from './findDuplicates';
import type { ParsedEntry } from './importTypes';

/** A previewed import as main keeps it until the commit. */
export interface PreviewData {
  entries: ParsedEntry[];
  errors: ImportProblem[];
  duplicates: Map<number, DuplicateOf>;
}

/**
 * The writes a commit makes: each entry inserted, or — when it duplicates a stored source —
 * skipped, merged into it, or kept as a second source, by its own decision or `onDuplicate`.
 * Entries with problems are not in `entries`, so they are never written.
 */
export function planImport(preview: PreviewData, onDuplicate: OnDuplicate, decisions: Record<string, OnDuplicate>): { items: ImportItem[]; duplicates: number } {
  const items: ImportItem[] = [];
  let duplicates = 0;
  for (const entry of preview.entries) {
    const { 'citation-key': _key, ...csl } = entry.csl;
    const citekey = entry.key || undefined;
    const dup = preview.duplicates.get(entry.index);
    if (!dup) {
      items.push({ csl, citekey, action: 'insert' });
      continue;
    }
    duplicates++;
    const decision = Object.hasOwn(decisions, String(entry.index)) ? (decisions[String(entry.index)] as OnDuplicate) : onDuplicate;
    if (decision === 'skip') items.push({ csl, citekey, action: 'skip' });
    else if (decision === 'merge') items.push({ csl, citekey, action: 'merge', mergeInto: dup.id });
    else items.push({ csl, citekey, action: 'insert' });
  }
  return { items, duplicates };
}
