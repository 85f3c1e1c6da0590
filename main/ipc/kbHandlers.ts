import type { Handlers } from './dispatch';
import type { KbSession } from '../store/kbSession';
import { kbStoreFor, type KbStore } from '../store/kbStore';
import type { HostPorts } from '../app/createAppCore';
import { createSourceHandlers, type SourceChannel } from './sourceHandlers';
import { createImportHandlers, type ImportChannel } from './importHandlers';
import { createExportHandlers, type AutoExportStore, type ExportChannel } from './exportHandlers';
import { createHostJobRunner } from '../jobs/jobRunner';
import { createShareHandlers, type ShareChannel, type ShareHandlerOptions } from './shareHandlers';

export interface KbHandlerOptions {
  autoExport: AutoExportStore;
  /** Formatted-citations cache folder (undefined: the user's cache folder; null: none). */
  cacheDir?: string | null;
  onAutoExportError?: (message: string) => void;
  /** What copies, merges and backups need from the app (everything but the job runner, made here). */
  share: Omit<ShareHandlerOptions, 'jobs'>;
}

/** Channels that act on the open knowledge base (everything but app, settings, kb and dialogs). */
export type KbChannel = Exclude<
  keyof Handlers,
  | 'app.info'
  | 'settings.get'
  | 'settings.set'
  | 'kb.current'
  | 'kb.open'
  | 'kb.create'
  | 'kb.close'
  | 'kb.recent'
  | 'dialog.openKb'
  | 'dialog.newKb'
  | 'dialog.saveFile'
>;

/**
 * Handlers of every knowledge-base channel. `session` throws NO_KB when nothing is open; write
 * channels refuse with READ_ONLY before touching anything. Input is already parsed by dispatch.
 */
export function createKbHandlers(session: () => KbSession, ports: HostPorts, options: KbHandlerOptions): KbHandlers {
  const read = (): KbStore => kbStoreFor(session());
  const write = (): KbStore => {
    const s = session();
    s.assertWritable();
    return kbStoreFor(s);
  };

  // One job runner (and one spare process) for imports and exports.
  const jobs = createHostJobRunner(ports);
  const exports = createExportHandlers(session, { jobs, ...options });
  /** Runs a write that may change sources, then lets the automatic export know. */
  const touchingSources =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const result = fn(...args);
      exports.scheduleAutoExport();
      return result;
    };

  const caseHandlers: Omit<Pick<Handlers, KbChannel>, SourceChannel | ImportChannel | ExportChannel | ShareChannel> = {
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

  const share = createShareHandlers(session, { jobs, ...options.share });
  const sources = createSourceHandlers(session);
  const imports = createImportHandlers(session, ports, { jobs });
  const handlers: Pick<Handlers, KbChannel> = {
    ...caseHandlers,
    ...sources,
    'sources.create': touchingSources(sources['sources.create']),
    'sources.update': touchingSources(sources['sources.update']),
    'sources.delete': touchingSources(sources['sources.delete']),
    ...imports,
    'import.commit': touchingSources(imports['import.commit']),
    ...exports.handlers,
    ...share.handlers,
  };
  return {
    handlers,
    /** A knowledge base was opened: bring its automatic export up to date. */
    opened: () => {
      exports.scheduleAutoExport();
      share.opened();
    },
    /** The app is closing: end job processes. */
    shutdown: () => jobs.killAll(),
  };
}

export interface KbHandlers {
  handlers: Pick<Handlers, KbChannel>;
  opened(): void;
  shutdown(): void;
}
