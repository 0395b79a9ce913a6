import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../apps/server/src/app';
import {
  DEFAULT_INVITATION_TTL_HOURS,
  DEFAULT_PASSWORD_RESET_TTL_MINUTES,
  type Config,
} from '../../apps/server/src/config';
import {
  connectDatabase,
  DEFAULT_POOL_SIZE,
  DEFAULT_TIMEOUTS,
} from '../../apps/server/src/db/connect';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import type { OutboundOptions } from '../../apps/server/src/plugins/outbound';
import { DEFAULT_WEBHOOK_SETTINGS } from '../../apps/server/src/modules/webhooks/schedule';
import {
  DEFAULT_ATTACHMENT_MAX_BYTES,
  DEFAULT_ATTACHMENT_MAX_FILES,
  DEFAULT_ATTACHMENT_URL_TTL_SECONDS,
} from '../../apps/server/src/modules/attachments/settings';
import { DEFAULT_OUTBOX_OPTIONS } from '../../apps/server/src/realtime/outbox';
import { DEFAULT_PRESENCE_OPTIONS } from '../../apps/server/src/realtime/presence';
import type { Database } from '../../apps/server/src/db/schema';
import { seedDemo } from '../../apps/server/src/seed';
import { DOCS_DIR, SDK_DIR, WEB_DIST, WIDGET_DIST } from './paths';
import { freePort } from './ports';

export const DEMO_ADMIN = { email: 'admin@bevatel.test', password: 'Bevatel!2026' };

export interface RunningDashboard {
  /** http://localhost:<port>: the dashboard's origin (apps are served from 127.0.0.1). */
  url: string;
  port: number;
  app: FastifyInstance;
  db: Kysely<Database>;
  accountId: number;
  close(): Promise<void>;
}

export interface DashboardOptions {
  /** Seed the demo account (default true). */
  seed?: boolean;
  /** Dashboard apps registered by the seed: JSON of [{title, url}] (see seed/). */
  demoApps?: { title: string; url: string; secret?: string }[];
  config?: Partial<Config>;
  /** The server's outbound client (a local HTTPS peer's CA, a short deadline). */
  outbound?: OutboundOptions;
}

/**
 * Starts the real server in this process with the built web app, on a fresh SQLite file, and
 * seeds the demo account. Everything it opens is closed by `close()`.
 */
/** SECRET_KEY_BASE of every dashboard the browser tests start. */
export const E2E_SECRET_KEY_BASE = 'e2e-secret-key-base-'.repeat(4);

export async function startDashboard(options: DashboardOptions = {}): Promise<RunningDashboard> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bevatel-e2e-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const config: Config = {
    port,
    host: '127.0.0.1',
    publicUrl: url,
    databaseUrl: `sqlite:${join(dataDir, 'e2e.sqlite3')}`,
    dbTimeouts: DEFAULT_TIMEOUTS,
    dbPoolSize: DEFAULT_POOL_SIZE,
    sqliteSynchronous: 'FULL',
    redisUrl: null,
    redisChannel: 'bevatel:e2e',
    realtimeBuffer: DEFAULT_OUTBOX_OPTIONS,
    secretKeyBase: E2E_SECRET_KEY_BASE,
    adminEmail: DEMO_ADMIN.email,
    adminPassword: DEMO_ADMIN.password,
    seed: options.seed ?? true,
    allowedHttpAppHosts: [],
    outboundPrivateHosts: [],
    webhooks: DEFAULT_WEBHOOK_SETTINGS,
    attachments: {
      maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
      maxFiles: DEFAULT_ATTACHMENT_MAX_FILES,
      urlTtlSeconds: DEFAULT_ATTACHMENT_URL_TTL_SECONDS,
      storage: { kind: 'disk', dir: join(dataDir, 'attachments') },
    },
    snoozePollMs: 1000,
    webDist: WEB_DIST,
    widgetDist: WIDGET_DIST,
    sdkDir: SDK_DIR,
    docsDir: DOCS_DIR,
    logLevel: 'silent',
    dataDir,
    trustProxy: [],
    invitationTtlMs: DEFAULT_INVITATION_TTL_HOURS * 60 * 60 * 1000,
    passwordResetTtlMs: DEFAULT_PASSWORD_RESET_TTL_MINUTES * 60 * 1000,
    smtp: { url: null, from: 'Bevatel <no-reply@localhost>' },
    presence: DEFAULT_PRESENCE_OPTIONS,
    ...options.config,
  };
  const database = connectDatabase(config.databaseUrl);
  await migrateToLatest(database.db, database.dialect);
  let accountId = 0;
  if (config.seed) {
    const seeded = await seedDemo(database.db, config, { dashboardApps: options.demoApps ?? [] });
    accountId = seeded.accountId ?? 0;
  }
  const app = await buildApp({
    config,
    database,
    ...(options.outbound ? { outbound: options.outbound } : {}),
  });
  await app.listen({ port, host: config.host });
  return {
    url,
    port,
    app,
    db: database.db,
    accountId,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
