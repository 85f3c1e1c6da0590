import { describe, expect, it } from 'vitest';
import type { ConflictField, ConflictSummary, MergeHistoryEntry, MergeReport, RestorePreview } from '../../common/domain/sharing';
import {
  chosenSide,
  conflictChoices,
  defaultCopyName,
  describeConflictKind,
  describeCopyResult,
  describeMergeCounts,
  describeRestoreLoss,
  describeUndo,
  formatBytes,
  groupConflicts,
  nextConflictId,
  readOnlyText,
  resolvesToDeleted,
  summarizeMerge,
  undoableMerge,
  withKbExtension,
} from '../../renderer/src/features/share/shareText';

function buildConflict(over: Partial<ConflictSummary> & { id: string }): ConflictSummary {
  return { mergeId: 'm1', table: 'cases', kind: 'both-edited', label: 'Horn of Africa piracy, 2009', caseId: 'c1', ...over };
}

function buildField(over: Partial<ConflictField> & { key: string }): ConflictField {
  return { label: over.key, kind: 'text', ours: 'a', theirs: 'b', differs: true, ...over };
}

const NONE = { cases: 0, sources: 0, other: 0 };

function buildReport(over: Partial<MergeReport> = {}): MergeReport {
  return {
    mergeId: 'm1',
    peerName: 'Bea Keller',
    backupPath: '/kb/backups/test-merge.casebook',
    added: NONE,
    updated: NONE,
    deleted: NONE,
    duplicates: [],
    conflicts: [],
    notes: [],
    ...over,
  };
}

function buildHistory(id: string, finishedAt: string, undoneAt: string | null = null): MergeHistoryEntry {
  return { id, peerName: 'Bea Keller', finishedAt, undoneAt, report: buildReport({ mergeId: id }) };
}

describe('copy and merge sentences', () => {
  it('says what a checked copy holds, with a size a person reads', () => {
    expect(describeCopyResult({ path: '/x.casebook', bytes: 1_258_291, cases: 12, sources: 1 })).toBe(
      'Saved and checked (quick_check): 12 cases, 1 source, 1.2 MB',
    );
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(4096)).toBe('4 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });

  it('offers a file name for the copy and adds the extension to a typed path', () => {
    expect(defaultCopyName('UN–AU: Darfur?', 'copy')).toBe('UN–AU Darfur copy.casebook');
    expect(defaultCopyName('Piracy', 'colleague')).toBe('Piracy for a colleague.casebook');
    expect(withKbExtension(' /tmp/for-bea ')).toBe('/tmp/for-bea.casebook');
    expect(withKbExtension('/tmp/for-bea.CASEBOOK')).toBe('/tmp/for-bea.CASEBOOK');
  });

  it('sums up a merge in one line, leaving out what did not happen', () => {
    const report = buildReport({
      added: { cases: 2, sources: 1, other: 3 },
      updated: { cases: 1, sources: 0, other: 0 },
      deleted: { cases: 0, sources: 0, other: 1 },
      duplicates: [{ kept: 'crocker2011', merged: 'crocker2011a', title: 'Collective Conflict Management' }],
      conflicts: [buildConflict({ id: 'x1' })],
    });
    expect(summarizeMerge(report)).toBe('From Bea Keller: 6 added, 1 updated, 1 deleted, 1 duplicate source merged, 1 conflict to review.');
    expect(describeMergeCounts(report.added)).toBe('2 cases, 1 source, 3 other records');
    expect(describeMergeCounts(NONE)).toBe('nothing');
    expect(summarizeMerge(buildReport({ mergeId: null }))).toBe('Nothing to take in from Bea Keller: your knowledge base already has everything in their file.');
  });

  it('offers undo for the newest merge not undone yet, and says what an undo kept', () => {
    const history = [buildHistory('m1', '2025-03-01T10:00:00Z'), buildHistory('m3', '2025-03-03T10:00:00Z', '2025-03-04T10:00:00Z'), buildHistory('m2', '2025-03-02T10:00:00Z')];
    expect(undoableMerge(history)?.id).toBe('m2');
    expect(undoableMerge([])).toBeNull();
    expect(describeUndo({ restored: 3, kept: [] })).toBe('3 records went back to what they were before the merge.');
    expect(describeUndo({ restored: 1, kept: ['Darfur (case)'] })).toBe(
      '1 record went back to what it was before the merge. 1 record changed again since the merge was kept as it is now: Darfur (case).',
    );
  });

  it('gives the backend’s read-only reason for disabled actions', () => {
    expect(readOnlyText({ readOnlyReason: 'It is open in another Casebook window.' })).toBe('Read-only: It is open in another Casebook window.');
    expect(readOnlyText({ readOnlyReason: null })).toMatch(/read-only/);
  });
});

describe('conflicts', () => {
  it('phrases deletions from the analyst’s side', () => {
    expect(describeConflictKind('we-deleted', 'cases')).toBe('You deleted this case; they edited it.');
    expect(describeConflictKind('they-deleted', 'sources')).toBe('They deleted this source; you edited it.');
    expect(describeConflictKind('both-edited', 'case_notes')).toBe('You and they both edited this case note.');
  });

  it('groups conflicts by case, named after the case, with records outside cases last', () => {
    const conflicts = [
      buildConflict({ id: 'n1', table: 'case_notes', label: 'Note of Darfur', caseId: 'c2' }),
      buildConflict({ id: 's1', table: 'sources', label: 'crocker2011 Collective Conflict Management', caseId: null }),
      buildConflict({ id: 'c1', caseId: 'c1' }),
      buildConflict({ id: 'c2', table: 'cases', label: 'UN–AU cooperation in Darfur', caseId: 'c2' }),
    ];
    const groups = groupConflicts(conflicts);
    expect(groups.map((g) => [g.label, g.conflicts.map((c) => c.id)])).toEqual([
      ['UN–AU cooperation in Darfur', ['n1', 'c2']],
      ['Horn of Africa piracy, 2009', ['c1']],
      ['Other records', ['s1']],
    ]);
  });

  it('moves on to the conflict after the resolved one, or the one before it at the end', () => {
    const before = [buildConflict({ id: 'a', caseId: 'c1' }), buildConflict({ id: 'b', caseId: 'c1' }), buildConflict({ id: 'c', caseId: 'c2' })];
    expect(nextConflictId(before, 'a', before.filter((c) => c.id !== 'a'))).toBe('b');
    expect(nextConflictId(before, 'c', before.filter((c) => c.id !== 'c'))).toBe('b');
    expect(nextConflictId(before, 'b', [])).toBeNull();
  });

  it('sends a choice for every differing field, yours unless theirs was picked', () => {
    const fields = [buildField({ key: 'title' }), buildField({ key: 'summary' }), buildField({ key: 'region', differs: false }), buildField({ key: 'note', kind: 'note' })];
    expect(conflictChoices('both-edited', fields, { summary: 'theirs', note: 'theirs', region: 'theirs' })).toEqual({ title: 'ours', summary: 'theirs', note: 'theirs' });
    expect(conflictChoices('both-edited', fields, {})).toEqual({ title: 'ours', summary: 'ours', note: 'ours' });
  });

  it('brings a case you deleted back with their values, unless you keep some of yours', () => {
    const fields = [buildField({ key: 'deleted', ours: 'deleted', theirs: 'kept' }), buildField({ key: 'title' }), buildField({ key: 'summary' })];
    expect(conflictChoices('we-deleted', fields, {})).toEqual({ deleted: 'ours', title: 'ours', summary: 'ours' });
    expect(resolvesToDeleted('we-deleted', {})).toBe(true);
    const revive = { deleted: 'theirs', summary: 'ours' } as const;
    expect(chosenSide('we-deleted', 'title', revive)).toBe('theirs');
    expect(conflictChoices('we-deleted', fields, revive)).toEqual({ deleted: 'theirs', title: 'theirs', summary: 'ours' });
    expect(resolvesToDeleted('we-deleted', revive)).toBe(false);
    expect(resolvesToDeleted('they-deleted', {})).toBe(false);
    expect(resolvesToDeleted('they-deleted', { deleted: 'theirs' })).toBe(true);
    expect(chosenSide('they-deleted', 'title', { deleted: 'theirs' })).toBe('ours');
  });
});

describe('restore preview', () => {
  const backup = { path: '/kb/backups/a.casebook', reason: 'manual' as const, createdAt: '2025-03-01T10:00:00Z', bytes: 2048 };

  it('names the cases that would lose changes, and how many more', () => {
    const preview: RestorePreview = { backup, lost: { cases: 12, notes: 1, sources: 0, other: 2 }, caseTitles: ['Darfur', 'Piracy'] };
    expect(describeRestoreLoss(preview)).toEqual([
      '12 cases changed or created since this backup will be lost: “Darfur”, “Piracy” and 10 more.',
      '1 case note changed since this backup will go back to its earlier text.',
      '2 other records (fields, tags, actors, citations…) will go back as well.',
    ]);
  });

  it('names the cases whose notes or values would go back, and says so when nothing would be lost', () => {
    expect(describeRestoreLoss({ backup, lost: { cases: 0, notes: 2, sources: 1, other: 0 }, caseTitles: ['Darfur', 'Piracy'] })).toEqual([
      '2 case notes changed since this backup will go back to their earlier text.',
      '1 source changed or added since this backup will be lost.',
      'Cases concerned: “Darfur”, “Piracy”.',
    ]);
    expect(describeRestoreLoss({ backup, lost: { cases: 0, notes: 0, sources: 0, other: 0 }, caseTitles: [] })).toEqual([
      'Nothing has changed since this backup: restoring it loses nothing.',
    ]);
  });
});
