import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../test/databases';
import { createTestApp, type TestApp } from '../test/app';
import { DatabaseUnavailableError } from '../db/faults';
import { errorsPlugin } from './errors';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(DATABASE_KINDS)('health and readiness (%s)', (kind) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('/health says the process is up; /ready checks the database (Redis not configured)', async () => {
    t = await createTestApp(kind);
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', redis: 'not_configured' },
    });
  });

  it('/ready checks Redis when configured', async () => {
    t = await createTestApp(kind, { redisUrl: REDIS_URL, redisChannel: `bevatel:ready:${kind}` });
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
  });

  it('/ready answers 503 not_ready naming the database when it cannot be queried', async () => {
    t = await createTestApp(kind);
    await t.database.handle.db.destroy();
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      error: 'not_ready',
      message: 'Not ready: database unavailable',
      statusCode: 503,
      checks: { database: 'unavailable', redis: 'not_configured' },
    });
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
  });
});

describe('database faults in answers and logs', () => {
  const withCode = (code: string, message: string) => Object.assign(new Error(message), { code });

  async function appThrowing(errors: Record<string, () => Error>) {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { level: 'info', stream } });
    await app.register(errorsPlugin);
    for (const [path, error] of Object.entries(errors)) {
      app.post(path, async () => {
        throw error();
      });
    }
    await app.ready();
    return { app, lines };
  }

  it('answers 503 database_unavailable and 507 storage_full, logging each outage once', async () => {
    const { app, lines } = await appThrowing({
      '/stalled': () => new DatabaseUnavailableError('SQLite: no connection within 3000 ms'),
      '/full': () => withCode('SQLITE_FULL', 'database or disk is full'),
      '/pg-full': () => withCode('53100', 'could not extend file "base/1/2": No space left'),
    });
    for (let i = 0; i < 3; i += 1) {
      const res = await app.inject({ method: 'POST', url: '/stalled' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toEqual({
        error: 'database_unavailable',
        message: 'The database is not answering; try again in a few seconds',
        statusCode: 503,
      });
    }
    for (const url of ['/full', '/pg-full', '/full']) {
      const res = await app.inject({ method: 'POST', url });
      expect(res.statusCode).toBe(507);
      expect(res.json()).toEqual({
        error: 'storage_full',
        message: 'The database storage is full: nothing can be saved until space is freed',
        statusCode: 507,
      });
    }
    const logged = lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    const errors = logged.filter((l) => l.level >= 50).map((l) => l.msg);
    expect(errors).toEqual([
      'database unavailable: SQLite: no connection within 3000 ms',
      'database storage full: database or disk is full (SQLITE_FULL)',
    ]);
    await app.close();
  });
});
