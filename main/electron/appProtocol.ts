import { protocol } from 'electron';
import { HTML_SECURITY_HEADERS } from '../host/contentSecurityPolicy';
import { contentTypeFor, readStaticFile } from '../host/staticFiles';

export const APP_SCHEME = 'casebook';
/** The page's origin: a secure, standard custom scheme instead of `file://`, which would grant the page every local file. */
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready: makes `casebook://` behave like an https origin (relative URLs, fetch, a real origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer under `casebook://app/`, with the CSP on the page; nothing outside `rendererDir`. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found.', { status: 404 });
    }
    const file = await readStaticFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('Not found.', { status: 404 });
    const type = contentTypeFor(file.path);
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
    if (type.startsWith('text/html')) Object.assign(headers, HTML_SECURITY_HEADERS);
    return new Response(new Uint8Array(file.body), { status: 200, headers });
  });
}
