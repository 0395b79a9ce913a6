/**
 * The ASCII (punycode) form of a URL's host when it differs from the host as written: an IDN
 * host such as `аpple.com` (Cyrillic а) looks like another site, its `xn--` form does not.
 * Null for plain ASCII hosts and for URLs that do not parse.
 */
export function punycodeHostOf(url: string): string | null {
  let ascii: string;
  try {
    ascii = new URL(url).hostname;
  } catch {
    return null;
  }
  const written = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url)?.[1] ?? '';
  return ascii.startsWith('xn--') || ascii.includes('.xn--') || written.toLowerCase() !== ascii
    ? ascii
    : null;
}
