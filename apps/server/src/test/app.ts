import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildAppOptions } from '../app';
import {
  DEFAULT_INVITATION_TTL_HOURS,
  DEFAULT_PASSWORD_RESET_TTL_MINUTES,
  type Config,
} from '../config';
import { DEFAULT_POOL_SIZE, DEFAULT_TIMEOUTS } from '../db/connect';
import {
  DEFAULT_ATTACHMENT_MAX_BYTES,
  DEFAULT_ATTACHMENT_MAX_FILES,
  DEFAULT_ATTACHMENT_URL_TTL_SECONDS,
} from '../modules/attachments/settings';
import { DEFAULT_WEBHOOK_SETTINGS } from '../modules/webhooks/schedule';
import { DEFAULT_OUTBOX_OPTIONS } from '../realtime/outbox';
import { DEFAULT_PRESENCE_OPTIONS } from '../realtime/presence';
import type { DialectName } from '../db/dialect';
import { createTestDatabase, type TestDatabase } from './databases';
import { TEST_SECRET_KEY_BASE } from './keys';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://localhost:3000',
    databaseUrl: 'sqlite::memory:',
    dbTimeouts: DEFAULT_TIMEOUTS,
    dbPoolSize: DEFAULT_POOL_SIZE,
    sqliteSynchronous: 'FULL',
    redisUrl: null,
    redisChannel: 'bevatel:test',
    realtimeBuffer: DEFAULT_OUTBOX_OPTIONS,
    presence: DEFAULT_PRESENCE_OPTIONS,
    secretKeyBase: TEST_SECRET_KEY_BASE,
    adminEmail: 'admin@bevatel.test',
    adminPassword: 'password',
    seed: false,
    allowedHttpAppHosts: [],
    outboundPrivateHosts: [],
    webhooks: DEFAULT_WEBHOOK_SETTINGS,
    attachments: {
      maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
      maxFiles: DEFAULT_ATTACHMENT_MAX_FILES,
      urlTtlSeconds: DEFAULT_ATTACHMENT_URL_TTL_SECONDS,
      // One folder per test process: files of parallel test files never meet.
      storage: { kind: 'disk', dir: join(tmpdir(), `bevatel-test-attachments-${process.pid}`) },
    },
    // Tests reopen snoozes with `app.snoozeScheduler.runOnce()`, not on a timer.
    snoozePollMs: 0,
    webDist: null,
    widgetDist: null,
    sdkDir: null,
    // The guide is part of the repository; the SDK's build is not (developer.test.ts has one).
    docsDir: fileURLToPath(new URL('../../../../docs/dashboard-apps/', import.meta.url)),
    logLevel: 'silent',
    dataDir: '/tmp/bevatel-test',
    trustProxy: [],
    invitationTtlMs: DEFAULT_INVITATION_TTL_HOURS * 60 * 60 * 1000,
    passwordResetTtlMs: DEFAULT_PASSWORD_RESET_TTL_MINUTES * 60 * 1000,
    smtp: { url: null, from: 'Bevatel <no-reply@localhost>' },
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A server on a fresh database of the given kind, not listening (use `app.inject`). */
export async function createTestApp(
  kind: DialectName,
  overrides: Partial<Config> = {},
  options: Pick<BuildAppOptions, 'outbound'> = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const app = await buildApp({
    config: testConfig({ databaseUrl: database.url, ...overrides }),
    database: database.handle,
    verifyResponses: true,
    ...options,
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface AsUser {
  access_token: string;
}

/** Injects a request as a user (api_access_token), or anonymously when `as` is null. */
export function request(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  options: { as?: AsUser | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.as) headers.api_access_token = options.as.access_token;
  const inject: InjectOptions = { method, url, headers };
  if (options.body !== undefined) {
    if (typeof options.body === 'string') inject.payload = options.body;
    else inject.payload = options.body as InjectOptions['payload'];
  }
  return app.inject(inject);
}
