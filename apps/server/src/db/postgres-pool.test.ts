import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { insertConversation } from '../test/factories';
import { createWorld, type World } from '../test/fixtures';
import { DEFAULT_POOL_SIZE } from './connect';
import { StatementNames } from './postgres-pool';

describe('statement names', () => {
  it('names each read or write text once, never DDL, and stops at the cap', () => {
    const names = new StatementNames(2);
    const a = names.nameOf('select * from users where id = $1');
    expect(a).toBeDefined();
    expect(names.nameOf('select * from users where id = $1')).toBe(a);
    expect(names.nameOf('alter table users add column x int')).toBeUndefined();
    expect(names.nameOf('begin')).toBeUndefined();
    const b = names.nameOf('  WITH x as (select 1) select * from x');
    expect(b).toBeDefined();
    expect(b).not.toBe(a);
    expect(names.nameOf('delete from users where id = $1')).toBeUndefined();
    expect(names.nameOf('select * from users where id = $1')).toBe(a);
  });
});

/**
 * The bench's load (bench/api: 50 connections) against the default pool: every request is
 * answered, none waits past the pool's acquire timeout (a 503), and PostgreSQL never sees more
 * connections than the pool's size. Repeated statements run prepared.
 */
describe('PostgreSQL pool under 50 connections', () => {
  let t: TestApp;
  let world: World;
  let base: string;
  const displayIds: number[] = [];

  beforeAll(async () => {
    t = await createTestApp('postgres');
    world = await createWorld(t.app.db);
    for (let i = 0; i < 20; i += 1) {
      const id = await insertConversation(t.app.db, {
        account_id: world.accountId,
        inbox_id: world.apiInboxId,
        contact_id: world.contactId,
      });
      const row = await t.app.db
        .selectFrom('conversations')
        .select('display_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      displayIds.push(row.display_id);
    }
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/accounts/${world.accountId}`;
  });
  afterAll(() => t.close());

  it('answers every request of 50 concurrent clients within the pool size', async () => {
    const database = new URL(t.database.url).pathname.slice(1);
    let peak = 0;
    const sample = async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity where datname = ${database}`.execute(
        t.app.db,
      );
      peak = Math.max(peak, rows[0]?.n ?? 0);
    };
    const statuses = new Map<number, number>();
    let running = true;
    const sampler = (async () => {
      while (running) {
        await sample();
        await new Promise((done) => setTimeout(done, 20));
      }
    })();
    const paths = (i: number) => [
      `/conversations/${displayIds[i % displayIds.length]}`,
      `/conversations/${displayIds[(i + 3) % displayIds.length]}/messages`,
      '/conversations',
      `/conversations?status=all`,
    ];
    await Promise.all(
      Array.from({ length: 50 }, async (_, client) => {
        for (let round = 0; round < 2; round += 1) {
          for (const path of paths(client + round)) {
            const res = await fetch(`${base}${path}`, {
              headers: {
                api_access_token: (client % 2 ? world.agent : world.admin).access_token,
              },
            });
            await res.arrayBuffer();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          }
        }
      }),
    );
    running = false;
    await sampler;
    expect(Object.fromEntries(statuses)).toEqual({ 200: 50 * 2 * 4 });
    // The sampler's own query runs on one of the pool's connections.
    expect(peak).toBeLessThanOrEqual(DEFAULT_POOL_SIZE);
  }, 60_000);

  it('runs repeated statements prepared', async () => {
    const prepared = await t.app.db.transaction().execute(async (trx) => {
      // One transaction is one connection: what it prepared is in its session's list.
      for (let i = 0; i < 2; i += 1) {
        await trx.selectFrom('accounts').select('name').where('id', '=', world.accountId).execute();
      }
      const { rows } = await sql<{
        statement: string;
      }>`select statement from pg_prepared_statements`.execute(trx);
      return rows.map((row) => row.statement);
    });
    expect(prepared).toContain('select "name" from "accounts" where "id" = $1');
  });
});
