import type { ServerResponse } from 'node:http';
import type { PushChannel } from '../../common/ipc/channels';
import type { PushPayload } from '../../common/ipc/contract';

/** Proxies and browsers drop idle streams after about a minute; a comment line keeps them open. */
export const KEEP_ALIVE_MS = 25_000;

export interface EventHub {
  /** Takes over `res` as a server-sent-events stream until the client goes away. */
  attach(res: ServerResponse): void;
  /** Sends one push event to every connected page. */
  push<P extends PushChannel>(channel: P, payload: PushPayload<P>): void;
  clientCount(): number;
  /** Ends every stream (the server is shutting down). */
  close(): void;
}

/**
 * The browser host's side of push events: each open page holds one `GET /api/events` stream and
 * receives `event: <channel>` / `data: <json>` frames, the transport counterpart of Electron's
 * `webContents.send`.
 */
export function createEventHub(keepAliveMs = KEEP_ALIVE_MS): EventHub {
  const clients = new Set<ServerResponse>();
  const timer = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, keepAliveMs);
  timer.unref();

  return {
    attach(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      // Flushes the headers at once so the page's EventSource reports "open" without waiting.
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    push(channel, payload) {
      // JSON never contains a raw newline, so the payload is always a single `data:` line.
      const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    clientCount: () => clients.size,
    close() {
      clearInterval(timer);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
