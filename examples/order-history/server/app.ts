/**
 * The backend: GET /api/orders behind the dashboard's signed context token, and the built front
 * end on the same origin (so the token never has to cross origins and no CORS is needed).
 */
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiErrorBody, OrdersResponse } from '../shared/orders-api';
import { checkAuthorization } from './auth';
import { contentSecurityPolicy } from './frame-policy';
import type { OrderStore } from './store';

export interface OrderHistoryAppOptions {
  /** The signing secret the dashboard showed when the app was registered. */
  secret: string | undefined;
  /** The app's own origin(s), read per request: known only once the server listens. */
  audience: () => readonly string[];
  issuer?: string;
  store: OrderStore;
  /** The Vite build (dist/); without it only the API is served. */
  webDir?: string;
  frameAncestors: readonly string[];
  now?: () => number;
  logger?: boolean;
}

interface OrdersQuery {
  email?: string;
  identifier?: string;
}

function sendError(reply: FastifyReply, statusCode: number, error: string, message: string) {
  const body: ApiErrorBody = { error, message, statusCode };
  return reply.code(statusCode).send(body);
}

export async function buildOrderHistoryApp(
  options: OrderHistoryAppOptions,
): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  const now = options.now ?? Date.now;
  const csp = contentSecurityPolicy(options.frameAncestors);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', csp);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return sendError(reply, 400, 'bad_request', error.message);
    if (error.statusCode && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'bad_request', error.message);
    }
    request.log.error(error);
    return sendError(reply, 500, 'internal', 'Something went wrong');
  });

  app.get<{ Querystring: OrdersQuery }>(
    '/api/orders',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            email: { type: 'string', maxLength: 320 },
            identifier: { type: 'string', maxLength: 255 },
          },
        },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      reply.header('Vary', 'Authorization');
      if (!options.secret) {
        return sendError(
          reply,
          503,
          'not_configured',
          'ORDER_HISTORY_SECRET is not set on the server',
        );
      }
      const check = checkAuthorization(request.headers.authorization, {
        secret: options.secret,
        audience: options.audience(),
        issuer: options.issuer,
      });
      if (!check.ok) {
        reply.header('WWW-Authenticate', `Bearer error="invalid_token"`);
        return sendError(reply, 401, 'unauthorized', `${check.reason}: ${check.message}`);
      }
      const { account_id, contact_id } = check.claims;
      // On the full page (navigation.page) a token names no contact: there are no orders to show.
      if (contact_id === null) {
        return sendError(
          reply,
          400,
          'no_contact',
          'Open this app beside a conversation or on a contact page',
        );
      }
      // Whose orders is decided by the token alone. The email/identifier the page sends only
      // seeds a contact's made-up history on the first request; it never selects the contact.
      const contactKey = `${account_id}:${contact_id}`;
      const seed = request.query.email?.trim() || request.query.identifier?.trim() || contactKey;
      const orders = options.store.ordersFor(contactKey, seed, now());
      const body: OrdersResponse = {
        account_id,
        contact_id,
        currency: 'SAR',
        orders: orders.map((order) => ({
          ...order,
          placed_at: Math.floor(order.placed_at / 1000),
        })),
      };
      return body;
    },
  );

  app.get('/api/health', async () => ({ ok: true }));

  const webDir = options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: join(webDir, 'assets'), prefix: '/assets/' });
    const dashboardOrigins = options.frameAncestors.join(' ');
    const page = async (_request: unknown, reply: FastifyReply) => {
      const html = await readFile(join(webDir, 'index.html'), 'utf8');
      // The origins were validated by parseDashboardOrigins: no quotes or markup can get here.
      return reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .send(html.replace('__DASHBOARD_ORIGINS__', dashboardOrigins));
    };
    app.get('/', page);
    app.get('/index.html', page);
  }

  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      404,
      'not_found',
      `No route for ${request.method} ${request.url.split('?')[0]}`,
    ),
  );
  return app;
}
