import { dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { HostPorts } from '../app/createAppCore';

const FILTERS = [{ name: 'Casebook knowledge bases', extensions: ['casebook'] }];

/** The Electron implementation of the core's dialog port: native pickers filtered to `.casebook`. */
export function createNativeDialogs(window: () => BrowserWindow | null, defaultFolder: () => string): NonNullable<HostPorts['dialogs']> {
  return {
    async openKb() {
      const options = { title: 'Open Knowledge Base', filters: FILTERS, properties: ['openFile' as const] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async newKb() {
      const options = {
        title: 'New Knowledge Base',
        buttonLabel: 'Create',
        defaultPath: join(defaultFolder(), 'Untitled.casebook'),
        filters: FILTERS,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async saveFile({ title, defaultName, extensions }) {
      const options = {
        title,
        defaultPath: join(defaultFolder(), defaultName),
        filters: [{ name: extensions.map((e) => `.${e}`).join(', '), extensions }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
