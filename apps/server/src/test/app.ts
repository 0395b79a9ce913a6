import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import type { Config } from '../config';
import type { DialectName } from '../db/dialect';
import { createTestDatabase, type TestDatabase } from './databases';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://localhost:3000',
    databaseUrl: 'sqlite::memory:',
    redisUrl: null,
    redisChannel: 'bevatel:test',
    secretKeyBase: 'test-secret-key-base-'.repeat(4),
    adminEmail: 'admin@bevatel.test',
    adminPassword: 'password',
    seed: false,
    allowedHttpAppHosts: [],
    webDist: null,
    logLevel: 'silent',
    dataDir: '/tmp/bevatel-test',
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
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const app = await buildApp({
    config: testConfig({ databaseUrl: database.url, ...overrides }),
    database: database.handle,
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
