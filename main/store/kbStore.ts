import type Database from 'better-sqlite3';
import { TableLayout, type Actor, type ActorKind } from '../../common/domain/schemas';
import { AppError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { WriteContext } from './kbSession';
import { createActorsRepository } from './actorsRepository';
import { createCasesRepository } from './casesRepository';
import { createCasesService, type StoreRepositories } from './casesService';
import { createFieldsRepository, type Stamp } from './fieldsRepository';
import { createFieldsService } from './fieldsService';
import { createSourcesService } from './sourcesService';
import { createCitationsSettings } from './citationsSettings';
import { createTagsRepository } from './tagsRepository';
import { createValuesRepository } from './valuesRepository';
import { createViewsRepository } from './viewsRepository';

/**
 * The store of one open knowledge base: repositories (statements prepared once per connection)
 * and the services the IPC handlers, the CLI and the sample writer share.
 */
export function createKbStore(ctx: WriteContext) {
  const { db } = ctx;
  const repos: StoreRepositories = {
    cases: createCasesRepository(db),
    fields: createFieldsRepository(db),
    values: createValuesRepository(db),
    tags: createTagsRepository(db),
    actors: createActorsRepository(db),
  };
  const views = createViewsRepository(db);
  const cases = createCasesService(ctx, repos);
  const fields = createFieldsService(ctx, repos, cases.reindex);
  const sources = createSourcesService(ctx);
  const citationSettings = createCitationsSettings(ctx);
  const stamp = (): Stamp => ({ updatedAt: ctx.tick(), updatedBy: ctx.who() });
  const nowIso = () => new Date().toISOString();

  function requireActor(id: string): Actor {
    const actor = repos.actors.get(id);
    if (!actor) throw new AppError('NOT_FOUND', `No actor with id “${id}”.`);
    return actor;
  }

  function checkActorName(name: string, exceptId?: string): void {
    const clash = repos.actors.findByName(name);
    if (clash && clash.id !== exceptId) throw new AppError('ALREADY_EXISTS', `An actor named “${name}” already exists.`);
  }

  const createActorTx = db.transaction((input: { name: string; abbreviation: string; kind: ActorKind }): string => {
    checkActorName(input.name);
    const id = newId();
    repos.actors.insert({ id, name: input.name.trim(), abbreviation: input.abbreviation.trim(), kind: input.kind, createdAt: nowIso(), ...stamp() });
    return id;
  });

  const updateActorTx = db.transaction((input: { id: string; name?: string; abbreviation?: string; kind?: ActorKind }): void => {
    const actor = requireActor(input.id);
    const name = input.name?.trim() ?? actor.name;
    if (input.name !== undefined) checkActorName(name, actor.id);
    const abbreviation = input.abbreviation?.trim() ?? actor.abbreviation;
    repos.actors.update({ id: actor.id, name, abbreviation, kind: input.kind ?? actor.kind, ...stamp() });
    // Actor names and abbreviations are part of each linked case's search text.
    if (name !== actor.name || abbreviation !== actor.abbreviation) {
      for (const caseId of repos.actors.caseIdsOfActor(actor.id)) cases.reindex(caseId);
    }
  });

  const saveViewTx = db.transaction((table: string, layout: TableLayout): void => {
    const existing = views.find(table, 'default');
    const json = JSON.stringify(layout);
    if (existing) views.update(existing.id, json, stamp());
    else views.insert({ id: newId(), tableName: table, name: 'default', layout: json, createdAt: nowIso(), ...stamp() });
  });

  return {
    repos,
    cases,
    fields,
    sources,
    citationSettings,
    tags: { list: () => repos.tags.listWithCounts() },
    actors: {
      /** Actors whose name or abbreviation contains the query, with how many live cases use each. */
      list: (query: string): Actor[] => repos.actors.search(query),
      create: (input: { name: string; abbreviation: string; kind: ActorKind }): Actor => requireActor(createActorTx(input)),
      update(input: { id: string; name?: string; abbreviation?: string; kind?: ActorKind }): Actor {
        updateActorTx(input);
        return requireActor(input.id);
      },
    },
    views: {
      /** The saved layout of a table, or null when none was saved (or it no longer parses). */
      get(table: string): TableLayout | null {
        const row = views.find(table, 'default');
        if (!row) return null;
        const parsed = TableLayout.safeParse(safeJson(row.layout));
        return parsed.success ? parsed.data : null;
      },
      save: (table: string, layout: TableLayout): void => saveViewTx(table, layout),
    },
  };
}
export type KbStore = ReturnType<typeof createKbStore>;

const stores = new WeakMap<Database.Database, KbStore>();

/** The store for a connection, built once: statements are prepared once per open file. */
export function kbStoreFor(ctx: WriteContext): KbStore {
  let store = stores.get(ctx.db);
  if (!store) {
    store = createKbStore(ctx);
    stores.set(ctx.db, store);
  }
  return store;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
