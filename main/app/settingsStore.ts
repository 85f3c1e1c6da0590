import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AutoExportSetting } from '../../common/domain/exports';

const StoredSettings = z.object({
  displayName: z.string().min(1).catch(defaultDisplayName()),
  recent: z.array(z.string()).catch([]),
  lastOpened: z.string().nullable().catch(null),
  /** Per knowledge base (by path): the file kept in sync with its sources. Paths are this machine's, so it is not kept in the file. */
  autoExport: z.record(z.string(), AutoExportSetting.unwrap()).catch({}),
});
export type StoredSettings = z.infer<typeof StoredSettings>;

const MAX_RECENT = 10;

function defaultDisplayName(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return 'Casebook user';
  }
}

/**
 * Per-user settings (display name, recent files, the knowledge base to reopen) in
 * `<userData>/settings.json`, written atomically. A damaged file falls back to defaults.
 */
export function createSettingsStore(userDataDir: string) {
  const file = join(userDataDir, 'settings.json');
  let state: StoredSettings = load();

  function load(): StoredSettings {
    try {
      return StoredSettings.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      return { displayName: defaultDisplayName(), recent: [], lastOpened: null, autoExport: {} };
    }
  }

  function save(): void {
    mkdirSync(userDataDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state, null, 2));
    renameSync(temp, file);
  }

  return {
    get: (): Readonly<StoredSettings> => state,
    setDisplayName(displayName: string): void {
      state = { ...state, displayName };
      save();
    },
    /** Moves `path` to the top of the recent list and remembers it for the next start. */
    noteOpened(path: string): void {
      state = { ...state, recent: [path, ...state.recent.filter((p) => p !== path)].slice(0, MAX_RECENT), lastOpened: path };
      save();
    },
    noteClosed(): void {
      state = { ...state, lastOpened: null };
      save();
    },
    autoExport: (kbPath: string): AutoExportSetting => state.autoExport[kbPath] ?? null,
    setAutoExport(kbPath: string, setting: AutoExportSetting): void {
      const next = { ...state.autoExport };
      if (setting) next[kbPath] = setting;
      else delete next[kbPath];
      state = { ...state, autoExport: next };
      save();
    },
    forget(path: string): void {
      state = { ...state, recent: state.recent.filter((p) => p !== path), lastOpened: state.lastOpened === path ? null : state.lastOpened };
      save();
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
