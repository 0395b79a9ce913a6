/**
 * Rules for a dashboard app's registration (PROTOCOL.md, security rule 4), pure and shared: the
 * server enforces them, the settings form checks them before it submits, with the same answers.
 */

export const DASHBOARD_APP_TITLE_MAX_LENGTH = 255;
export const DASHBOARD_APP_MAX_FRAMES = 10;
export const DASHBOARD_APP_URL_MAX_LENGTH = 2048;

/**
 * Permission-policy features an admin may grant an app's iframe (its `allow` attribute). Each
 * is delegated to the app's own origin only; powerful ones still ask the agent in the browser.
 */
export const DASHBOARD_APP_PERMISSIONS = [
  'clipboard-write',
  'clipboard-read',
  'camera',
  'microphone',
  'geolocation',
  'fullscreen',
  'payment',
  'display-capture',
  'autoplay',
  'encrypted-media',
  'picture-in-picture',
  'screen-wake-lock',
  'web-share',
  'publickey-credentials-get',
  'storage-access',
] as const;
export type DashboardAppPermission = (typeof DASHBOARD_APP_PERMISSIONS)[number];

export function isDashboardAppPermission(value: unknown): value is DashboardAppPermission {
  return (DASHBOARD_APP_PERMISSIONS as readonly unknown[]).includes(value);
}

/** Why a URL cannot be registered; a stable code that the web app translates. */
export type AppUrlProblem =
  | 'empty'
  | 'too_long'
  | 'invalid_characters'
  | 'not_absolute'
  | 'unsupported_scheme'
  | 'insecure_http'
  | 'credentials'
  | 'dashboard_origin';

/** English explanations (the API's `message`); the web app has its own translated catalog. */
export const APP_URL_PROBLEM_MESSAGES: Record<AppUrlProblem, string> = {
  empty: 'Enter the URL of the app',
  too_long: `The URL must be at most ${DASHBOARD_APP_URL_MAX_LENGTH} characters`,
  invalid_characters: 'The URL must not contain spaces, backslashes or control characters',
  not_absolute: 'Enter a full URL that starts with https://',
  unsupported_scheme: 'Only https:// URLs can be embedded (http:// only for local development)',
  insecure_http:
    'http:// is allowed only for localhost and hosts the operator allows; use https://',
  credentials: 'The URL must not contain a user name or password',
  dashboard_origin: "The URL must not point to the dashboard's own address",
};

export interface AppUrlRules {
  /** The dashboard's own origin(s) (or base URLs); an app must never be served from there. */
  dashboardOrigin: string | readonly string[];
  /** Hosts (`host` or `host:port`, lower case) that may use plain http besides loopback. */
  allowedHttpHosts?: readonly string[];
}

// The protocol package has no DOM or Node typings: describe the bit of WHATWG URL it uses.
interface ParsedUrl {
  protocol: string;
  username: string;
  password: string;
  hostname: string;
  host: string;
  origin: string;
}
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

function parse(input: string): ParsedUrl | null {
  try {
    return new WhatwgUrl(input);
  } catch {
    return null;
  }
}

/** localhost, 127.0.0.0/8 and [::1] (the parser has already normalised 0x7f.1 and friends). */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function originsOf(value: string | readonly string[]): string[] {
  const list: readonly string[] = typeof value === 'string' ? [value] : value;
  return list.flatMap((item) => {
    const parsed = item ? parse(item) : null;
    return parsed ? [parsed.origin] : [];
  });
}

// Whitespace, C0/C1 controls and backslashes: the URL parser would silently drop or rewrite
// them, so what the admin sees would not be what the browser loads.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\s\u0000-\u001f\u007f-\u009f\\]/;

/**
 * Checks a dashboard app URL; returns why it is refused, or null when it may be registered.
 * Callers trim the input first.
 */
export function validateAppUrl(url: string, rules: AppUrlRules): AppUrlProblem | null {
  if (url.length === 0) return 'empty';
  if (url.length > DASHBOARD_APP_URL_MAX_LENGTH) return 'too_long';
  if (UNSAFE_CHARACTERS.test(url)) return 'invalid_characters';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'not_absolute';
  if (scheme !== 'https' && scheme !== 'http') return 'unsupported_scheme';
  // "https:host" and "https:///host" parse, but only "scheme://host" is a plain absolute URL.
  if (!/^https?:\/\/[^/]/i.test(url)) return 'not_absolute';
  const parsed = parse(url);
  if (!parsed || !parsed.hostname) return 'not_absolute';
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/)[0] ?? '';
  if (parsed.username || parsed.password || authority.includes('@')) return 'credentials';
  if (parsed.protocol === 'http:') {
    const allowed = (rules.allowedHttpHosts ?? []).map((host) => host.toLowerCase());
    const ok =
      isLoopbackHostname(parsed.hostname) ||
      allowed.includes(parsed.hostname) ||
      allowed.includes(parsed.host);
    if (!ok) return 'insecure_http';
  }
  if (originsOf(rules.dashboardOrigin).includes(parsed.origin)) return 'dashboard_origin';
  return null;
}

/** The origin an app's URL is served from: where the host posts, and the token's `aud`. */
export function appUrlOrigin(url: string): string | null {
  return parse(url)?.origin ?? null;
}
