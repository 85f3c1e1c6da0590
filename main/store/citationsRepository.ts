import type Database from 'better-sqlite3';
import type { SourceCitation } from '../../common/domain/sources';
import type { Stamp } from './fieldsRepository';

/** A `citations` row (live or tombstoned). */
export interface CitationRecord {
  id: string;
  caseId: string;
  sourceId: string;
  locator: string;
  label: string;
  prefix: string;
  suffix: string;
  quote: string;
  deletedAt: string | null;
}

export type CitationFields = Pick<CitationRecord, 'sourceId' | 'locator' | 'label' | 'prefix' | 'suffix' | 'quote'>;

const COLUMNS = `id, case_id AS caseId, source_id AS sourceId, locator, label, prefix, suffix, quote, deleted_at AS deletedAt`;

/**
 * Citations (`citations`): one row per citation inside a case note's footnotes. Rows are written
 * only by the note save (citationsSync), so the note and its citations never disagree.
 */
export function createCitationsRepository(db: Database.Database) {
  const byId = db.prepare<[string], CitationRecord>(`SELECT ${COLUMNS} FROM citations WHERE id = ?`);
  const ofCase = db.prepare<[string], CitationRecord>(`SELECT ${COLUMNS} FROM citations WHERE case_id = ?`);
  const insert = db.prepare(
    `INSERT INTO citations (id, case_id, source_id, locator, label, prefix, suffix, quote, created_at, updated_at, updated_by)
     VALUES (@id, @caseId, @sourceId, @locator, @label, @prefix, @suffix, @quote, @createdAt, @updatedAt, @updatedBy)`,
  );
  const update = db.prepare(
    `UPDATE citations SET source_id = @sourceId, locator = @locator, label = @label, prefix = @prefix, suffix = @suffix,
       quote = @quote, deleted_at = NULL, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id`,
  );
  const tombstone = db.prepare(
    'UPDATE citations SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id AND deleted_at IS NULL',
  );
  const ofSource = db.prepare<[string], SourceCitation>(
    `SELECT ci.id AS citationId, ci.case_id AS caseId, ca.title AS caseTitle, ci.locator AS locator, ci.label AS label, ci.quote AS quote
     FROM citations ci JOIN cases ca ON ca.id = ci.case_id
     WHERE ci.source_id = ? AND ci.deleted_at IS NULL AND ca.deleted_at IS NULL
     ORDER BY ca.title COLLATE NOCASE, ca.id, ci.created_at, ci.id`,
  );
  const casesCiting = db.prepare<[string], { caseId: string; title: string; trashed: number; n: number }>(
    `SELECT ca.id AS caseId, ca.title AS title, ca.trashed_at IS NOT NULL AS trashed, count(*) AS n
     FROM citations ci JOIN cases ca ON ca.id = ci.case_id
     WHERE ci.source_id = ? AND ci.deleted_at IS NULL AND ca.deleted_at IS NULL
     GROUP BY ca.id ORDER BY n DESC, ca.title COLLATE NOCASE`,
  );
  const liveQuotesOfCase = db.prepare<[string], string>(
    `SELECT quote FROM citations WHERE case_id = ? AND deleted_at IS NULL AND quote <> '' ORDER BY created_at, id`,
  );

  return {
    get: (id: string): CitationRecord | undefined => byId.get(id),
    /** Every citation row of a case, tombstoned ones included (a save may bring one back). */
    ofCase: (caseId: string): CitationRecord[] => ofCase.all(caseId),
    insert(row: CitationFields & Stamp & { id: string; caseId: string; createdAt: string }): void {
      insert.run(row);
    },
    /** Writes the fields and brings a tombstoned row back to life. */
    update(id: string, fields: CitationFields, stamp: Stamp): void {
      update.run({ id, ...fields, ...stamp });
    },
    tombstone(id: string, deletedAt: string, stamp: Stamp): void {
      tombstone.run({ id, deletedAt, ...stamp });
    },
    /** Where a source is cited: live citations from cases that exist (live or in the Trash). */
    ofSource: (sourceId: string): SourceCitation[] => ofSource.all(sourceId),
    /** Cases citing a source, most citations first. */
    casesCiting: (sourceId: string) => casesCiting.all(sourceId),
    /** Quotes captured in a case's footnotes, for its search text. */
    quotesOfCase: (caseId: string): string[] => liveQuotesOfCase.pluck().all(caseId) as unknown as string[],
  };
}
export type CitationsRepository = ReturnType<typeof createCitationsRepository>;
