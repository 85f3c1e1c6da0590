import type Database from 'better-sqlite3';
import type { FieldValue } from '../../common/domain/schemas';
import type { Stamp } from './fieldsRepository';

interface ValueRow {
  caseId: string;
  fieldId: string;
  value: string;
}

export interface CaseValue {
  caseId: string;
  fieldId: string;
  value: FieldValue;
}

const fromRow = (row: ValueRow): CaseValue => ({ caseId: row.caseId, fieldId: row.fieldId, value: JSON.parse(row.value) as FieldValue });

/**
 * Values of user fields per case (`case_values`). A case has at most one row per field (also when
 * tombstoned), so setting a cleared value revives its row rather than inserting a second one.
 */
export function createValuesRepository(db: Database.Database) {
  const LIVE = 'v.deleted_at IS NULL AND f.deleted_at IS NULL';
  const forCases = db.prepare<[string], ValueRow>(
    `SELECT v.case_id AS caseId, v.field_id AS fieldId, v.value AS value
     FROM case_values v JOIN fields f ON f.id = v.field_id
     WHERE v.case_id IN (SELECT value FROM json_each(?)) AND ${LIVE}`,
  );
  const forField = db.prepare<[string], ValueRow>(
    `SELECT case_id AS caseId, field_id AS fieldId, value FROM case_values WHERE field_id = ? AND deleted_at IS NULL`,
  );
  const findRow = db.prepare<[string, string], { id: string }>('SELECT id FROM case_values WHERE case_id = ? AND field_id = ?');
  const insert = db.prepare(
    `INSERT INTO case_values (id, case_id, field_id, value, sort_text, sort_num, created_at, updated_at, updated_by)
     VALUES (@id, @caseId, @fieldId, @value, @sortText, @sortNum, @createdAt, @updatedAt, @updatedBy)`,
  );
  const update = db.prepare(
    `UPDATE case_values SET value = @value, sort_text = @sortText, sort_num = @sortNum, deleted_at = NULL,
       updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id`,
  );
  const tombstone = db.prepare(
    `UPDATE case_values SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy
     WHERE case_id = @caseId AND field_id = @fieldId AND deleted_at IS NULL`,
  );
  const tombstoneByField = db.prepare(
    `UPDATE case_values SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy
     WHERE field_id = @fieldId AND deleted_at IS NULL`,
  );
  const tombstoneByCase = db.prepare(
    `UPDATE case_values SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy
     WHERE case_id = @caseId AND deleted_at IS NULL`,
  );
  const caseIdsOfField = db.prepare<[string], { caseId: string }>(
    'SELECT DISTINCT case_id AS caseId FROM case_values WHERE field_id = ? AND deleted_at IS NULL',
  );

  return {
    /** Live values of live fields for a batch of cases (one query, whatever the page size). */
    forCases: (caseIds: string[]): CaseValue[] => forCases.all(JSON.stringify(caseIds)).map(fromRow),
    forField: (fieldId: string): CaseValue[] => forField.all(fieldId).map(fromRow),
    caseIdsOfField: (fieldId: string): string[] => caseIdsOfField.all(fieldId).map((r) => r.caseId),
    /** Writes a value, reviving the case's row for this field if it was cleared before. */
    upsert(
      data: { id: string; caseId: string; fieldId: string; value: Exclude<FieldValue, null>; sortText: string | null; sortNum: number | null; createdAt: string } & Stamp,
    ): void {
      const existing = findRow.get(data.caseId, data.fieldId);
      const row = { ...data, value: JSON.stringify(data.value) };
      if (existing) update.run({ ...row, id: existing.id });
      else insert.run(row);
    },
    tombstone(caseId: string, fieldId: string, deletedAt: string, stamp: Stamp): number {
      return tombstone.run({ caseId, fieldId, deletedAt, ...stamp }).changes;
    },
    tombstoneByField(fieldId: string, deletedAt: string, stamp: Stamp): number {
      return tombstoneByField.run({ fieldId, deletedAt, ...stamp }).changes;
    },
    tombstoneByCase(caseId: string, deletedAt: string, stamp: Stamp): number {
      return tombstoneByCase.run({ caseId, deletedAt, ...stamp }).changes;
    },
  };
}
export type ValuesRepository = ReturnType<typeof createValuesRepository>;
