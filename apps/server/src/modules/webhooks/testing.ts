/**
 * A real webhook receiver for tests: an HTTP server on 127.0.0.1 that records every request
 * (headers and raw body) and answers what the test says — a status, or nothing at all (`hang`,
 * holding the connection open as a stalled receiver does).
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { unique } from '../../test/factories';
import { TEST_SECRET_KEY_BASE } from '../../test/keys';
import { sealWebhookSecret } from './secret';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type ReceiverAnswer = number | 'hang';

export interface Receiver {
  /** `http://127.0.0.1:<port>/hook`: reachable because tests list 127.0.0.1 as a private host. */
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Resolves once `count` requests have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startReceiver(
  answer: (request: ReceivedRequest, index: number) => ReceiverAnswer = () => 200,
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const waiting = new Set<() => void>();
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      const index = requests.push(received) - 1;
      for (const wake of waiting) wake();
      const reply = answer(received, index);
      if (reply === 'hang') {
        hanging.add(res);
        return;
      }
      res
        .writeHead(reply, { 'content-type': 'text/plain' })
        .end(`answer ${reply} to #${index + 1}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    requests,
    waitFor(count, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(requests.slice());
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`receiver got ${requests.length} requests, expected ${count}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
    async close() {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A webhook of the account (to a name that need not resolve) with one delivery in its log. */
export async function freshWebhook(app: FastifyInstance, accountId: number) {
  const now = Date.now();
  const row = await app.db
    .insertInto('webhooks')
    .values({
      account_id: accountId,
      name: null,
      url: `https://${unique('hooks')}.example.com/in`,
      subscriptions: '["message_created"]',
      secret_sealed: '',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await app.db
    .updateTable('webhooks')
    .set({
      secret_sealed: sealWebhookSecret(
        'test-webhook-secret',
        { accountId, webhookId: row.id },
        TEST_SECRET_KEY_BASE,
      ),
    })
    .where('id', '=', row.id)
    .execute();
  const delivery = await app.db
    .insertInto('webhook_deliveries')
    .values({
      account_id: accountId,
      webhook_id: row.id,
      uuid: randomUUID(),
      event: 'message_created',
      payload: '{"event":"message_created","id":1}',
      status: 'failed',
      schedule_started_at: now,
      next_attempt_at: null,
      locked_until: null,
      lease_token: null,
      last_attempt_at: now,
      last_status_code: 500,
      last_error: null,
      last_duration_ms: 12,
      last_response: 'down',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { webhookId: row.id, deliveryId: delivery.id };
}
