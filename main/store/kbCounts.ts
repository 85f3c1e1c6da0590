import type Database from 'better-sqlite3';
import type { KbCounts } from '../../common/domain/schemas';

/** Live (not deleted) rows per kind, for the status bar and `casebook info`. */
export function readKbCounts(db: Database.Database): KbCounts {
  return db
    .prepare(
      `SELECT
         (SELECT count(*) FROM cases WHERE deleted_at IS NULL AND trashed_at IS NULL) AS cases,
         (SELECT count(*) FROM cases WHERE deleted_at IS NULL AND trashed_at IS NOT NULL) AS trashed,
         (SELECT count(*) FROM fields WHERE deleted_at IS NULL) AS fields,
         (SELECT count(*) FROM actors WHERE deleted_at IS NULL) AS actors,
         (SELECT count(*) FROM sources WHERE deleted_at IS NULL) AS sources,
         (SELECT count(*) FROM citations WHERE deleted_at IS NULL) AS citations`,
    )
    .get() as KbCounts;
}
