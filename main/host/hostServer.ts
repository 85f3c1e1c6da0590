import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../ipc/dispatch';
import { HTML_SECURITY_HEADERS } from './contentSecurityPolicy';
import type { EventHub } from './eventHub';
import { contentTypeFor, readStaticFile } from './staticFiles';

/** Largest request body accepted on `/api/*` (a note with pasted images stays well below). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
export const TOKEN_HEADER = 'x-casebook-token';

export interface HostServerOptions {
  dispatch: Dispatch;
  events: EventHub;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface HostServer {
  /** The address to open, with the token: `http://127.0.0.1:<port>/?token=<token>`. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The browser host's transport: serves the built renderer and carries the contract over HTTP on
 * 127.0.0.1 only. Anything on the machine can reach a local port, and any web page can make the
 * user's browser send requests to it, so every request must name our host (no DNS rebinding),
 * calls from other origins are refused, and the page and the API require a random per-start token
 * that only the person who started Casebook sees.
 */
export async function listenHostServer({ dispatch, events, rendererDir, port = 0 }: HostServerOptions): Promise<HostServer> {
  const token = randomBytes(32).toString('hex');
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[casebook] request failed:', e);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return sendText(res, 403, 'Casebook only answers requests addressed to 127.0.0.1 or localhost on its own port.');
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;

    if (path === '/api' || path.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin)) {
        return sendText(res, 403, 'Calls from other web pages are refused.');
      }
      if (path === '/api/events' && req.method === 'GET') {
        if (!tokenMatches(url.searchParams.get('token'))) return sendText(res, 401, 'Missing or wrong token.');
        return events.attach(res);
      }
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendText(res, 405, 'Use POST for API calls.');
      }
      if (!tokenMatches(req.headers[TOKEN_HEADER])) return sendText(res, 401, 'Missing or wrong token.');
      return handleApiCall(req, res, decodeChannel(path.slice('/api/'.length)));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed.');
    }
    if (path === '/' || path === '/index.html') {
      if (!tokenMatches(url.searchParams.get('token'))) return sendForbiddenPage(res);
      const page = await readStaticFile(rendererDir, '/index.html');
      if (!page) return sendText(res, 503, 'The Casebook interface is not built yet: run `npm run build`, then restart.');
      return sendFile(req, res, page.path, page.body, 'no-store');
    }
    const file = await readStaticFile(rendererDir, path);
    if (!file) return sendText(res, 404, 'Not found.');
    // Vite names built assets by content hash, so they never change under the same name.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return sendFile(req, res, file.path, file.body, cache);
  }

  async function handleApiCall(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const body = await readBody(req);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendText(res, 413, `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    }
    let input: unknown;
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch (e) {
        return sendJson(res, {
          ok: false,
          error: { code: 'INVALID_INPUT', message: `${channel}: the request body is not valid JSON (${(e as Error).message}).` },
        });
      }
    }
    return sendJson(res, await dispatch(channel, input));
  }

  function tokenMatches(candidate: string | string[] | null | undefined): boolean {
    if (typeof candidate !== 'string') return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));

  return {
    url: `http://127.0.0.1:${actualPort}/?token=${token}`,
    token,
    port: actualPort,
    close: () =>
      new Promise<void>((resolveClose) => {
        events.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function decodeChannel(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Reads the whole body, or reports it too large. A too-large body is still drained (not kept)
 * so that the client finishes sending and reads the 413 instead of a reset connection.
 */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, rejectBody) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let tooLarge = declared > MAX_BODY_BYTES;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolveBody(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', rejectBody);
  });
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendFile(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer, cacheControl: string): void {
  const type = contentTypeFor(path);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    ...(type.startsWith('text/html') ? HTML_SECURITY_HEADERS : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendForbiddenPage(res: ServerResponse): void {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Casebook</title></head><body>' +
    '<h1>Open Casebook from its own address</h1>' +
    '<p>This page needs the key that Casebook printed when it started. Open the full address shown in the ' +
    'terminal after “Casebook is running at”; it ends in <code>?token=…</code>.</p></body></html>';
  res.writeHead(403, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    ...HTML_SECURITY_HEADERS,
  });
  res.end(html);
}
