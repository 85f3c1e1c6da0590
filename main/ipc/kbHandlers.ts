import type { Handlers } from './dispatch';
import type { KbSession } from '../store/kbSession';
import { kbStoreFor, type KbStore } from '../store/kbStore';
import type { HostPorts } from '../app/createAppCore';
import { createSourceHandlers, type SourceChannel } from './sourceHandlers';
import { createImportHandlers, type ImportChannel } from './importHandlers';

/** Channels that act on the open knowledge base (everything but app, settings, kb and dialogs). */
export type KbChannel = Exclude<
  keyof Handlers,
  'app.info' | 'settings.get' | 'settings.set' | 'kb.current' | 'kb.open' | 'kb.create' | 'kb.close' | 'kb.recent' | 'dialog.openKb' | 'dialog.newKb'
>;

/**
 * Handlers of every knowledge-base channel. `session` throws NO_KB when nothing is open; write
 * channels refuse with READ_ONLY before touching anything. Input is already parsed by dispatch.
 */
export function createKbHandlers(session: () => KbSession, ports: HostPorts): Pick<Handlers, KbChannel> {
  const read = (): KbStore => kbStoreFor(session());
  const write = (): KbStore => {
    const s = session();
    s.assertWritable();
    return kbStoreFor(s);
  };

  const caseHandlers: Omit<Pick<Handlers, KbChannel>, SourceChannel | ImportChannel> = {
    /** One page of the cases table or the Trash. */
    'cases.list': (q) => read().cases.list(q),
    'cases.get': ({ id }) => read().cases.get(id),
    'cases.create': (input) => write().cases.create(input),
    'cases.update': ({ id, patch }) => write().cases.update(id, patch),
    'cases.setValue': ({ caseId, fieldId, value }) => write().cases.setValue(caseId, fieldId, value),
    'cases.setTags': ({ caseId, tags }) => write().cases.setTags(caseId, tags),
    'cases.trash': ({ ids }) => ({ count: write().cases.trash(ids) }),
    'cases.restore': ({ ids }) => ({ count: write().cases.restore(ids) }),
    /** Delete forever: only for cases already in the Trash. */
    'cases.purge': ({ ids }) => ({ count: write().cases.purge(ids) }),
    'notes.save': ({ caseId, note }) => write().cases.saveNote(caseId, note),

    'fields.list': () => read().fields.list(),
    'fields.create': ({ name, type, options }) => write().fields.create(name, type, options),
    'fields.update': ({ id, name, options }) => write().fields.update(id, { name, options }),
    'fields.reorder': ({ ids }) => write().fields.reorder(ids),
    'fields.delete': ({ id }) => {
      write().fields.delete(id);
      return { ok: true as const };
    },

    'tags.list': () => read().tags.list(),

    'actors.list': ({ query }) => read().actors.list(query),
    'actors.create': (input) => write().actors.create(input),
    'actors.update': (input) => write().actors.update(input),
    'cases.linkActor': ({ caseId, actorId, role }) => write().cases.linkActor(caseId, actorId, role),
    'cases.updateActorLink': ({ linkId, role }) => write().cases.updateActorLink(linkId, role),
    'cases.unlinkActor': ({ linkId }) => write().cases.unlinkActor(linkId),

    /** The table layout saved in the file, so it travels with it. */
    'views.get': ({ table }) => read().views.get(table),
    'views.save': ({ table, layout }) => {
      write().views.save(table, layout);
      return { ok: true as const };
    },
  };

  return { ...caseHandlers, ...createSourceHandlers(session), ...createImportHandlers(session, ports) };
}
