import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/connect';
import type { DialectName } from '../db/dialect';
import { startServer, type ServerProcess } from '../realtime/processes';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { accountPath, call, seedWorld, type FaultWorld } from './support';

const WRITERS = 4;
const PER_WRITER = 20;

interface Outcome {
  echoId: string;
  /** The id the first answer gave, or null when the crash cut the request off. */
  firstId: number | null;
}

/**
 * `kill -9` of the server in the middle of a burst of writes, then the clients' retries with
 * the same echo_id against the restarted server: every message is stored exactly once, and
 * each retry is answered with the message the first try created.
 */
describe.each<DialectName>(['sqlite', 'postgres'])('crash and retry (%s)', (kind) => {
  let dir: string;
  let cluster: PostgresCluster | null = null;
  let url: string;
  let world: FaultWorld;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bevatel-crash-'));
    if (kind === 'postgres') {
      cluster = await startPostgresCluster();
      url = await cluster.createDatabase('crash');
    } else {
      url = `sqlite:${join(dir, 'crash.sqlite3')}`;
    }
    world = await seedWorld(url);
    server = await startServer({ DATABASE_URL: url });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const post = (target: ServerProcess, echoId: string, timeoutMs = 15_000) =>
    call(
      target.url,
      'POST',
      accountPath(world, `/conversations/${world.conversation}/messages`),
      {
        token: world.agent.access_token,
        body: { content: `burst message ${echoId}`, echo_id: echoId },
      },
      timeoutMs,
    );

  it('stores each message once, however the crash cut the requests', async () => {
    const outcomes: Outcome[] = [];
    let crashed = false;
    const writer = async (w: number) => {
      for (let i = 0; i < PER_WRITER; i += 1) {
        const echoId = `w${w}-${i}`;
        const outcome: Outcome = { echoId, firstId: null };
        outcomes.push(outcome);
        if (crashed) continue; // these are sent only after the restart, as first tries
        try {
          const answer = await post(server, echoId);
          if (answer.status === 200) outcome.firstId = answer.body?.id as number;
        } catch {
          // cut off by the crash: the client does not know whether it was stored
        }
      }
    };
    const burst = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    // Crash once a good part of the burst is through, with requests in flight.
    while (outcomes.filter((o) => o.firstId !== null).length < WRITERS * 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await server.kill('SIGKILL');
    crashed = true;
    await burst;
    const answeredBeforeCrash = outcomes.filter((o) => o.firstId !== null).length;
    expect(answeredBeforeCrash).toBeGreaterThanOrEqual(WRITERS * 10);
    expect(answeredBeforeCrash).toBeLessThan(WRITERS * PER_WRITER);

    server = await startServer({ DATABASE_URL: url });
    // Each client retries, in turn, what it has no answer for, and (to be sure) what it has.
    const retry = async (w: number) => {
      for (const outcome of outcomes.filter((o) => o.echoId.startsWith(`w${w}-`))) {
        const answer = await post(server, outcome.echoId);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect(answer.body).toMatchObject({ echo_id: outcome.echoId });
        if (outcome.firstId !== null) expect(answer.body?.id).toBe(outcome.firstId);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => retry(w)));

    const handle = connectDatabase(url);
    try {
      const rows = await handle.db
        .selectFrom('messages')
        .select(['echo_id'])
        .where('echo_id', 'is not', null)
        .execute();
      expect(rows).toHaveLength(WRITERS * PER_WRITER);
      expect(new Set(rows.map((r) => r.echo_id)).size).toBe(WRITERS * PER_WRITER);
    } finally {
      await handle.close();
    }
    if (kind === 'sqlite') {
      const file = new SQLite(url.slice('sqlite:'.length), { readonly: true });
      try {
        expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        file.close();
      }
    }
  }, 120_000);
});
