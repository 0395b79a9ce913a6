import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type DatabaseConnection, type Driver } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from './connect';
import { DatabaseUnavailableError } from './faults';
import { FifoDriver } from './fifo-driver';

const connection = {} as DatabaseConnection;

function fakeDriver(): Driver {
  return {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
}

const options = { acquireTimeoutMs: 1000, inTransaction: () => false };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FifoDriver', () => {
  it('hands the connection to waiters in the order they asked', async () => {
    const driver = new FifoDriver(fakeDriver(), options);
    const order: number[] = [];
    const first = await driver.acquireConnection();
    const waiting = [1, 2, 3, 4].map(async (n) => {
      const c = await driver.acquireConnection();
      order.push(n);
      await pause(1);
      await driver.releaseConnection(c);
    });
    await driver.releaseConnection(first);
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('lets one holder at a time in, and frees the connection when nobody waits', async () => {
    const driver = new FifoDriver(fakeDriver(), options);
    let holders = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const c = await driver.acquireConnection();
        holders += 1;
        most = Math.max(most, holders);
        await pause(1);
        holders -= 1;
        await driver.releaseConnection(c);
      }),
    );
    expect(most).toBe(1);
    const again = await Promise.race([
      driver.acquireConnection().then(() => 'acquired'),
      pause(50).then(() => 'stuck'),
    ]);
    expect(again).toBe('acquired');
  });

  it('gives up on a wait longer than the acquire timeout, and the queue goes on', async () => {
    const driver = new FifoDriver(fakeDriver(), { ...options, acquireTimeoutMs: 50 });
    const held = await driver.acquireConnection();
    const started = Date.now();
    await expect(driver.acquireConnection()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(500);
    expect(driver.waiting).toBe(0);
    const next = driver.acquireConnection();
    await driver.releaseConnection(held);
    await driver.releaseConnection(await next);
  });
});

describe('SQLite connection while another process holds the write lock', () => {
  let dir: string;
  let handle: DatabaseHandle | undefined;
  let other: SQLite.Database | undefined;

  const open = (acquireMs: number) => {
    dir = mkdtempSync(join(tmpdir(), 'bevatel-fifo-'));
    const file = join(dir, 'db.sqlite3');
    handle = connectDatabase(`sqlite:${file}`, { timeouts: { acquireMs, statementMs: 0 } });
    other = new SQLite(file);
    return handle;
  };

  afterEach(async () => {
    other?.close();
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps reading, waits for the lock without blocking, then writes', async () => {
    const { db } = open(3000);
    await sql`create table t (v integer)`.execute(db);
    other!.exec('begin immediate');
    const write = db.transaction().execute((trx) => sql`insert into t values (1)`.execute(trx));
    // Reads and timers go on while the write waits: the event loop is never blocked.
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 10);
    for (let i = 0; i < 5; i += 1) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
      expect(rows[0]?.n).toBe(0);
      await pause(20);
    }
    other!.exec('commit');
    await write;
    clearInterval(timer);
    const gaps = ticks.slice(1).map((t, i) => t - (ticks[i] as number));
    expect(Math.max(...gaps)).toBeLessThan(200);
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(rows[0]?.n).toBe(1);
  });

  it('fails a write with DatabaseUnavailableError once the lock outlasts the timeout', async () => {
    const { db } = open(300);
    await sql`create table t (v integer)`.execute(db);
    other!.exec('begin immediate');
    const started = Date.now();
    await expect(
      db.transaction().execute((trx) => sql`insert into t values (1)`.execute(trx)),
    ).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(sql`insert into t values (2)`.execute(db)).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    other!.exec('rollback');
    await sql`insert into t values (3)`.execute(db);
    const { rows } = await sql<{ v: number }>`select v from t`.execute(db);
    expect(rows).toEqual([{ v: 3 }]);
  });
});
