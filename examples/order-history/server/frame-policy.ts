/**
 * Which dashboards may embed this app. The browser enforces it through CSP `frame-ancestors`
 * (there is deliberately no X-Frame-Options header, which could only say "nobody" or "same
 * origin"). Configure with DASHBOARD_ORIGINS, space- or comma-separated, e.g.
 * `DASHBOARD_ORIGINS="https://desk.example.com"`, or `"http://localhost:*"` for any local port.
 */
export const DEFAULT_DASHBOARD_ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:3000'];

// CSP host-source: scheme://host[:port], with `*` allowed as the leftmost label or the port.
const SOURCE = /^https?:\/\/(\*\.)?([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:(\d{1,5}|\*))?$/i;

/** Parses a list of frame ancestors; throws on anything that is not a plain source expression. */
export function parseDashboardOrigins(input: string | readonly string[] | undefined): string[] {
  const tokens = (typeof input === 'string' ? input.split(/[\s,]+/) : [...(input ?? [])]).filter(
    (token) => token.length > 0,
  );
  if (tokens.length === 0) return [...DEFAULT_DASHBOARD_ORIGINS];
  for (const token of tokens) {
    if (token !== '*' && token !== "'self'" && !SOURCE.test(token)) {
      throw new Error(
        `DASHBOARD_ORIGINS: "${token}" is not an origin such as https://desk.example.com`,
      );
    }
  }
  return tokens;
}

/** The Content-Security-Policy of the app's pages. */
export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}
