/** Advisory check, from the simulator's server, of headers that stop the app being framed. */
export interface Finding {
  level: 'info' | 'warn';
  text: string;
}

function sourceMatches(source: string, origin: URL): boolean {
  if (source === '*') return true;
  if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return source.toLowerCase() === origin.protocol;
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?/i.exec(source);
  if (!match) return false;
  const [, scheme, wildcard, host = '', port] = match;
  if (scheme && `${scheme.toLowerCase()}:` !== origin.protocol) return false;
  const hostOk = wildcard
    ? origin.hostname.endsWith(`.${host.toLowerCase()}`)
    : origin.hostname === host.toLowerCase();
  const defaultPort = origin.protocol === 'https:' ? '443' : '80';
  const portOk = port === '*' || (port ?? defaultPort) === (origin.port || defaultPort);
  return hostOk && portOk;
}

/** What in the app's response headers would stop `dashboardOrigin` from framing it. */
export function analyzeFrameHeaders(headers: Headers, dashboardOrigin: string): Finding[] {
  const findings: Finding[] = [];
  const origin = new URL(dashboardOrigin);
  const xfo = headers.get('x-frame-options');
  if (xfo) {
    findings.push({
      level: 'warn',
      text: `The app sends "X-Frame-Options: ${xfo}": browsers refuse to show it inside the dashboard. Remove it and use CSP frame-ancestors with the dashboard's origin instead.`,
    });
  }
  const csp = headers.get('content-security-policy') ?? '';
  const directive = csp
    .split(/[;,]/)
    .map((part) => part.trim())
    .find((part) => /^frame-ancestors\s/i.test(part) || part.toLowerCase() === 'frame-ancestors');
  if (directive) {
    const sources = directive.split(/\s+/).slice(1);
    if (!sources.some((source) => sourceMatches(source, origin))) {
      findings.push({
        level: 'warn',
        text: `The app's CSP "${directive}" does not allow ${dashboardOrigin}: add the dashboard's origin (and this simulator's) to frame-ancestors.`,
      });
    } else {
      findings.push({ level: 'info', text: `CSP ${directive} allows ${dashboardOrigin}.` });
    }
  }
  return findings;
}

/** Fetches the app URL once and reports framing problems; never throws. */
export async function checkAppFraming(appUrl: string, dashboardOrigin: string): Promise<Finding[]> {
  try {
    const response = await fetch(appUrl, { redirect: 'manual', signal: AbortSignal.timeout(3000) });
    await response.body?.cancel();
    const findings = analyzeFrameHeaders(response.headers, dashboardOrigin);
    if (response.status >= 300 && response.status < 400) {
      findings.push({
        level: 'info',
        text: `The app URL redirects (${response.status}) to ${response.headers.get('location') ?? '?'}: the dashboard only posts to the registered URL's origin.`,
      });
    } else if (response.status >= 400) {
      findings.push({ level: 'warn', text: `The app URL answers HTTP ${response.status}.` });
    }
    return findings;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ level: 'info', text: `Could not check the app URL's headers (${reason}).` }];
  }
}
