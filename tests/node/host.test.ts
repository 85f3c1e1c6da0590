import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKb } from '../../main/db/openKb';
import { startBrowserHost, type BrowserHost } from '../../main/host/startBrowserHost';
import { tempDir } from './support/builders';

const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

/** A built-renderer stand-in (the real one needs `npm run build`) plus a secret file beside it. */
function fakeRenderer(dir: string): string {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Casebook</title><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log("casebook");');
  writeFileSync(join(rendererDir, 'assets', 'app-1234.css'), 'body { margin: 0 }');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  return rendererDir;
}

async function startHost(): Promise<BrowserHost & { dir: string; base: string }> {
  const dir = tempDir('casebook-host-');
  const kbPath = join(dir, 'test.casebook');
  createKb(kbPath);
  const host = await startBrowserHost({ kbPath, userDataDir: join(dir, 'user'), rendererDir: fakeRenderer(dir) });
  hosts.push(host);
  return Object.assign(host, { dir, base: `http://127.0.0.1:${host.port}` });
}

function callApi(host: BrowserHost & { base: string }, channel: string, body: string, token = host.token): Promise<Response> {
  return fetch(`${host.base}/api/${channel}`, { method: 'POST', body, headers: { 'X-Casebook-Token': token, 'Content-Type': 'application/json' } });
}

/** A request exactly as given (fetch would normalise `..` and refuses to set Host). */
function rawRequest(port: number, path: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('serves the page only with the printed token, with security headers', async () => {
    const host = await startHost();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);

    const refused = await fetch(`${host.base}/`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Casebook is running at');
    expect((await fetch(`${host.base}/index.html?token=${'0'.repeat(64)}`)).status).toBe(403);

    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain('<div id="root">');
  });

  it('serves built assets without a token, with their content types', async () => {
    const host = await startHost();
    const script = await fetch(`${host.base}/assets/app-1234.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("casebook");');
    expect((await fetch(`${host.base}/assets/app-1234.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${host.base}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    const host = await startHost();
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%5c..%5csecret.txt', '/assets']) {
      const answer = await rawRequest(host.port, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('outside the renderer');
    }
  });

  it('answers API calls with envelopes only when the token is right', async () => {
    const host = await startHost();
    expect((await callApi(host, 'kb.current', '{}', '')).status).toBe(401);
    expect((await callApi(host, 'kb.current', '{}', 'f'.repeat(64))).status).toBe(401);

    const current = await callApi(host, 'kb.current', '{}');
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ ok: true, value: { name: 'test', readOnly: false } });

    const created = await callApi(host, 'cases.create', JSON.stringify({ title: 'Darfur, 2007' }));
    expect(await created.json()).toMatchObject({ ok: true, value: { title: 'Darfur, 2007' } });
    const listed = (await (await callApi(host, 'cases.list', '{}')).json()) as { value: { total: number } };
    expect(listed.value.total).toBe(1);
  });

  it('reports unknown channels and malformed input as error envelopes', async () => {
    const host = await startHost();
    const unknown = await callApi(host, 'cases.explode', '{}');
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    const notJson = await callApi(host, 'cases.create', '{"title": ');
    expect(notJson.status).toBe(200);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('not valid JSON') } });

    const emptyTitle = await callApi(host, 'cases.create', JSON.stringify({ title: '  ' }));
    expect(await emptyTitle.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('title') } });
    expect((await (await callApi(host, 'cases.list', '{}')).json()) as unknown).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('accepts only POST on API channels and refuses bodies over 32 MB', async () => {
    const host = await startHost();
    const get = await fetch(`${host.base}/api/kb.current`, { headers: { 'X-Casebook-Token': host.token } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');

    const huge = JSON.stringify({ title: 'x'.repeat(33 * 1024 * 1024) });
    expect((await callApi(host, 'cases.create', huge)).status).toBe(413);
    expect((await (await callApi(host, 'cases.list', '{}')).json()) as unknown).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('pushes kb.changed to event streams when another knowledge base is opened', async () => {
    const host = await startHost();
    expect((await fetch(`${host.base}/api/events`)).status).toBe(401);

    const other = join(host.dir, 'Darfur.casebook');
    createKb(other);
    const abort = new AbortController();
    const stream = await fetch(`${host.base}/api/events?token=${host.token}`, { signal: abort.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    while (!received.includes(': connected')) received += (await reader.read()).value ?? '';

    expect(await (await callApi(host, 'kb.open', JSON.stringify({ path: other }))).json()).toMatchObject({ ok: true });
    const frame = /event: kb\.changed\ndata: (.*)\n\n/;
    while (!frame.test(received)) received += (await reader.read()).value ?? '';
    expect(JSON.parse(frame.exec(received)?.[1] ?? '')).toMatchObject({ kb: { name: 'Darfur', path: other } });
    abort.abort();
  });

  it('refuses requests for other host names (DNS rebinding) and calls from other origins', async () => {
    const host = await startHost();
    const rebound = await rawRequest(host.port, `/?token=${host.token}`, { Host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(403);
    expect((await rawRequest(host.port, `/?token=${host.token}`, { Host: `localhost:${host.port}` })).status).toBe(200);
    expect((await rawRequest(host.port, `/?token=${host.token}`, { Host: 'localhost:1' })).status).toBe(403);

    const crossOrigin = await fetch(`${host.base}/api/kb.current`, {
      method: 'POST',
      body: '{}',
      headers: { 'X-Casebook-Token': host.token, Origin: 'https://evil.example' },
    });
    expect(crossOrigin.status).toBe(403);
    const sameOrigin = await fetch(`${host.base}/api/kb.current`, {
      method: 'POST',
      body: '{}',
      headers: { 'X-Casebook-Token': host.token, Origin: `http://127.0.0.1:${host.port}` },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    const host = await startHost();
    // 127.0.0.2 is loopback too on Linux: a server bound to every address would answer there.
    const elsewhere = ['127.0.0.2', ...Object.values(networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal).map((i) => i!.address)];
    for (const address of elsewhere) {
      await expect(rawRequest(host.port, '/', {}, address), address).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EHOSTUNREACH/);
    }
    expect((await rawRequest(host.port, `/?token=${host.token}`)).status).toBe(200);
  });
});

describe('serve.ts', () => {
  /** Runs the entry point as `npm start` does and resolves with its "running at" URL. */
  function serve(args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/serve.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /^Casebook is running at (\S+)$/m.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      void exit.then(() => reject(new Error(`serve.ts exited early:\n${out}`)));
    });
    return { child, url, exit };
  }

  async function currentKb(url: string): Promise<{ name: string; counts: { cases: number } } | null> {
    const { origin, searchParams } = new URL(url);
    const answer = await fetch(`${origin}/api/kb.current`, { method: 'POST', body: '{}', headers: { 'X-Casebook-Token': searchParams.get('token') ?? '' } });
    return ((await answer.json()) as { value: { name: string; counts: { cases: number } } | null }).value;
  }

  it('creates the sample, exits cleanly on SIGTERM and reopens the same file next time', async () => {
    const dir = tempDir('casebook-serve-');
    const sample = join(dir, 'Sample.casebook');
    const userData = join(dir, 'user');

    const first = serve(['--sample', sample, '--user-data', userData]);
    const kb = await currentKb(await first.url);
    expect(kb?.name).toBe('Sample');
    expect(kb?.counts.cases).toBeGreaterThan(0);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const second = serve(['--user-data', userData]);
    expect((await currentKb(await second.url))?.name).toBe('Sample');
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });

  it('refuses to start on a file that is not a knowledge base, saying why', async () => {
    const dir = tempDir('casebook-serve-');
    const bogus = join(dir, 'notes.casebook');
    writeFileSync(bogus, 'just text');
    const run = serve(['--kb', bogus, '--user-data', join(dir, 'user')]);
    await expect(run.url).rejects.toThrow(/not a Casebook knowledge base/);
    expect(await run.exit).toBe(1);
  });
});
