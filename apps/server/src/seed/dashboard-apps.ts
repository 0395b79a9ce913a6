/** Dashboard apps the demo account starts with: the example apps, served from another origin. */
export interface DemoDashboardApp {
  title: string;
  url: string;
}

export const DEFAULT_DEMO_DASHBOARD_APPS: DemoDashboardApp[] = [
  { title: 'Customer 360', url: 'http://127.0.0.1:4100/' },
  { title: 'Order history', url: 'http://127.0.0.1:4200/' },
];

function isDemoApp(value: unknown): value is DemoDashboardApp {
  if (typeof value !== 'object' || value === null) return false;
  const { title, url } = value as Record<string, unknown>;
  if (typeof title !== 'string' || !title.trim() || typeof url !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * `DEMO_DASHBOARD_APPS`: a JSON array of `{title, url}` (`[]` for none). Unset means the two
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
      return parsed.map(({ title, url }) => ({ title: title.trim(), url }));
    }
  } catch {
    // reported below
  }
  warn('DEMO_DASHBOARD_APPS must be a JSON array of {"title","url"} with http(s) URLs; ignored');
  return DEFAULT_DEMO_DASHBOARD_APPS;
}
