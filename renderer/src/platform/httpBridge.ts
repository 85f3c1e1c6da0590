import type { CasebookBridge } from '../../../common/ipc/client';
import type { Envelope } from '../../../common/ipc/contract';
import type { PushChannel } from '../../../common/ipc/channels';

/**
 * The browser host's bridge: `POST /api/<channel>` with the session token, and server-sent events
 * for pushes. It answers with the same envelopes as Electron IPC, so the client cannot tell them apart.
 */
export function createHttpBridge(token: string, baseUrl = ''): CasebookBridge {
  let events: EventSource | null = null;
  const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>();

  function ensureEvents(channel: PushChannel): void {
    if (!events) events = new EventSource(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`);
    if (listeners.has(channel)) return;
    const set = new Set<(payload: unknown) => void>();
    listeners.set(channel, set);
    events.addEventListener(channel, (event) => {
      let payload: unknown;
      try {
        payload = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const listener of set) listener(payload);
    });
  }

  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token },
          body: JSON.stringify(input ?? {}),
        });
      } catch (e) {
        return ioError(`Could not reach the Casebook host (${e instanceof Error ? e.message : String(e)}). Is it still running?`);
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return ioError(`The Casebook host answered ${response.status} ${response.statusText} without a usable reply.`);
      }
    },
    on(channel, listener) {
      ensureEvents(channel);
      const set = listeners.get(channel);
      set?.add(listener);
      return () => {
        set?.delete(listener);
      };
    },
  };
}

function ioError(message: string): Envelope<never> {
  return { ok: false, error: { code: 'IO', message } };
}
