import type Database from 'better-sqlite3';
import type { Stamp } from './fieldsRepository';

export interface TagLink {
  linkId: string;
  tagId: string;
  caseId: string;
  name: string;
}

const LINK_COLUMNS = 'ct.id AS linkId, ct.tag_id AS tagId, ct.case_id AS caseId, t.name AS name';
const LIVE_LINK = 'ct.deleted_at IS NULL AND t.deleted_at IS NULL';

/** Tags (`tags`) and their links to cases (`case_tags`). Tag names are unique case-insensitively. */
export function createTagsRepository(db: Database.Database) {
  const findByName = db.prepare<[string], { id: string; name: string }>(
    'SELECT id, name FROM tags WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL LIMIT 1',
  );
  const insertTag = db.prepare(
    `INSERT INTO tags (id, name, created_at, updated_at, updated_by) VALUES (@id, @name, @createdAt, @updatedAt, @updatedBy)`,
  );
  const linksOfCases = db.prepare<[string], TagLink>(
    `SELECT ${LINK_COLUMNS} FROM case_tags ct JOIN tags t ON t.id = ct.tag_id
     WHERE ct.case_id IN (SELECT value FROM json_each(?)) AND ${LIVE_LINK}
     ORDER BY t.name COLLATE NOCASE`,
  );
  const insertLink = db.prepare(
    `INSERT INTO case_tags (id, case_id, tag_id, created_at, updated_at, updated_by)
     VALUES (@id, @caseId, @tagId, @createdAt, @updatedAt, @updatedBy)`,
  );
  const tombstoneLink = db.prepare(
    'UPDATE case_tags SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id AND deleted_at IS NULL',
  );
  const tombstoneLinksOfCase = db.prepare(
    'UPDATE case_tags SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE case_id = @caseId AND deleted_at IS NULL',
  );
  const withCounts = db.prepare<[], { name: string; count: number }>(
    `SELECT t.name AS name, count(*) AS count
     FROM tags t JOIN case_tags ct ON ct.tag_id = t.id AND ct.deleted_at IS NULL
     JOIN cases c ON c.id = ct.case_id AND c.deleted_at IS NULL AND c.trashed_at IS NULL
     WHERE t.deleted_at IS NULL
     GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
  );

  return {
    findByName: (name: string) => findByName.get(name),
    insertTag(tag: { id: string; name: string; createdAt: string } & Stamp): void {
      insertTag.run(tag);
    },
    linksOfCases: (caseIds: string[]): TagLink[] => linksOfCases.all(JSON.stringify(caseIds)),
    insertLink(link: { id: string; caseId: string; tagId: string; createdAt: string } & Stamp): void {
      insertLink.run(link);
    },
    tombstoneLink(id: string, deletedAt: string, stamp: Stamp): void {
      tombstoneLink.run({ id, deletedAt, ...stamp });
    },
    tombstoneLinksOfCase(caseId: string, deletedAt: string, stamp: Stamp): void {
      tombstoneLinksOfCase.run({ caseId, deletedAt, ...stamp });
    },
    /** Tags in use by live cases, with how many cases carry each. */
    listWithCounts: () => withCounts.all(),
  };
}
export type TagsRepository = ReturnType<typeof createTagsRepository>;
