/**
 * The request proxy (level-2 method `request`, permission `request`): the server makes an HTTPS
 * request for an app to a host on the app's allowlist, with `{{settings.<name>}}` substituted in
 * headers and body, so secure settings are used without ever reaching a browser. The limits
 * and the allowlist rules live here once; the server enforces them, the form and the guide
 * show them.
 */

export const APP_REQUEST_LIMITS = {
  /** The whole exchange (connect, redirects, body) must end within this. */
  timeoutMs: 10_000,
  /** Request body after substitution. */
  maxRequestBytes: 1024 * 1024,
  maxResponseBytes: 1024 * 1024,
  /** Calls per app and minute (every agent together). */
  perMinute: 60,
  /** Redirects followed, on the same host only. */
  maxRedirects: 3,
  maxHeaders: 50,
} as const;

export const APP_REQUEST_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type AppRequestMethod = (typeof APP_REQUEST_METHODS)[number];

/** Response headers handed back to the app; others (cookies above all) stay on the server. */
export const APP_REQUEST_RESPONSE_HEADERS = [
  'cache-control',
  'content-language',
  'content-type',
  'etag',
  'expires',
  'last-modified',
  'link',
  'retry-after',
  'x-request-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
] as const;

/** Request headers an app may not set: the proxy owns the connection and its framing. */
export const APP_REQUEST_FORBIDDEN_HEADERS = [
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'proxy-authorization',
  'proxy-connection',
  'accept-encoding',
] as const;

export interface AppRequestParams {
  url: string;
  method?: AppRequestMethod;
  headers?: Record<string, string>;
  body?: string;
}

export interface AppRequestResult {
  status: number;
  /** Only the headers of APP_REQUEST_RESPONSE_HEADERS, lower-case. */
  headers: Record<string, string>;
  /** The body as UTF-8 text. */
  body: string;
}

/** Most hosts on one app's allowlist. */
export const PROXY_ALLOWLIST_MAX = 20;

const HOST_ENTRY =
  /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/;

/**
 * Why an allowlist entry is refused, or null. Entries are host names (`api.example.com`), a
 * wildcard for the subdomains of one (`*.example.com`), each with an optional `:port`.
 */
export function checkProxyHost(entry: string): string | null {
  if (entry.length === 0 || entry.length > 253) return 'a host must be 1 to 253 characters';
  if (entry !== entry.toLowerCase()) return 'a host must be written in lower case';
  if (!HOST_ENTRY.test(entry)) {
    return 'a host is a name like api.example.com or *.example.com, with an optional :port (no scheme, no path)';
  }
  const port = entry.includes(':') ? Number(entry.slice(entry.lastIndexOf(':') + 1)) : 443;
  if (port < 1 || port > 65535) return 'the port must be between 1 and 65535';
  return null;
}

/** Whether `hostname:port` (from a parsed https URL) is on the allowlist. */
export function proxyHostAllowed(
  allowlist: readonly string[],
  hostname: string,
  port: number,
): boolean {
  const host = hostname.toLowerCase();
  return allowlist.some((entry) => {
    const colon = entry.lastIndexOf(':');
    const name = colon >= 0 ? entry.slice(0, colon) : entry;
    const entryPort = colon >= 0 ? Number(entry.slice(colon + 1)) : 443;
    if (entryPort !== port) return false;
    if (name.startsWith('*.')) return host.endsWith(name.slice(1)) && host.length > name.length - 1;
    return host === name;
  });
}

/** `{{settings.<name>}}` in a header value or body, substituted by the server. */
export const SETTINGS_PLACEHOLDER = /\{\{\s*settings\.([a-z][a-z0-9_]*)\s*\}\}/g;
