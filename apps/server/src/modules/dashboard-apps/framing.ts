/**
 * Whether a page's answer lets the dashboard frame it, read the way browsers read it: a
 * Content-Security-Policy `frame-ancestors` directive decides when present (X-Frame-Options is
 * then ignored); otherwise X-Frame-Options DENY refuses every parent and SAMEORIGIN every other
 * origin. Report-only policies and unknown X-Frame-Options values do not block.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type FramingVerdict =
  | { framing: 'allowed' }
  | { framing: 'refused'; header: 'content-security-policy' | 'x-frame-options'; value: string };

const joined = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Does one `frame-ancestors` source admit the dashboard's origin (framing `appOrigin`)? */
function sourceAdmits(source: string, dashboard: URL, appOrigin: string): boolean {
  const lower = source.toLowerCase();
  if (lower === "'self'") return dashboard.origin === appOrigin;
  if (lower === '*') return dashboard.protocol === 'http:' || dashboard.protocol === 'https:';
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) {
    // A scheme source; https: also admits secure upgrades of http: (CSP3 rule).
    return dashboard.protocol === lower || (lower === 'http:' && dashboard.protocol === 'https:');
  }
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^:/]+|\*)(?::(\d+|\*))?(?:\/.*)?$/.exec(
    lower,
  );
  if (!match) return false;
  const [, scheme, wildcard, host, port] = match;
  const actual = dashboard.protocol.slice(0, -1);
  // A source's scheme admits itself, and http also its secure upgrade (CSP3).
  if (scheme && scheme !== actual && !(scheme === 'http' && actual === 'https')) return false;
  if (host === '*') return false; // "*" is a source only on its own.
  const hostname = dashboard.hostname.toLowerCase();
  if (!(wildcard ? hostname.endsWith(`.${host}`) : hostname === host)) return false;
  if (port === '*') return true;
  const actualPort = dashboard.port || (actual === 'https' ? '443' : '80');
  if (port) return actualPort === port;
  const sourceScheme = scheme ?? actual;
  const wanted = sourceScheme === 'https' ? '443' : '80';
  return actualPort === wanted || (wanted === '80' && actual === 'https' && actualPort === '443');
}

/** The verdict for `dashboardOrigin` framing `appUrl`, from the app's answer headers. */
export function framingVerdict(
  headers: IncomingHttpHeaders,
  appUrl: URL,
  dashboardOrigin: string,
): FramingVerdict {
  const dashboard = new URL(dashboardOrigin);
  const policies = joined(headers['content-security-policy']).flatMap((value) => value.split(','));
  let governed = false;
  for (const policy of policies) {
    const directive = policy
      .split(';')
      .map((part) => part.trim())
      .find((part) => /^frame-ancestors(\s|$)/i.test(part));
    if (directive === undefined) continue;
    governed = true;
    const sources = directive.split(/\s+/).slice(1);
    const admitted =
      sources.length > 0 &&
      !sources.some((s) => s.toLowerCase() === "'none'") &&
      sources.some((source) => sourceAdmits(source, dashboard, appUrl.origin));
    if (!admitted) {
      return { framing: 'refused', header: 'content-security-policy', value: directive };
    }
  }
  if (governed) return { framing: 'allowed' };
  for (const value of joined(headers['x-frame-options'])) {
    const options = value.split(',').map((v) => v.trim().toLowerCase());
    if (options.includes('deny')) return { framing: 'refused', header: 'x-frame-options', value };
    if (options.includes('sameorigin') && appUrl.origin !== dashboard.origin) {
      return { framing: 'refused', header: 'x-frame-options', value };
    }
  }
  return { framing: 'allowed' };
}
