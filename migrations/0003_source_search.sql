-- Sources: derived columns for sorting, searching and duplicate detection, and a full-text index.
-- All derived columns are recomputed from `csl` by the store on every write (deriveSourceColumns in main/store/sourcesRepository.ts);
-- they are local conveniences, and a merge recomputes them from the merged CSL.
--   container     container title (journal, book, website), for the table
--   doi, isbn     normalised identifiers (lower-case DOI without resolver prefix; ISBN-13 digits)
--   identity_key  normalised title | first author | year, for duplicate detection on import
--   fts_rowid     local, never synced: the rowid of the source's row in sources_fts (explicit,
--                 because VACUUM may renumber implicit rowids)
ALTER TABLE sources ADD COLUMN container TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN doi TEXT;
ALTER TABLE sources ADD COLUMN isbn TEXT;
ALTER TABLE sources ADD COLUMN identity_key TEXT;
ALTER TABLE sources ADD COLUMN fts_rowid INTEGER;

-- Rows written before this version (none are expected: no earlier build wrote sources) get what
-- SQL alone can derive; identity_key stays NULL until the source is next saved.
UPDATE sources SET
  container = coalesce(json_extract(csl, '$."container-title"'), ''),
  doi = lower(json_extract(csl, '$.DOI')),
  fts_rowid = rowid;

CREATE UNIQUE INDEX sources_by_fts_rowid ON sources (fts_rowid);
CREATE INDEX sources_by_citekey_id ON sources (citekey COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_type ON sources (type) WHERE deleted_at IS NULL;
-- Text columns list empty values last: descending, '' is last anyway (plain index, read
-- backwards); ascending, the list orders by "authors = ''" first (expression index).
CREATE INDEX sources_by_authors ON sources (authors COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_empty_authors_authors ON sources (authors = '', authors COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_title ON sources (title COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_empty_title_title ON sources (title = '', title COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_container ON sources (container COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_empty_container_container ON sources (container = '', container COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_year ON sources (year) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_updated_at_id ON sources (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_created_at_id ON sources (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX sources_by_doi ON sources (doi) WHERE deleted_at IS NULL AND doi IS NOT NULL;
CREATE INDEX sources_by_isbn ON sources (isbn) WHERE deleted_at IS NULL AND isbn IS NOT NULL;
CREATE INDEX sources_by_identity_key ON sources (identity_key) WHERE deleted_at IS NULL AND identity_key IS NOT NULL;
-- Live citations of a case and of a source (the sync in notes.save, "cited in", delete checks).
CREATE INDEX citations_by_source_id_deleted_at ON citations (source_id, deleted_at);
CREATE INDEX citations_by_case_id_deleted_at ON citations (case_id, deleted_at);

-- Full-text index of live sources; rows are written by the store in the same transaction as the
-- source, keyed by sources.fts_rowid.
CREATE VIRTUAL TABLE sources_fts USING fts5 (
  citekey,
  authors,
  title,
  year,
  container,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO sources_fts (rowid, citekey, authors, title, year, container)
  SELECT fts_rowid, citekey, authors, title, coalesce(year, ''), container FROM sources WHERE deleted_at IS NULL;
