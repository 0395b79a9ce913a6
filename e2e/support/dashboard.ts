import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../apps/server/src/app';
import type { Config } from '../../apps/server/src/config';
import { connectDatabase } from '../../apps/server/src/db/connect';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import type { Database } from '../../apps/server/src/db/schema';
import { seedDemo } from '../../apps/server/src/seed';
import { WEB_DIST } from './paths';
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
}

/**
 * Starts the real server in this process with the built web app, on a fresh SQLite file, and
 * seeds the demo account. Everything it opens is closed by `close()`.
 */
export async function startDashboard(options: DashboardOptions = {}): Promise<RunningDashboard> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bevatel-e2e-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const config: Config = {
    port,
    host: '127.0.0.1',
    publicUrl: url,
    databaseUrl: `sqlite:${join(dataDir, 'e2e.sqlite3')}`,
    redisUrl: null,
    redisChannel: 'bevatel:e2e',
    secretKeyBase: 'e2e-secret-key-base-'.repeat(4),
    adminEmail: DEMO_ADMIN.email,
    adminPassword: DEMO_ADMIN.password,
    seed: options.seed ?? true,
    allowedHttpAppHosts: [],
    webDist: WEB_DIST,
    logLevel: 'silent',
    dataDir,
    ...options.config,
  };
  const database = connectDatabase(config.databaseUrl);
  await migrateToLatest(database.db, database.dialect);
  let accountId = 0;
  if (config.seed) {
    const seeded = await seedDemo(database.db, config, { dashboardApps: options.demoApps ?? [] });
    accountId = seeded.accountId ?? 0;
  }
  const app = await buildApp({ config, database });
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
