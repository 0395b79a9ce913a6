/**
 * How this server calls out (core/outbound): the operator's OUTBOUND_PRIVATE_HOSTS, the
 * protocol's limits, and — for tests against a local HTTPS server only — a CA to trust.
 */
import { APP_REQUEST_LIMITS } from '@bevatel/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { OutboundPolicy } from '../core/outbound/client';

export interface OutboundOptions {
  /** Trust these certificates instead of the system's (tests only). */
  ca?: string | Buffer;
  timeoutMs?: number;
  /** Request-proxy calls per app and minute. */
  requestsPerMinute?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    outbound: { policy: OutboundPolicy; requestsPerMinute: number };
    /** Spends one request-proxy call of the app in the request's `:id` (per account). */
    outboundLimiter: ReturnType<FastifyInstance['createRateLimit']>;
  }
}

const appKey = (request: FastifyRequest) => {
  const params = request.params as { account_id?: string | number; id?: string | number };
  return `app-request:${String(params.account_id)}:${String(params.id)}`;
};

export const outboundPlugin = fp(
  async (app: FastifyInstance, options: OutboundOptions & { privateHosts: string[] }) => {
    app.decorate('outbound', {
      policy: {
        privateHosts: options.privateHosts,
        ...(options.ca ? { ca: options.ca } : {}),
        timeoutMs: options.timeoutMs ?? APP_REQUEST_LIMITS.timeoutMs,
        maxResponseBytes: APP_REQUEST_LIMITS.maxResponseBytes,
        maxRedirects: APP_REQUEST_LIMITS.maxRedirects,
      },
      requestsPerMinute: options.requestsPerMinute ?? APP_REQUEST_LIMITS.perMinute,
    });
    app.decorate(
      'outboundLimiter',
      app.createRateLimit({
        max: options.requestsPerMinute ?? APP_REQUEST_LIMITS.perMinute,
        timeWindow: '1 minute',
        keyGenerator: appKey,
      }),
    );
  },
  { name: 'outbound' },
);
