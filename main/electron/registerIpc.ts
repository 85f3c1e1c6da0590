import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../common/ipc/channels';
import type { Envelope } from '../../common/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { APP_ORIGIN } from './appProtocol';

/**
 * One `ipcMain.handle` per contract channel, each answering only the app's own top-level page:
 * a frame showing anything else (an iframe, a page reached by a bug in navigation checks) gets a
 * refusal envelope and never reaches the data.
 */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isAppFrame(event)) {
        return { ok: false, error: { code: 'INTERNAL', message: `${channel}: refused a call from a page that is not Casebook's own.` } };
      }
      return dispatch(channel, input);
    });
  }
}

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);
}
