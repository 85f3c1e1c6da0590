import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { InvokeChannel, PushChannel } from '../../common/ipc/channels';
import type { PushPayload } from '../../common/ipc/contract';
import type { KbInfo } from '../../common/domain/schemas';
import { AppError } from '../../common/errors';
import { appVersion } from '../appPaths';
import { KB_EXTENSION, createKb, openKb } from '../db/openKb';
import { createDispatch, type Dispatch, type Handlers } from '../ipc/dispatch';
import { createKbHandlers, type KbChannel } from '../ipc/kbHandlers';
import { createKbSession, createWriteContext, type KbSession } from '../store/kbSession';
import { readKbCounts } from '../store/kbCounts';
import { writeSampleKb } from '../sample/writeSampleKb';
import { backupsDirFor } from '../share/backups';
import { detectCloudFolder } from '../share/cloudSync';
import { countConflicts } from '../share/conflicts';
import { defaultDocumentsDir } from '../host/defaultPaths';
import { createSettingsStore } from './settingsStore';
import type { SpawnJob } from '../jobs/jobProtocol';

/** What a host (Electron, browser) provides to the core: its kind, native dialogs, push events. */
export interface HostPorts {
  host: 'electron' | 'browser';
  /** Native file dialogs; null where the host has none (the renderer then asks for a path itself). */
  dialogs: {
    openKb(): Promise<string | null>;
    newKb(): Promise<string | null>;
    saveFile(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  } | null;
  push<P extends PushChannel>(channel: P, payload: PushPayload<P>): void;
  /** Starts a job process (imports); without it, jobs fork `main/jobs/jobEntry.ts` under tsx. */
  spawnJob?: SpawnJob;
}

export interface AppCoreOptions {
  userDataDir: string;
  ports: HostPorts;
  /** Formatted-citations cache folder (default: the user's cache folder; null: no cache). */
  cacheDir?: string | null;
  /** Where "work on a local copy" puts copies (default: the user's documents folder). */
  documentsDir?: string | null;
  /** Take a verified daily backup (in the job process) when a knowledge base is opened (default true). */
  dailyBackups?: boolean;
}

export interface AppCore {
  dispatch: Dispatch;
  /** Opens a knowledge base, replacing the open one; refuses foreign files with an AppError. */
  open(path: string): KbInfo;
  /** Creates a knowledge base (optionally the sample) and opens it. */
  create(path: string, options?: { sample?: boolean }): KbInfo;
  /** Reopens the last knowledge base if it still exists; returns whether one is open. */
  reopenLast(): boolean;
  current(): KbInfo | null;
  close(): void;
  /** Closes the open knowledge base as the app exits, still remembering it to reopen next start. */
  shutdown(): void;
}

/**
 * The application without a transport: the open knowledge base, per-user settings and every
 * channel's handler. Both hosts build exactly one of these and hand `dispatch` to their transport.
 */
export function createAppCore({ userDataDir, ports, cacheDir, documentsDir = defaultDocumentsDir(), dailyBackups = true }: AppCoreOptions): AppCore {
  const settings = createSettingsStore(userDataDir);
  let session: KbSession | null = null;

  const who = () => settings.get().displayName;

  function requireSession(): KbSession {
    if (!session) throw new AppError('NO_KB', 'No knowledge base is open. Open or create one from the File menu.');
    return session;
  }

  function info(): KbInfo | null {
    if (!session) return null;
    const { opened } = session;
    return {
      path: opened.path,
      name: basename(opened.path, KB_EXTENSION),
      schemaVersion: opened.schemaVersion,
      readOnly: opened.readOnly,
      readOnlyReason: opened.readOnlyReason,
      cloudFolder: detectCloudFolder(opened.path),
      conflicts: countConflicts(opened.db),
      counts: readKbCounts(opened.db),
    };
  }

  function announce(): void {
    ports.push('kb.changed', { kb: info() });
  }

  function open(path: string): KbInfo {
    const full = resolve(path);
    // Reopening the file this window has open: let go of it first, or the window's own writer's
    // lock would make the new connection read-only.
    const reopening = session?.opened.path === full;
    if (reopening) {
      session?.close();
      session = null;
    }
    let opened;
    try {
      // Migration backups go where the app keeps this file's other backups.
      opened = openKb(full, { displayName: who(), backupDir: (kbId) => backupsDirFor(userDataDir, kbId) });
    } catch (e) {
      if (reopening) announce();
      throw e;
    }
    session?.close();
    session = createKbSession(opened, who);
    settings.noteOpened(full);
    announce();
    kb.opened();
    return info() as KbInfo;
  }

  function create(path: string, { sample = false } = {}): KbInfo {
    let full = resolve(path);
    if (!full.endsWith(KB_EXTENSION)) full += KB_EXTENSION;
    createKb(full, sample ? (db) => writeSampleKb(createWriteContext(db, who)) : undefined);
    return open(full);
  }

  function close(): void {
    session?.close();
    session = null;
    settings.noteClosed();
    announce();
  }

  const kb = createKbHandlers(requireSession, ports, {
    autoExport: { get: (kbPath) => settings.autoExport(kbPath), set: (kbPath, setting) => settings.setAutoExport(kbPath, setting) },
    cacheDir,
    onAutoExportError: (message) => console.error(message),
    share: { userDataDir, documentsDir, dailyBackups, who, announce, open: (path) => open(path), close: () => close() },
  });
  const kbHandlers = kb.handlers;

  const coreHandlers: Omit<Handlers, KbChannel> = {
    'app.info': () => ({ host: ports.host, version: appVersion(), nativeDialogs: ports.dialogs !== null }),
    'settings.get': () => ({ displayName: settings.get().displayName }),
    'settings.set': ({ displayName }) => {
      settings.setDisplayName(displayName);
      return { displayName };
    },
    'kb.current': () => info(),
    'kb.open': ({ path }) => open(path),
    'kb.create': ({ path, sample }) => create(path, { sample }),
    'kb.close': () => {
      close();
      return { ok: true as const };
    },
    'kb.recent': () =>
      settings.get().recent.map((p) => ({ path: p, name: basename(p, KB_EXTENSION), exists: existsSync(p) })),
    'dialog.openKb': async () =>
      ports.dialogs ? { path: await ports.dialogs.openKb(), unsupported: false } : { path: null, unsupported: true },
    'dialog.newKb': async () =>
      ports.dialogs ? { path: await ports.dialogs.newKb(), unsupported: false } : { path: null, unsupported: true },
    'dialog.saveFile': async (options) =>
      ports.dialogs ? { path: await ports.dialogs.saveFile(options), unsupported: false } : { path: null, unsupported: true },
  };

  const handlers: Handlers = { ...coreHandlers, ...kbHandlers };

  return {
    dispatch: createDispatch(handlers),
    open,
    create,
    reopenLast() {
      const last = settings.get().lastOpened;
      if (!last || !existsSync(last)) return false;
      try {
        open(last);
        return true;
      } catch {
        settings.forget(last);
        return false;
      }
    },
    current: info,
    close,
    shutdown() {
      kb.shutdown();
      session?.close();
      session = null;
    },
  };
}

export type { InvokeChannel };
