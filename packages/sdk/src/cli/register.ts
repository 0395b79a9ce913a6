/**
 * `bevatel-dashboard-app register --dashboard <url> --token <api token> [--secret] …`: creates
 * the app in the account through the dashboard's REST API, or updates it when it is already
 * there (same id in .env, or same URL), optionally generates its signing secret, and writes the
 * `.env` that the generated app and `dev` read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DASHBOARD_APP_LOCATIONS, isDashboardAppLocation } from '@bevatel/protocol';
import type { DashboardAppLocation } from '@bevatel/protocol';
import { joinOptionValues } from './args';
import { readEnvFile, writeEnvFile } from './env-file';

export const REGISTER_USAGE = `Usage: bevatel-dashboard-app register --dashboard <url> --token <api token> [options]

Creates (or updates) this app in your Bevatel account and writes its .env.

Options:
  --dashboard <url>   the dashboard's URL (its PUBLIC_URL), e.g. https://dashboard.example.com
  --token <token>     an administrator's API access token (Profile › Access token)
  --secret            also generate the app's signing secret (rotates an existing one)
  --url <url>         the app's URL (default: APP_ORIGIN from .env, plus "/")
  --title <title>     the app's name in the dashboard (default: package.json "name")
  --title-ar <title>  its name in the Arabic dashboard (default: the same as --title)
  --location <where>  where the dashboard shows the app, one or several, comma-separated:
                      ${DASHBOARD_APP_LOCATIONS.join(', ')}
                      (default: conversation.tab for a new app; unchanged for an existing one)
  --account <id>      the account, when the token's user belongs to several
  --env <file>        the .env to read and write (default .env)
  -h, --help          show this help
`;

const STRING_OPTIONS = [
  'dashboard',
  'token',
  'url',
  'title',
  'title-ar',
  'location',
  'account',
  'env',
];

interface ApiFailure {
  message?: string;
  field?: string;
}

interface RegisteredApp {
  id: number;
  title: string;
  content: { type: string; url: string }[];
  has_secret: boolean;
  /** Absent on dashboards from before app locations. */
  locations?: string[];
}

class RegisterError extends Error {}

/** `--location a,b --location c` → the locations, or the first unknown name. */
export function readLocations(
  values: readonly string[],
): { locations: DashboardAppLocation[] } | { unknown: string } {
  const locations: DashboardAppLocation[] = [];
  for (const name of values.flatMap((value) => value.split(',')).map((part) => part.trim())) {
    if (name === '') continue;
    if (!isDashboardAppLocation(name)) return { unknown: name };
    if (!locations.includes(name)) locations.push(name);
  }
  return { locations };
}

function api(dashboard: string, token: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, dashboard), {
        method,
        headers: {
          api_access_token: token,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new RegisterError(`Cannot reach ${dashboard}: ${(error as Error).message}`);
    }
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const failure = (json ?? {}) as ApiFailure;
      const field = failure.field ? ` (${failure.field})` : '';
      throw new RegisterError(
        `${method} ${path}: ${response.status} ${failure.message ?? response.statusText}${field}`,
      );
    }
    return json as T;
  };
}

function defaultTitle(): string {
  const manifest = resolve('package.json');
  if (!existsSync(manifest)) return 'Dashboard app';
  const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
  return (name ?? 'Dashboard app').replace(/^@[^/]+\//, '').replace(/[-_]+/g, ' ');
}

export async function runRegister(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinOptionValues(argv, STRING_OPTIONS),
      options: {
        dashboard: { type: 'string' },
        token: { type: 'string' },
        secret: { type: 'boolean' },
        url: { type: 'string' },
        title: { type: 'string' },
        'title-ar': { type: 'string' },
        location: { type: 'string', multiple: true },
        account: { type: 'string' },
        env: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${REGISTER_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(REGISTER_USAGE);
    return 0;
  }
  const envFile = resolve(values.env ?? '.env');
  const env = readEnvFile(envFile);
  if (!values.dashboard || !values.token) {
    console.error(`--dashboard and --token are required\n\n${REGISTER_USAGE}`);
    return 2;
  }
  let dashboard: URL;
  let appUrl: string;
  try {
    dashboard = new URL(values.dashboard);
    appUrl = new URL(values.url ?? `${env.APP_ORIGIN ?? ''}/`).href;
  } catch {
    console.error(
      'Bad --dashboard, or no app URL: pass --url or set APP_ORIGIN in .env\n\n' + REGISTER_USAGE,
    );
    return 2;
  }
  const read = readLocations(values.location ?? []);
  if ('unknown' in read) {
    console.error(
      `Unknown --location "${read.unknown}": use ${DASHBOARD_APP_LOCATIONS.join(', ')}\n\n${REGISTER_USAGE}`,
    );
    return 2;
  }
  const { locations } = read;
  const call = api(dashboard.href, values.token);
  try {
    const profile = await call<{ accounts: { id: number; name: string; role: string }[] }>(
      'GET',
      '/api/v1/profile',
    );
    const account = values.account
      ? profile.accounts.find((a) => String(a.id) === values.account)
      : profile.accounts.length === 1
        ? profile.accounts[0]
        : undefined;
    if (!account) {
      const list = profile.accounts.map((a) => `${a.id} (${a.name})`).join(', ');
      throw new RegisterError(
        values.account
          ? `The token's user is not in account ${values.account}; its accounts: ${list}`
          : `The token's user is in several accounts: pass --account <id> (${list})`,
      );
    }
    const base = `/api/v1/accounts/${account.id}/dashboard_apps`;
    const apps = await call<RegisteredApp[]>('GET', base);
    const sameDashboard = (env.DASHBOARD_ORIGIN ?? '').split(/\s+/).includes(dashboard.origin);
    const existing =
      (sameDashboard && apps.find((a) => String(a.id) === env.BEVATEL_APP_ID)) ||
      apps.find((a) => a.content.some((frame) => frame.url === appUrl));
    const body = {
      title: values.title ?? existing?.title ?? defaultTitle(),
      content: [{ type: 'frame', url: appUrl }],
      ...(values['title-ar'] ? { title_ar: values['title-ar'] } : {}),
      ...(locations.length > 0 ? { locations } : {}),
    };
    const app = existing
      ? await call<RegisteredApp>('PATCH', `${base}/${existing.id}`, body)
      : await call<RegisteredApp>('POST', base, body);
    const secret = values.secret
      ? (await call<{ secret: string }>('POST', `${base}/${app.id}/secret`)).secret
      : undefined;
    // The dashboard and the simulator (and any other origin already there) may frame the app.
    const origins = new Set([dashboard.origin, ...(env.DASHBOARD_ORIGIN ?? '').split(/\s+/)]);
    origins.delete('');
    writeEnvFile(envFile, {
      APP_ORIGIN: new URL(appUrl).origin,
      DASHBOARD_ORIGIN: [...origins].join(' '),
      BEVATEL_APP_ID: String(app.id),
      ...(secret ? { BEVATEL_APP_SECRET: secret } : {}),
    });
    console.log(
      `${existing ? 'Updated' : 'Registered'} "${app.title}" (app ${app.id}) in account ${account.id} (${account.name}) at ${dashboard.origin}: ${appUrl}`,
    );
    if (app.locations) console.log(`Shown in: ${app.locations.join(', ')}`);
    if (secret)
      console.log(`Signing secret generated and written to ${envFile} (shown only once).`);
    else if (!app.has_secret)
      console.log('No signing secret yet: run again with --secret for data.token.');
    console.log(`Wrote ${envFile}. Restart your app to use it.`);
    return 0;
  } catch (error) {
    if (error instanceof RegisterError) {
      console.error(error.message);
      if (locations.length > 0 && error.message.includes('(locations)')) {
        console.error('This dashboard does not support app locations yet: drop --location.');
      }
      return 1;
    }
    throw error;
  }
}
