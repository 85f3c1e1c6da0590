import { createClient, type CasebookBridge, type CasebookClient } from '../../../common/ipc/client';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    casebook?: CasebookBridge;
  }
}

export interface Platform {
  /** Electron shows native menus and dialogs; the browser host gets in-app ones. */
  kind: 'electron' | 'browser';
  client: CasebookClient;
  /** Where a dropped file is on disk (Electron); null where the host cannot tell (the browser). */
  pathForFile(file: File): string | null;
}

/**
 * The only place that decides which bridge carries calls: the preload's `window.casebook` in
 * Electron, otherwise HTTP to the browser host with the token from the page's URL.
 */
export function detectPlatform(): Platform {
  const bridge = window.casebook;
  if (bridge) return { kind: 'electron', client: createClient(bridge), pathForFile: (file) => bridge.pathForFile?.(file) || null };
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return { kind: 'browser', client: createClient(createHttpBridge(token)), pathForFile: () => null };
}
