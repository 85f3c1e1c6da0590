/**
 * The one Content-Security-Policy of the app's page, sent by both hosts (the browser host on its
 * HTML responses, the Electron host from its custom protocol). Scripts only from the app itself,
 * no plugins, no framing, no `<base>` tricks; inline styles are allowed because the editor and
 * table libraries set element styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every HTML page of the app carries, whichever host serves it. */
export const HTML_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
