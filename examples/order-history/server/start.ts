/** Starts the order-history app: backend, database and built front end on one origin. */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildOrderHistoryApp } from './app';
import { audiencesFor } from './auth';
import { APP_DIR, WEB_DIST, ensureWebBuild } from './build-web';
import type { BuildMode } from './build-web';
import { parseDashboardOrigins } from './frame-policy';
import { openOrderStore } from './store';

export const DEFAULT_PORT = 4200;
export const DEFAULT_DB_PATH = join(APP_DIR, 'data', 'orders.sqlite');

export interface StartOptions {
  /** Default 4200; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The app's signing secret from the dashboard. Default: env ORDER_HISTORY_SECRET. */
  secret?: string;
  /** Origins allowed to frame the app. Default: env DASHBOARD_ORIGINS, else localhost:3000. */
  dashboardOrigins?: string | readonly string[];
  /**
   * The origin the app is registered under in the dashboard (the token's `aud`). Default: env
   * ORDER_HISTORY_ORIGIN, else the URL it listens on (localhost and 127.0.0.1 both accepted).
   */
  origin?: string;
  /** The dashboard's base URL, to also check the token's `iss`. Default: env ORDER_HISTORY_ISSUER. */
  issuer?: string;
  /** SQLite file. Default: env ORDER_HISTORY_DB, else examples/order-history/data/orders.sqlite. */
  dbPath?: string;
  /** Build the front end first: 'if-missing' (default), 'always' or 'never'. */
  build?: BuildMode;
  /** Where the built front end is (and is built to). Default: examples/order-history/dist. */
  webDir?: string;
  logger?: boolean;
}

export interface RunningApp {
  /** Where the app listens, e.g. http://127.0.0.1:4200 (register this URL in the dashboard). */
  url: string;
  close(): Promise<void>;
}

export async function startOrderHistory(options: StartOptions = {}): Promise<RunningApp> {
  const { port = DEFAULT_PORT, host = '127.0.0.1' } = options;
  const secret = options.secret ?? process.env.ORDER_HISTORY_SECRET;
  if (!secret) {
    console.warn(
      'order-history: ORDER_HISTORY_SECRET is not set; every API request will be refused',
    );
  }
  const frameAncestors = parseDashboardOrigins(
    options.dashboardOrigins ?? process.env.DASHBOARD_ORIGINS,
  );
  const webDir = options.webDir ?? WEB_DIST;
  await ensureWebBuild(options.build ?? 'if-missing', webDir);
  const store = openOrderStore(options.dbPath ?? process.env.ORDER_HISTORY_DB ?? DEFAULT_DB_PATH);
  let audience: string[] = [];
  const app = await buildOrderHistoryApp({
    secret,
    audience: () => audience,
    issuer: options.issuer ?? process.env.ORDER_HISTORY_ISSUER,
    store,
    webDir,
    frameAncestors,
    logger: options.logger,
  });
  try {
    await app.listen({ port, host });
  } catch (error) {
    store.close();
    throw error;
  }
  const { port: actualPort } = app.server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${actualPort}`;
  audience = audiencesFor(options.origin ?? process.env.ORDER_HISTORY_ORIGIN ?? url);
  return {
    url,
    close: async () => {
      await app.close();
      store.close();
    },
  };
}
