-- Casebook schema, version 1.
-- Every synced table has: a UUIDv7 text id, created_at (ISO), updated_at (hybrid logical clock,
-- see common/hlc.ts), updated_by (person/device), deleted_at (tombstone: rows are never
-- hard-deleted once they may have been shared, so deletions can travel in a merge).
-- `<table>_by_updated_at` indexes serve the clock at open and "changed since" queries of merges.

-- Settings of this knowledge base (citation style, locale …), one row per key.
CREATE TABLE kb_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  -- Local, never synced: the rowid of this case's row in cases_fts. Explicit because VACUUM may
  -- renumber implicit rowids.
  fts_rowid INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL CHECK (length(title) > 0),
  summary TEXT NOT NULL DEFAULT '',
  period_start TEXT CHECK (period_start IS NULL OR period_start GLOB '[0-9][0-9][0-9][0-9]*'),
  period_end TEXT CHECK (period_end IS NULL OR period_end GLOB '[0-9][0-9][0-9][0-9]*'),
  region TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_progress', 'complete')),
  trashed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX cases_by_title ON cases (title COLLATE NOCASE);
CREATE INDEX cases_by_period_start ON cases (period_start);
CREATE INDEX cases_by_period_end ON cases (period_end);
CREATE INDEX cases_by_region ON cases (region COLLATE NOCASE);
CREATE INDEX cases_by_status ON cases (status);
CREATE INDEX cases_by_created_at ON cases (created_at);
CREATE INDEX cases_by_updated_at ON cases (updated_at);
CREATE INDEX cases_by_trashed_at_deleted_at ON cases (trashed_at, deleted_at);

-- The note of a case (Lexical JSON and its derived plain text), one row per case, keyed by the
-- case's id. Kept out of `cases` so that scanning, sorting and filtering cases never reads note
-- bodies, and so that a note and the case's fields change (and merge) independently.
CREATE TABLE case_notes (
  case_id TEXT PRIMARY KEY REFERENCES cases (id),
  note_json TEXT NOT NULL CHECK (json_valid(note_json)),
  note_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX case_notes_by_updated_at ON case_notes (updated_at);

-- User-defined fields. options: JSON array of strings (select types).
CREATE TABLE fields (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'single_select', 'multi_select', 'boolean', 'url')),
  options TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options)),
  position REAL NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX fields_by_updated_at ON fields (updated_at);
CREATE INDEX fields_by_position ON fields (position);

-- One value of one field for one case. value: JSON (string, number, boolean, array of strings).
-- sort_text / sort_num are derived for sorting and filtering in SQLite.
CREATE TABLE case_values (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  field_id TEXT NOT NULL REFERENCES fields (id),
  value TEXT NOT NULL CHECK (json_valid(value)),
  sort_text TEXT,
  sort_num REAL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT,
  UNIQUE (case_id, field_id)
) STRICT;
CREATE INDEX case_values_by_updated_at ON case_values (updated_at);
CREATE INDEX case_values_by_field_id_sort_text ON case_values (field_id, sort_text COLLATE NOCASE);
CREATE INDEX case_values_by_field_id_sort_num ON case_values (field_id, sort_num);

CREATE TABLE tags (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX tags_by_updated_at ON tags (updated_at);
CREATE UNIQUE INDEX tags_by_name ON tags (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE case_tags (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  tag_id TEXT NOT NULL REFERENCES tags (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX case_tags_by_updated_at ON case_tags (updated_at);
CREATE UNIQUE INDEX case_tags_by_case_id_tag_id ON case_tags (case_id, tag_id) WHERE deleted_at IS NULL;
CREATE INDEX case_tags_by_tag_id ON case_tags (tag_id);

-- Organisations, states, missions … (abbreviation such as AMISOM).
CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  abbreviation TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('organisation', 'state', 'mission', 'person', 'group', 'other')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX actors_by_updated_at ON actors (updated_at);
CREATE INDEX actors_by_name ON actors (name COLLATE NOCASE);

CREATE TABLE case_actors (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  actor_id TEXT NOT NULL REFERENCES actors (id),
  role TEXT NOT NULL DEFAULT '',
  position REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX case_actors_by_updated_at ON case_actors (updated_at);
CREATE INDEX case_actors_by_case_id ON case_actors (case_id);
CREATE INDEX case_actors_by_actor_id ON case_actors (actor_id);

-- Bibliographic sources: a CSL-JSON record plus derived columns for sorting and search.
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  citekey TEXT NOT NULL,
  csl TEXT NOT NULL CHECK (json_valid(csl)),
  type TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '',
  year INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX sources_by_citekey ON sources (citekey) WHERE deleted_at IS NULL;

-- A citation of a source from a case note (a footnote refers to citation ids).
CREATE TABLE citations (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  source_id TEXT NOT NULL REFERENCES sources (id),
  locator TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT 'page',
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  quote TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX citations_by_updated_at ON citations (updated_at);
CREATE INDEX citations_by_case_id ON citations (case_id);
CREATE INDEX citations_by_source_id ON citations (source_id);

CREATE TABLE case_links (
  id TEXT PRIMARY KEY,
  from_case_id TEXT NOT NULL REFERENCES cases (id),
  to_case_id TEXT NOT NULL REFERENCES cases (id),
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX case_links_by_updated_at ON case_links (updated_at);
CREATE INDEX case_links_by_from_case_id ON case_links (from_case_id);
CREATE INDEX case_links_by_to_case_id ON case_links (to_case_id);

-- Table layouts and saved filters; layout is JSON (TableLayout in common/domain/schemas.ts).
CREATE TABLE saved_views (
  id TEXT PRIMARY KEY,
  table_name TEXT NOT NULL,
  name TEXT NOT NULL,
  layout TEXT NOT NULL CHECK (json_valid(layout)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX saved_views_by_updated_at ON saved_views (updated_at);
CREATE UNIQUE INDEX saved_views_by_table_name_name ON saved_views (table_name, name) WHERE deleted_at IS NULL;

-- Full-text index of cases; rows are written by the store (casesRepository.reindex) in the same
-- transaction as the case, keyed by cases.fts_rowid.
CREATE VIRTUAL TABLE cases_fts USING fts5 (
  title,
  summary,
  fields,
  note,
  tokenize = 'unicode61 remove_diacritics 2'
);
