import type { ApiErrorBody } from '@bevatel/protocol';
import { HealthSchema, NotReadySchema, ok, ReadySchema } from '@bevatel/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';

/** How long /ready waits for each dependency before calling it unavailable. */
export const READY_TIMEOUT_MS = 2000;

export type CheckState = 'ok' | 'unavailable' | 'not_configured';

export interface ReadyChecks {
  database: CheckState;
  redis: CheckState;
}

async function check(run: () => Promise<unknown>): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'unavailable'>((resolve) => {
    timer = setTimeout(() => resolve('unavailable'), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([run().then(() => 'ok' as const), timeout]);
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Probes and graceful shutdown:
 * - `GET /health`: the process is up and serving HTTP (liveness; never looks at dependencies,
 *   so a database outage does not get healthy processes restarted);
 * - `GET /ready`: the database and Redis answer (what a load balancer should check);
 * - once shutdown begins, every other request is answered `503 shutting_down` (with
 *   `Connection: close`) while in-flight ones finish.
 * Register it before plugins with slow `preClose` hooks (realtime): hooks run in order, and the
 * flag must be up from the first moment of the shutdown.
 */
export const lifecyclePlugin = fp(async (app: FastifyInstance) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing || request.url === '/health') return;
    const body: ApiErrorBody = {
      error: 'shutting_down',
      message: 'The server is shutting down; retry the request',
      statusCode: 503,
    };
    return reply.status(503).header('connection', 'close').send(body);
  });

  app.get('/health', { schema: { response: ok(HealthSchema) } }, async () => ({ status: 'ok' }));

  const readiness = { 200: ReadySchema, 503: NotReadySchema };
  app.get('/ready', { schema: { response: readiness } }, async (_request, reply) => {
    const [database, redis] = await Promise.all([
      check(() => sql`select 1`.execute(app.db)),
      app.config.redisUrl ? check(() => app.realtimeBus.ping()) : ('not_configured' as const),
    ]);
    const checks: ReadyChecks = { database, redis };
    if (database === 'ok') app.faults.recovered('unavailable');
    const down = (['database', 'redis'] as const).filter((name) => checks[name] === 'unavailable');
    if (down.length === 0) return { status: 'ready', checks };
    const body: ApiErrorBody & { checks: ReadyChecks } = {
      error: 'not_ready',
      message: `Not ready: ${down.join(' and ')} unavailable`,
      statusCode: 503,
      checks,
    };
    return reply.status(503).send(body);
  });
});
