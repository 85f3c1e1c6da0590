import type Database from 'better-sqlite3';
import type { Actor, ActorKind, CaseActor } from '../../common/domain/schemas';
import type { Stamp } from './fieldsRepository';

interface ActorRow {
  id: string;
  name: string;
  abbreviation: string;
  kind: string;
  caseCount: number;
}

interface LinkRow {
  linkId: string;
  caseId: string;
  actorId: string;
  name: string;
  abbreviation: string;
  kind: string;
  role: string;
}

export type CaseActorLink = CaseActor & { caseId: string };

const ACTOR_COLUMNS = `a.id AS id, a.name AS name, a.abbreviation AS abbreviation, a.kind AS kind,
  (SELECT count(*) FROM case_actors ca JOIN cases c ON c.id = ca.case_id
   WHERE ca.actor_id = a.id AND ca.deleted_at IS NULL AND c.deleted_at IS NULL AND c.trashed_at IS NULL) AS caseCount`;
const LINK_COLUMNS = `ca.id AS linkId, ca.case_id AS caseId, ca.actor_id AS actorId, a.name AS name,
  a.abbreviation AS abbreviation, a.kind AS kind, ca.role AS role`;

const actorFromRow = (r: ActorRow): Actor => ({ id: r.id, name: r.name, abbreviation: r.abbreviation, kind: r.kind as ActorKind, caseCount: r.caseCount });
const linkFromRow = (r: LinkRow): CaseActorLink => ({ ...r, kind: r.kind as ActorKind });

/** Actors (`actors`: organisations, states, missions …) and their links to cases (`case_actors`). */
export function createActorsRepository(db: Database.Database) {
  const search = db.prepare<{ like: string }, ActorRow>(
    `SELECT ${ACTOR_COLUMNS} FROM actors a
     WHERE a.deleted_at IS NULL AND (@like = '' OR a.name LIKE @like ESCAPE '\\' OR a.abbreviation LIKE @like ESCAPE '\\')
     ORDER BY a.name COLLATE NOCASE, a.id`,
  );
  const get = db.prepare<[string], ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = ? AND a.deleted_at IS NULL`);
  const findByName = db.prepare<[string], { id: string }>(
    'SELECT id FROM actors WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO actors (id, name, abbreviation, kind, created_at, updated_at, updated_by)
     VALUES (@id, @name, @abbreviation, @kind, @createdAt, @updatedAt, @updatedBy)`,
  );
  const update = db.prepare(
    `UPDATE actors SET name = @name, abbreviation = @abbreviation, kind = @kind, updated_at = @updatedAt, updated_by = @updatedBy
     WHERE id = @id`,
  );
  const linksOfCases = db.prepare<[string], LinkRow>(
    `SELECT ${LINK_COLUMNS} FROM case_actors ca JOIN actors a ON a.id = ca.actor_id
     WHERE ca.case_id IN (SELECT value FROM json_each(?)) AND ca.deleted_at IS NULL AND a.deleted_at IS NULL
     ORDER BY ca.position, ca.id`,
  );
  const getLink = db.prepare<[string], LinkRow>(
    `SELECT ${LINK_COLUMNS} FROM case_actors ca JOIN actors a ON a.id = ca.actor_id WHERE ca.id = ? AND ca.deleted_at IS NULL`,
  );
  const findLink = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM case_actors WHERE case_id = ? AND actor_id = ? AND deleted_at IS NULL LIMIT 1',
  );
  const caseIdsOfActor = db.prepare<[string], { caseId: string }>(
    'SELECT DISTINCT case_id AS caseId FROM case_actors WHERE actor_id = ? AND deleted_at IS NULL',
  );
  const nextLinkPosition = db.prepare<[string], { m: number | null }>(
    'SELECT max(position) AS m FROM case_actors WHERE case_id = ? AND deleted_at IS NULL',
  );
  const insertLink = db.prepare(
    `INSERT INTO case_actors (id, case_id, actor_id, role, position, created_at, updated_at, updated_by)
     VALUES (@id, @caseId, @actorId, @role, @position, @createdAt, @updatedAt, @updatedBy)`,
  );
  const updateLinkRole = db.prepare('UPDATE case_actors SET role = @role, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id');
  const tombstoneLink = db.prepare(
    'UPDATE case_actors SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id AND deleted_at IS NULL',
  );
  const tombstoneLinksOfCase = db.prepare(
    'UPDATE case_actors SET deleted_at = @deletedAt, updated_at = @updatedAt, updated_by = @updatedBy WHERE case_id = @caseId AND deleted_at IS NULL',
  );

  return {
    /** Live actors whose name or abbreviation contains `query` (all of them for ''). */
    search(query: string): Actor[] {
      const q = query.trim();
      const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '';
      return search.all({ like }).map(actorFromRow);
    },
    get(id: string): Actor | undefined {
      const row = get.get(id);
      return row ? actorFromRow(row) : undefined;
    },
    findByName: (name: string) => findByName.get(name),
    insert(actor: { id: string; name: string; abbreviation: string; kind: ActorKind; createdAt: string } & Stamp): void {
      insert.run(actor);
    },
    update(actor: { id: string; name: string; abbreviation: string; kind: ActorKind } & Stamp): void {
      update.run(actor);
    },
    linksOfCases: (caseIds: string[]): CaseActorLink[] => linksOfCases.all(JSON.stringify(caseIds)).map(linkFromRow),
    getLink(linkId: string): CaseActorLink | undefined {
      const row = getLink.get(linkId);
      return row ? linkFromRow(row) : undefined;
    },
    findLink: (caseId: string, actorId: string) => findLink.get(caseId, actorId),
    caseIdsOfActor: (actorId: string): string[] => caseIdsOfActor.all(actorId).map((r) => r.caseId),
    nextLinkPosition: (caseId: string): number => (nextLinkPosition.get(caseId)?.m ?? 0) + 1,
    insertLink(link: { id: string; caseId: string; actorId: string; role: string; position: number; createdAt: string } & Stamp): void {
      insertLink.run(link);
    },
    updateLinkRole(id: string, role: string, stamp: Stamp): void {
      updateLinkRole.run({ id, role, ...stamp });
    },
    tombstoneLink(id: string, deletedAt: string, stamp: Stamp): void {
      tombstoneLink.run({ id, deletedAt, ...stamp });
    },
    tombstoneLinksOfCase(caseId: string, deletedAt: string, stamp: Stamp): void {
      tombstoneLinksOfCase.run({ caseId, deletedAt, ...stamp });
    },
  };
}
export type ActorsRepository = ReturnType<typeof createActorsRepository>;
