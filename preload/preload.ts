import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../common/ipc/channels';
import type { CasebookBridge } from '../common/ipc/client';

const invokeChannels: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
const pushChannels: ReadonlySet<string> = new Set(PUSH_CHANNELS);

/**
 * `window.casebook`: the contract's channels and nothing else. The page never sees `ipcRenderer`
 * or an IPC event object, so a bug or injected script in the page cannot send on other channels.
 */
const bridge: CasebookBridge = {
  invoke(channel, input) {
    if (!invokeChannels.has(channel)) return Promise.reject(new Error(`Unknown channel “${String(channel)}”.`));
    return ipcRenderer.invoke(channel, input);
  },
  on(channel, listener) {
    if (!pushChannels.has(channel)) throw new Error(`Unknown event channel “${String(channel)}”.`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  // A dropped colleague's file is merged by path; only a real File from a drop has one.
  pathForFile(file) {
    return file instanceof File ? webUtils.getPathForFile(file) : '';
  },
};

contextBridge.exposeInMainWorld('casebook', bridge);
