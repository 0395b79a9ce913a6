/**
 * The REST contract at run time: every route's declared schemas are recorded as it is
 * registered (the route-walk test reads them), and — in tests — each JSON answer is checked
 * against what its handler returned, so a response schema that would drop or change a field
 * fails the request instead of silently changing what clients receive.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FastifySchema, HTTPMethods } from 'fastify';
import fp from 'fastify-plugin';

/** One registered route and the schemas it declared. */
export interface RouteContract {
  method: HTTPMethods | HTTPMethods[];
  url: string;
  schema: FastifySchema | undefined;
  websocket: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, with its schemas: checked by the route-walk test. */
    routeContracts: readonly RouteContract[];
  }
  interface FastifyReply {
    /** What the handler answered, before serialization (only when answers are verified). */
    unserialized?: unknown;
  }
}

export interface ContractsOptions {
  /** Compare each serialized JSON answer with the handler's value (tests). */
  verifyResponses?: boolean;
}

/** The handler's value as JSON would carry it (dates as strings, undefined keys dropped). */
const asJson = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

export const contractsPlugin = fp<ContractsOptions>(
  async (app, { verifyResponses = false }) => {
    const contracts: RouteContract[] = [];
    app.decorate('routeContracts', contracts);
    app.addHook('onRoute', (route) => {
      contracts.push({
        method: route.method,
        url: route.url,
        schema: route.schema,
        websocket: (route as { websocket?: boolean }).websocket === true,
      });
    });
    if (!verifyResponses) return;
    app.addHook('preSerialization', async (_request, reply, payload) => {
      reply.unserialized = payload;
      return payload;
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.unserialized === undefined || typeof payload !== 'string') return payload;
      const type = String(reply.getHeader('content-type') ?? '');
      if (!type.startsWith('application/json')) return payload;
      const expected = asJson(reply.unserialized);
      const sent: unknown = JSON.parse(payload);
      if (!isDeepStrictEqual(sent, expected)) {
        const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
        const problem = `${route}: the response schema changed the answer`;
        // Only tests verify answers: say what differs where the developer looks.
        console.error(`${problem}\nhandler: ${JSON.stringify(expected)}\nsent:    ${payload}`);
        throw new Error(problem);
      }
      return payload;
    });
  },
  { name: 'contracts' },
);
