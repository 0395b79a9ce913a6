import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyWebhook } from '@bevatel/dashboard-app-sdk/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/connect';
import type { DialectName } from '../db/dialect';
import { startReceiver, type ReceivedRequest, type Receiver } from '../modules/webhooks/testing';
import { startServer, type ServerProcess } from '../realtime/processes';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { accountPath, call, eventually, seedWorld, type FaultWorld } from './support';

const TIMEOUT_MS = 1500;
/** What the dispatcher's claim is held for (dispatcher.ts leaseMsFor). */
const LEASE_MS = 2 * TIMEOUT_MS + 5000;

const serverEnv = (url: string, extra: Record<string, string> = {}) => ({
  DATABASE_URL: url,
  OUTBOUND_PRIVATE_HOSTS: '127.0.0.1',
  WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
  WEBHOOK_RETRY_DELAYS_MS: '200,200,200',
  WEBHOOK_POLL_MS: '100',
  ...extra,
});

/**
 * What a receiver does with at-least-once delivery: it acts on each X-Bevatel-Delivery once,
 * answering 200 to repeats. `processed` is what it acted on.
 */
function dedupingReceiver(secret: () => string, first: 'hang' | 200 = 200) {
  const processed: string[] = [];
  const answer = (req: ReceivedRequest, index: number) => {
    const { deliveryId } = verifyWebhook(req.body, req.headers, { secret: secret() });
    if (index === 0 && first === 'hang') return 'hang' as const;
    if (!processed.includes(deliveryId)) processed.push(deliveryId);
    return 200;
  };
  return { processed, answer };
}

async function deliveriesOf(url: string) {
  const handle = connectDatabase(url);
  try {
    const rows = await handle.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'uuid', 'status', 'attempts'])
      .orderBy('id')
      .execute();
    const attempts = await handle.db
      .selectFrom('webhook_delivery_attempts')
      .select(['delivery_id', 'status_code'])
      .execute();
    return { rows, attempts };
  } finally {
    await handle.close();
  }
}

/**
 * `kill -9` of the server after a change committed and before its webhook was delivered, then
 * a restart: the event is delivered exactly once afterwards, with the same idempotency id.
 */
describe.each<DialectName>(['sqlite', 'postgres'])('webhooks across a crash (%s)', (kind) => {
  let dir: string;
  let cluster: PostgresCluster | null = null;
  let url: string;
  let world: FaultWorld;
  let server: ServerProcess | null = null;
  let receiver: Receiver | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bevatel-webhook-crash-'));
    if (kind === 'postgres') {
      cluster = await startPostgresCluster();
      url = await cluster.createDatabase('webhooks');
    } else {
      url = `sqlite:${join(dir, 'webhooks.sqlite3')}`;
    }
    world = await seedWorld(url);
  }, 90_000);

  afterEach(async () => {
    await server?.stop();
    server = null;
    await receiver?.close();
    receiver = null;
    // Each case starts without webhooks (their deliveries go with them).
    const handle = connectDatabase(url);
    await handle.db.deleteFrom('webhooks').execute();
    await handle.close();
  });

  afterAll(() => {
    cluster?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function webhookTo(target: ServerProcess, r: Receiver) {
    const res = await call(target.url, 'POST', accountPath(world, '/webhooks'), {
      token: world.admin.access_token,
      body: { url: r.url, subscriptions: ['contact_created'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const hook = (res.body as { payload: { webhook: { id: number; secret: string } } }).payload
      .webhook;
    return hook;
  }

  const createContact = (target: ServerProcess, name: string) =>
    call(target.url, 'POST', accountPath(world, '/contacts'), {
      token: world.agent.access_token,
      body: { name },
    });

  it('the try in flight dies with the process: retried once after the restart', async () => {
    let secret = '';
    const dedupe = dedupingReceiver(() => secret, 'hang');
    receiver = await startReceiver(dedupe.answer);
    server = await startServer(serverEnv(url));
    const hook = await webhookTo(server, receiver);
    secret = hook.secret;
    expect((await createContact(server, 'Crash In Flight')).status).toBe(200);
    // The dispatcher's request is at the receiver, unanswered: the crash comes now.
    const [inFlight] = await receiver.waitFor(1);
    await server.kill('SIGKILL');
    const crashedAt = Date.now();
    const { deliveryId: uuid } = verifyWebhook(inFlight!.body, inFlight!.headers, { secret });

    server = await startServer(serverEnv(url));
    const [, retried] = await receiver.waitFor(2, LEASE_MS + 10_000);
    // Not before the claim of the dead process expired.
    expect(retried!.at - crashedAt).toBeGreaterThanOrEqual(LEASE_MS - 2 * TIMEOUT_MS - 500);
    await eventually('the delivery recorded', async () => {
      const { rows } = await deliveriesOf(url);
      return rows.find((row) => row.uuid === uuid)?.status === 'delivered';
    });
    // Nothing more arrives: exactly once after the restart.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.requests).toHaveLength(2);
    const ids = receiver.requests.map(
      (req) => verifyWebhook(req.body, req.headers, { secret }).deliveryId,
    );
    expect(ids).toEqual([uuid, uuid]);
    expect(dedupe.processed).toEqual([uuid]);
    const { rows, attempts } = await deliveriesOf(url);
    const row = rows.find((r) => r.uuid === uuid);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(attempts.filter((a) => a.delivery_id === row?.id)).toEqual([
      { delivery_id: row?.id, status_code: 200 },
    ]);
  }, 90_000);

  it('committed but never tried before the crash: delivered once after the restart', async () => {
    let secret = '';
    const dedupe = dedupingReceiver(() => secret);
    receiver = await startReceiver(dedupe.answer);
    // A dispatcher that looks only once a minute: the delivery is committed and left waiting.
    server = await startServer(serverEnv(url, { WEBHOOK_POLL_MS: '60000' }));
    const hook = await webhookTo(server, receiver);
    secret = hook.secret;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await createContact(server, 'Crash Before Delivery')).status).toBe(200);
    await server.kill('SIGKILL');
    const before = await deliveriesOf(url);
    const waiting = before.rows.filter((row) => row.status === 'pending');
    expect(waiting).toHaveLength(1);
    expect(receiver.requests).toHaveLength(0);

    server = await startServer(serverEnv(url));
    await receiver.waitFor(1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.requests).toHaveLength(1);
    expect(dedupe.processed).toEqual([waiting[0]?.uuid]);
    const after = await deliveriesOf(url);
    expect(after.rows.find((row) => row.uuid === waiting[0]?.uuid)).toMatchObject({
      status: 'delivered',
      attempts: 1,
    });
  }, 90_000);
});

/** Several server processes on one PostgreSQL database: each delivery is tried by one. */
describe('webhooks with two server processes (postgres)', () => {
  const EVENTS = 40;
  let cluster: PostgresCluster;
  let url: string;
  let world: FaultWorld;
  let servers: ServerProcess[] = [];
  let receiver: Receiver;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    url = await cluster.createDatabase('webhooks_multi');
    world = await seedWorld(url);
    receiver = await startReceiver(() => 200);
    servers = await Promise.all([startServer(serverEnv(url)), startServer(serverEnv(url))]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await receiver?.close();
    cluster?.destroy();
  }, 30_000);

  it('sends every event once although both dispatchers claim from the same table', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const created = await call(first.url, 'POST', accountPath(world, '/webhooks'), {
      token: world.admin.access_token,
      body: { url: receiver.url, subscriptions: ['contact_created'] },
    });
    expect(created.status).toBe(200);
    const secret = (created.body as { payload: { webhook: { secret: string } } }).payload.webhook
      .secret;
    // Written through both processes, in bursts, so both dispatchers find due rows together.
    await Promise.all(
      Array.from({ length: EVENTS }, (_, i) =>
        call((i % 2 ? first : second).url, 'POST', accountPath(world, '/contacts'), {
          token: world.agent.access_token,
          body: { name: `Parallel ${i}` },
        }).then((res) => expect(res.status).toBe(200)),
      ),
    );
    await receiver.waitFor(EVENTS, 30_000);
    await eventually('every delivery recorded', async () => {
      const { rows } = await deliveriesOf(url);
      return rows.length === EVENTS && rows.every((row) => row.status === 'delivered');
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const ids = receiver.requests.map(
      (req) => verifyWebhook(req.body, req.headers, { secret }).deliveryId,
    );
    expect(ids).toHaveLength(EVENTS);
    expect(new Set(ids).size).toBe(EVENTS);
    const { rows, attempts } = await deliveriesOf(url);
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
    expect(attempts).toHaveLength(EVENTS);
  }, 90_000);
});
