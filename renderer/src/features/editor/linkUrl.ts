/** URL schemes a note link may use; anything else (javascript:, file:, data: …) is refused. */
export const ALLOWED_LINK_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

export type LinkUrlResult = { ok: true; url: string } | { ok: false; error: string };

/**
 * Turns what the analyst typed into a link URL, or says why it cannot be one. Bare addresses
 * get a scheme (`example.org` → `https://example.org/`, `a@b.org` → `mailto:a@b.org`) because
 * that is what people paste; links come from colleagues' files too, so only web and mail
 * schemes are accepted.
 */
export function parseLinkUrl(input: string): LinkUrlResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter a URL, for example https://example.org.' };
  let candidate = text;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) candidate = `mailto:${text}`;
    else if (/^[^\s/]+\.[^\s/]+/.test(text)) candidate = `https://${text}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, error: `"${text}" is not a valid URL.` };
  }
  if (!ALLOWED_LINK_PROTOCOLS.includes(url.protocol)) {
    return { ok: false, error: `Only http:, https: and mailto: links are allowed, not ${url.protocol}` };
  }
  if (url.protocol === 'mailto:') {
    if (url.pathname === '') return { ok: false, error: 'A mailto: link needs an e-mail address.' };
    return { ok: true, url: candidate };
  }
  if (url.hostname === '') return { ok: false, error: `"${text}" has no host name.` };
  return { ok: true, url: url.href };
}

/** True for URLs this editor would itself create; used to validate links made by commands. */
export function isAllowedLinkUrl(url: string): boolean {
  try {
    return ALLOWED_LINK_PROTOCOLS.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
