/** Dashboard apps the demo account starts with: the example apps, served from another origin. */
export interface DemoDashboardApp {
  title: string;
  url: string;
  /** Signing secret to register with the app, so it receives signed context. */
  secret?: string;
}

export const DEFAULT_DEMO_DASHBOARD_APPS: DemoDashboardApp[] = [
  { title: 'Customer 360', url: 'http://127.0.0.1:4100/' },
  { title: 'Order history', url: 'http://127.0.0.1:4200/' },
];

function isDemoApp(value: unknown): value is DemoDashboardApp {
  if (typeof value !== 'object' || value === null) return false;
  const { title, url, secret } = value as Record<string, unknown>;
  if (typeof title !== 'string' || !title.trim() || typeof url !== 'string') return false;
  if (secret !== undefined && (typeof secret !== 'string' || secret.length < 16)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * `DEMO_DASHBOARD_APPS`: a JSON array of `{title, url, secret?}` (`[]` for none). Unset means the two
 * example apps; a value that does not parse is reported and ignored rather than half-applied.
 */
export function demoDashboardApps(
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = console.warn,
): DemoDashboardApp[] {
  const raw = env.DEMO_DASHBOARD_APPS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_DEMO_DASHBOARD_APPS;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every(isDemoApp)) {
      return parsed.map(({ title, url, secret }) => ({
        title: title.trim(),
        url,
        ...(secret ? { secret } : {}),
      }));
    }
  } catch {
    // reported below
  }
  warn(
    'DEMO_DASHBOARD_APPS must be a JSON array of {"title","url","secret"?} with http(s) URLs ' +
      'and secrets of 16+ characters; ignored',
  );
  return DEFAULT_DEMO_DASHBOARD_APPS;
}
