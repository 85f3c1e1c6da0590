-- Partial indexes over live cases (not deleted, not in the Trash) that cover the default sort of
-- the cases table and its total, so the first page and deep pages of a 100,000-case knowledge base
-- are read in index order instead of sorting every row. deleted_at and trashed_at are included so
-- SQLite can answer from the index alone; the trailing id makes the order total (stable paging).
-- The old (trashed_at, deleted_at) index is replaced by one over the Trash only: with it in place,
-- SQLite preferred it for the live list and sorted all rows.
DROP INDEX cases_by_trashed_at_deleted_at;
CREATE INDEX cases_by_trashed_at ON cases (trashed_at) WHERE deleted_at IS NULL AND trashed_at IS NOT NULL;
CREATE INDEX cases_by_title_id_deleted_at_trashed_at ON cases (title COLLATE NOCASE, id, deleted_at, trashed_at)
  WHERE deleted_at IS NULL AND trashed_at IS NULL;
CREATE INDEX cases_by_updated_at_id_deleted_at_trashed_at ON cases (updated_at, id, deleted_at, trashed_at)
  WHERE deleted_at IS NULL AND trashed_at IS NULL;
