-- Sharing: the identity of this file and what it has taken in from other knowledge bases.
-- These tables are local to the file and never merged: a copy made by Casebook gets its own
-- identity (main/share/peers.ts), and each side records what it has seen of the other.

-- One row: this knowledge base's identity. A file copied outside Casebook keeps it, and a merge
-- between two files with the same identity is treated as having no common history.
CREATE TABLE kb_identity (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  kb_id TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO kb_identity (singleton, kb_id, created_at)
  VALUES (1, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- Other knowledge bases this one has exchanged with. seen_up_to is an updated_at (hybrid
-- logical clock): every row version of that peer at or below it has been taken in here — applied,
-- kept behind ours, or held as a conflict for review. A merge compares each side's row versions
-- with what the other side has seen.
CREATE TABLE merge_peers (
  peer_id TEXT PRIMARY KEY,
  peer_name TEXT NOT NULL,
  seen_up_to TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Merges into this file (main/share/merge.ts), for the merge history, undo and the review of
-- conflicts. Like the tables above these are local: never merged themselves, and emptied in a
-- copy made for a colleague (main/share/snapshot.ts).
CREATE TABLE merges (
  id TEXT PRIMARY KEY,
  peer_id TEXT NOT NULL,
  peer_name TEXT NOT NULL,
  -- The colleague's file as the analyst chose it (never written to).
  peer_path TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  backup_path TEXT,
  -- The MergeReport (common/domain/sharing.ts) as JSON.
  report TEXT NOT NULL CHECK (json_valid(report)),
  -- merge_peers.seen_up_to for this peer before the merge (NULL: there was none); undo puts it back.
  previous_seen_up_to TEXT,
  undone_at TEXT
) STRICT;
CREATE INDEX merges_by_finished_at ON merges (finished_at);

-- Every row a merge wrote: `before` holds the row's synced columns as they were (JSON), or NULL
-- when the merge inserted the row; after_updated_at is the version the merge left. Undo puts back
-- only rows whose updated_at is still after_updated_at. table_name 'merge_conflicts' logs a
-- pending conflict whose stored version the merge replaced.
CREATE TABLE merge_log (
  merge_id TEXT NOT NULL REFERENCES merges (id),
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after_updated_at TEXT NOT NULL,
  PRIMARY KEY (merge_id, table_name, row_key)
) STRICT;

-- Records changed on both sides since the last exchange (or edited on one side and deleted on the
-- other). Ours stays in place; theirs (their row's synced columns, with their ids already mapped
-- to ours) waits here until the analyst chooses field by field. At most one pending conflict per
-- record: a newer version of theirs replaces the stored one.
CREATE TABLE merge_conflicts (
  id TEXT PRIMARY KEY,
  merge_id TEXT NOT NULL REFERENCES merges (id),
  table_name TEXT NOT NULL,
  -- Our row's key (id; case_id for case_notes; key for kb_settings).
  row_key TEXT NOT NULL,
  -- The case the record belongs to, for grouping in the review.
  case_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('both-edited', 'we-deleted', 'they-deleted')),
  theirs TEXT NOT NULL CHECK (json_valid(theirs)),
  theirs_updated_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  -- The analyst's choices (ConflictChoices as JSON), or "superseded" when a later merge settled it.
  resolution TEXT CHECK (resolution IS NULL OR json_valid(resolution))
) STRICT;
CREATE UNIQUE INDEX merge_conflicts_by_table_name_row_key ON merge_conflicts (table_name, row_key) WHERE resolved_at IS NULL;
CREATE INDEX merge_conflicts_by_merge_id ON merge_conflicts (merge_id);

-- Records created independently on both sides that are one and the same (a tag or field of the
-- same name, a duplicate source, a value of the same field of the same case): their id → ours,
-- so later merges keep treating them as one record.
CREATE TABLE merge_aliases (
  table_name TEXT NOT NULL,
  their_id TEXT NOT NULL,
  our_id TEXT NOT NULL,
  -- The merge that found it (NULL when that merge changed nothing else); undo removes it.
  merge_id TEXT,
  PRIMARY KEY (table_name, their_id)
) STRICT;
CREATE INDEX merge_aliases_by_merge_id ON merge_aliases (merge_id);

-- Hard deletes of cases (an undone merge removing the cases it inserted, a copy of some cases
-- dropping the others) check case_tags for references; its only case_id index is partial, which
-- that check cannot use, so each delete scanned the whole table.
CREATE INDEX case_tags_by_case_id ON case_tags (case_id);
