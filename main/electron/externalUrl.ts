/**
 * Whether a link may be handed to the operating system's browser. Links in notes and records come
 * from imports and colleagues, so only plain web addresses pass: `file:`, `javascript:`, custom
 * app schemes and anything that does not parse are refused.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}
