import { BrowserWindow, Menu, app, dialog, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PUSH_CHANNELS, type PushChannel } from '../../common/ipc/channels';
import type { MenuCommand, PushPayload } from '../../common/ipc/contract';
import { RecentKb } from '../../common/domain/schemas';
import { createAppCore, type AppCore } from '../app/createAppCore';
import { appVersion, resolveAppPath } from '../appPaths';
import { setSqliteNativeBinding } from '../db/openKb';
import { PRODUCT_NAME, defaultSampleKbPath } from '../host/defaultPaths';
import { isFirstRun, openAtStart } from '../host/openAtStart';
import { buildAppMenu } from './appMenu';
import { APP_ORIGIN, APP_PAGE_URL, handleAppProtocol, registerAppScheme } from './appProtocol';
import { findElectronSqliteBinding, electronSqliteBindingPath } from './electronSqlite';
import { isAllowedExternalUrl } from './externalUrl';
import { parseLaunchArgs } from './launchArgs';
import { createNativeDialogs } from './nativeDialogs';
import { registerIpc } from './registerIpc';
import { createUtilityJobSpawner } from './utilityJob';

// The Electron host only wires the app core to Electron: window, menu, dialogs, IPC, file association.

const launch = parseLaunchArgs(process.argv.slice(1));
app.setName(PRODUCT_NAME);
app.setPath('userData', launch.userDataDir ?? join(app.getPath('appData'), PRODUCT_NAME));
registerAppScheme();

let core: AppCore | null = null;
let mainWindow: BrowserWindow | null = null;
/** Files the OS asked us to open before the app was ready (macOS `open-file` fires early). */
const pendingOpens: string[] = [];

// Registered before the lock and `ready`, so a double-click that launches the app is not missed.
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (core) openFromOs(path);
  else pendingOpens.push(path);
});

if (!app.requestSingleInstanceLock()) {
  // Another Casebook owns this user-data folder; it receives our argv in `second-instance`.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const { kbPath } = parseLaunchArgs(argv.slice(1), workingDirectory);
    if (kbPath) openFromOs(kbPath);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => core?.shutdown());
  app.whenReady().then(start, (e: unknown) => fatal(e));
}

function start(): void {
  try {
    useElectronSqliteBuild();
    const userDataDir = app.getPath('userData');
    const firstRun = isFirstRun(userDataDir);
    core = createAppCore({
      userDataDir,
      ports: {
        host: 'electron',
        dialogs: createNativeDialogs(() => mainWindow, () => documentsFolder() ?? userDataDir),
        push,
        spawnJob: createUtilityJobSpawner(() => (app.isPackaged ? undefined : findElectronSqliteBinding())),
      },
    });
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    handleAppProtocol(resolveAppPath('dist', 'renderer'));
    registerIpc(core.dispatch);
    try {
      openAtStart(core, {
        kbPath: launch.kbPath,
        firstRunSamplePath: firstRun ? defaultSampleKbPath(userDataDir, documentsFolder()) : undefined,
      });
    } catch (e) {
      showError('Casebook could not open the knowledge base', e);
    }
    for (const path of pendingOpens.splice(0)) openFromOs(path);
    void refreshMenu();
    createWindow();
  } catch (e) {
    fatal(e);
  }
}

/**
 * In development, `node_modules/better-sqlite3` is built for Node (tests and the browser host need
 * it); Electron loads its own build from a separate folder. Packaged apps are rebuilt for Electron.
 */
function useElectronSqliteBuild(): void {
  if (app.isPackaged) return;
  const binding = findElectronSqliteBinding();
  if (!binding) {
    throw new Error(
      `better-sqlite3 has not been built for Electron (${electronSqliteBindingPath()} is missing). ` +
        'Run `node scripts/rebuild-electron-sqlite.mjs` (or `npm start`, which does it for you).',
    );
  }
  setSqliteNativeBinding(binding);
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Casebook',
    show: false,
    webPreferences: {
      preload: resolveAppPath('dist', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });

  // The page never leaves the app: other navigations are refused, web links go to the user's browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (url.startsWith(`${APP_ORIGIN}/`)) return;
    event.preventDefault();
    openExternal(url);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(APP_PAGE_URL);
}

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

function push<P extends PushChannel>(channel: P, payload: PushPayload<P>): void {
  if (!PUSH_CHANNELS.includes(channel)) return;
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  // Opening or closing a knowledge base changes the recent list shown in File ▸ Open Recent.
  if (channel === 'kb.changed') void refreshMenu();
}

function sendMenuCommand(command: MenuCommand, path?: string): void {
  push('menu.command', path === undefined ? { command } : { command, path });
}

async function refreshMenu(): Promise<void> {
  if (!core) return;
  const answer = await core.dispatch('kb.recent', {});
  const recent = answer.ok ? RecentKb.array().parse(answer.value) : [];
  const kb = core.current();
  Menu.setApplicationMenu(buildAppMenu(recent, { command: sendMenuCommand, showAbout }, kb ? { conflicts: kb.conflicts } : null));
}

/** A `.casebook` double-clicked in the file manager or passed to a second launch. */
function openFromOs(path: string): void {
  if (!core) return;
  try {
    core.open(path);
  } catch (e) {
    showError('Casebook could not open the file', e);
  }
}

function documentsFolder(): string | null {
  try {
    const documents = app.getPath('documents');
    return existsSync(documents) ? documents : null;
  } catch {
    return null;
  }
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'About Casebook',
    message: `Casebook ${appVersion()}`,
    detail: `An offline knowledge base for analysts who study cases.\nElectron ${process.versions.electron}, Node ${process.versions.node}.`,
  };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

function showError(title: string, e: unknown): void {
  dialog.showErrorBox(title, e instanceof Error ? e.message : String(e));
}

function fatal(e: unknown): void {
  showError('Casebook could not start', e);
  app.exit(1);
}
