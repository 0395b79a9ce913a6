/**
 * Where a widget may load: a list of host patterns (`shop.example`, `*.example.com`, with an
 * optional port: `localhost:4300`). An empty list allows any site, as Chatwoot's does.
 */

const PATTERN =
  /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/**
 * Normalises what an administrator typed (a URL, a host, a wildcard) to a host pattern;
 * null when it is none.
 */
export function normaliseDomain(input: string): string | null {
  let value = input.trim().toLowerCase();
  if (value === '') return null;
  if (/^https?:\/\//.test(value)) {
    try {
      value = new URL(value).host;
    } catch {
      return null;
    }
  }
  value = value.replace(/\/.*$/, '');
  return PATTERN.test(value) ? value : null;
}

/** Whether a page at `origin` (scheme://host[:port]) may embed the widget. */
export function isDomainAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  return allowed.some((pattern) => {
    const withPort = pattern.includes(':');
    const candidate = withPort ? host : hostname;
    if (pattern.startsWith('*.')) return candidate.endsWith(pattern.slice(1));
    return candidate === pattern;
  });
}

/** The Content-Security-Policy `frame-ancestors` sources for the chat frame. */
export function frameAncestors(allowed: readonly string[]): string {
  if (allowed.length === 0) return '*';
  return allowed.flatMap((pattern) => [`http://${pattern}`, `https://${pattern}`]).join(' ');
}
