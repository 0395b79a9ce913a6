import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../realtime/processes';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { accountPath, call, eventually, seedWorld, type Answer, type FaultWorld } from './support';

// Short limits keep the test quick; production defaults are 3 s and 5 s (README).
const ACQUIRE_MS = 1000;
const STATEMENT_MS = 2000;
const POOL_SIZE = 5;
/** A stalled request's worst case: the statement timeout, the client-side second, some slack. */
const ANSWER_WITHIN_MS = STATEMENT_MS + 1000 + 2500;
const TIMEOUT_ENV = {
  DB_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS),
  DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
  DATABASE_POOL_SIZE: String(POOL_SIZE),
  LOG_LEVEL: 'warn',
};

function burst(server: ServerProcess, world: FaultWorld, size: number): Promise<Answer[]> {
  const messages = accountPath(world, `/conversations/${world.conversation}/messages`);
  return Promise.all(
    Array.from({ length: size }, (_, i) =>
      i % 2 === 0
        ? call(server.url, 'GET', messages, { token: world.admin.access_token })
        : call(server.url, 'POST', messages, {
            token: world.admin.access_token,
            body: { content: `during the stall ${i}` },
          }),
    ),
  );
}

function expectUnavailable(answers: Answer[]) {
  for (const answer of answers) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(503);
    expect(answer.body).toMatchObject({ error: 'database_unavailable', statusCode: 503 });
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
  }
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('PostgreSQL stalled, stopped and back (own cluster)', () => {
  let cluster: PostgresCluster;
  let server: ServerProcess;
  let world: FaultWorld;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const url = await cluster.createDatabase('stall');
    world = await seedWorld(url);
    server = await startServer({ DATABASE_URL: url, ...TIMEOUT_ENV });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  }, 30_000);

  const conversations = () => accountPath(world, '/conversations');

  it('answers 503 database_unavailable within seconds while frozen, with a bounded pool', async () => {
    const before = await call(server.url, 'GET', conversations(), {
      token: world.admin.access_token,
    });
    expect(before.status).toBe(200);
    const logged = server.output().length;

    cluster.freeze();
    let answers: Answer[];
    let health: Answer;
    let ready: Answer;
    try {
      [answers, health, ready] = await Promise.all([
        burst(server, world, 40),
        call(server.url, 'GET', '/health'),
        call(server.url, 'GET', '/ready'),
      ]);
    } finally {
      cluster.thaw();
    }
    expectUnavailable(answers);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ error: 'not_ready', checks: { database: 'unavailable' } });
    expect(ready.ms).toBeLessThan(3500);

    const back = await eventually('answers after the thaw', async () => {
      const res = await call(server.url, 'GET', conversations(), {
        token: world.admin.access_token,
      });
      return res.status === 200 ? res : null;
    });
    expect(back.status).toBe(200);
    // Never more connections than the pool holds (the frozen ones were dropped, not leaked).
    const { rows } = await cluster.query(
      "select count(*)::int as n from pg_stat_activity where datname = 'stall'",
    );
    expect(rows[0].n).toBeLessThanOrEqual(POOL_SIZE);
    // The outage is logged once with its cause, not once per failed request.
    const log = server.output().slice(logged);
    expect(count(log, 'database unavailable:'), log).toBe(1);
    expect(log).not.toContain('unhandled error');
  }, 60_000);

  it('answers 503 at once while PostgreSQL is stopped, and serves again once it is back', async () => {
    cluster.stop('immediate');
    try {
      const answers = await burst(server, world, 10);
      expectUnavailable(answers);
      for (const answer of answers) expect(answer.ms).toBeLessThan(ACQUIRE_MS + 1500);
      expect((await call(server.url, 'GET', '/health')).status).toBe(200);
      const ready = await call(server.url, 'GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        checks: { database: 'unavailable', redis: 'not_configured' },
      });
    } finally {
      cluster.start();
    }
    await eventually('the server to be ready again', async () => {
      const ready = await call(server.url, 'GET', '/ready');
      return ready.status === 200 ? ready : null;
    });
    const posted = await call(
      server.url,
      'POST',
      accountPath(world, `/conversations/${world.conversation}/messages`),
      { token: world.admin.access_token, body: { content: 'after the restart' } },
    );
    expect(posted.status).toBe(200);
  }, 60_000);
});

describe('SQLite locked by another process', () => {
  let dir: string;
  let server: ServerProcess;
  let world: FaultWorld;
  let holder: SQLite.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bevatel-stall-'));
    const file = join(dir, 'stall.sqlite3');
    world = await seedWorld(`sqlite:${file}`);
    server = await startServer({ DATABASE_URL: `sqlite:${file}`, ...TIMEOUT_ENV });
    holder = new SQLite(file);
  }, 90_000);

  afterAll(async () => {
    holder?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('answers writes 503 within the acquire timeout, keeps reading, and writes once released', async () => {
    const messages = accountPath(world, `/conversations/${world.conversation}/messages`);
    const token = world.admin.access_token;
    holder.exec('begin immediate');
    let answers: Answer[];
    try {
      answers = await burst(server, world, 40);
    } finally {
      holder.exec('rollback');
    }
    const reads = answers.filter((_, i) => i % 2 === 0);
    const writes = answers.filter((_, i) => i % 2 === 1);
    for (const read of reads) expect(read.status, JSON.stringify(read.body)).toBe(200);
    expectUnavailable(writes);
    for (const write of writes) expect(write.ms).toBeLessThan(ACQUIRE_MS * 3 + 1000);

    const posted = await call(server.url, 'POST', messages, {
      token,
      body: { content: 'after the lock' },
    });
    expect(posted.status).toBe(200);
  }, 60_000);
});
