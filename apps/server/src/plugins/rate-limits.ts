/**
 * Request budgets. Keys are built from what the server trusts: the caller's user, the
 * normalised e-mail a sign-in names, and `request.ip`, which honours X-Forwarded-For only from
 * the proxies named in TRUST_PROXY. With REDIS_URL the counters live in Redis, so a limit holds
 * across server processes.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { HttpError } from '../lib/errors';

/** The signed-in user (or, before sign-in, the address): for per-user budgets. */
export const perUser = (request: FastifyRequest): string =>
  request.user ? `user:${request.user.id}` : `ip:${request.ip}`;

/** The e-mail a sign-in names, as the lookup sees it: padding or case do not make a new key. */
export function normalisedEmail(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

export interface SignInLimits {
  /** One address guessing one account's password. */
  perAddressAndEmail: number;
  /** One account, from any number of addresses (slows a distributed guess). */
  perEmail: number;
  /** Every sign-in to this deployment together. */
  overall: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { perAddressAndEmail: 10, perEmail: 30, overall: 600 };

/**
 * The three budgets a sign-in spends, checked after the body is parsed (it names the e-mail).
 * One hook checks them all: the plugin's own route hook runs only once per request.
 */
export function signInLimiter(
  app: FastifyInstance,
  limits: SignInLimits = SIGN_IN_LIMITS,
): preHandlerAsyncHookHandler {
  const budgets = [
    app.createRateLimit({
      max: limits.perAddressAndEmail,
      timeWindow: '1 minute',
      keyGenerator: (request) => `sign-in:ip-email:${request.ip}:${normalisedEmail(request.body)}`,
    }),
    app.createRateLimit({
      max: limits.perEmail,
      timeWindow: '15 minutes',
      keyGenerator: (request) => `sign-in:email:${normalisedEmail(request.body)}`,
    }),
    app.createRateLimit({
      max: limits.overall,
      timeWindow: '1 minute',
      keyGenerator: () => 'sign-in:all',
    }),
  ];
  return spendAll(budgets, 'Too many sign-in attempts: wait and retry');
}

type Budget = ReturnType<FastifyInstance['createRateLimit']>;

/** One hook spending every budget in turn; the first exhausted one answers 429. */
function spendAll(budgets: Budget[], message: string): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    for (const budget of budgets) {
      const result = await budget(request);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', String(result.ttlInSeconds));
        throw new HttpError('too_many_requests', message);
      }
    }
  };
}

export interface ResetRequestLimits {
  /** Reset e-mails asked for from one address. */
  perAddress: number;
  /** Reset e-mails to one address, asked for from anywhere (an inbox is not to be flooded). */
  perEmail: number;
  /** Every reset request to this deployment together. */
  overall: number;
}

export const RESET_REQUEST_LIMITS: ResetRequestLimits = {
  perAddress: 10,
  perEmail: 5,
  overall: 120,
};

/**
 * Budgets of "Forgot password?" (`POST /auth/password_resets`), keyed like sign-in on the
 * normalised e-mail: spent the same whether or not it has an account, so a 429 tells nothing.
 */
export function resetRequestLimiter(
  app: FastifyInstance,
  limits: ResetRequestLimits = RESET_REQUEST_LIMITS,
): preHandlerAsyncHookHandler {
  return spendAll(
    [
      app.createRateLimit({
        max: limits.perAddress,
        timeWindow: '15 minutes',
        keyGenerator: (request) => `reset:ip:${request.ip}`,
      }),
      app.createRateLimit({
        max: limits.perEmail,
        timeWindow: '1 hour',
        keyGenerator: (request) => `reset:email:${normalisedEmail(request.body)}`,
      }),
      app.createRateLimit({
        max: limits.overall,
        timeWindow: '1 minute',
        keyGenerator: () => 'reset:all',
      }),
    ],
    'Too many password reset requests: wait and retry',
  );
}

/**
 * Budget of full-text searches (`q=`): per user, per minute. Requests without a search term are
 * not counted, so browsing lists is never limited by it.
 */
export const SEARCH_LIMIT = {
  rateLimit: {
    max: 120,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `search:${perUser(request)}`,
    allowList: (request: FastifyRequest) => !(request.query as { q?: unknown } | undefined)?.q,
  },
};

export interface VisitorLimits {
  /** Every public widget request from one address (a shop's whole office behind one NAT). */
  perAddress: number;
  /** One visitor's requests (`contact_identifier`), from any number of addresses. */
  perVisitor: number;
  /** New visitors from one address: creating contacts is what a flood would do. */
  newVisitorsPerAddress: number;
}

export const VISITOR_LIMITS: VisitorLimits = {
  perAddress: 600,
  perVisitor: 120,
  newVisitorsPerAddress: 30,
};

/** The visitor a public widget route names, as the path carries it. */
const visitorKey = (request: FastifyRequest): string =>
  String(
    (request.params as { contact_identifier?: unknown } | undefined)?.contact_identifier ?? '',
  );

/**
 * Budgets of the website widget's public API, per minute: per address, per visitor (routes
 * under a contact) and new visitors per address (`kind: 'new-visitor'`). Like sign-in, one
 * hook checks them all and answers 429 with Retry-After.
 */
export function visitorLimiter(
  app: FastifyInstance,
  kind: 'visitor' | 'new-visitor' | 'address',
  limits: VisitorLimits = VISITOR_LIMITS,
): preHandlerAsyncHookHandler {
  const budgets = [
    app.createRateLimit({
      max: limits.perAddress,
      timeWindow: '1 minute',
      keyGenerator: (request) => `widget:ip:${request.ip}`,
    }),
    ...(kind === 'visitor'
      ? [
          app.createRateLimit({
            max: limits.perVisitor,
            timeWindow: '1 minute',
            keyGenerator: (request) => `widget:visitor:${visitorKey(request)}`,
          }),
        ]
      : []),
    ...(kind === 'new-visitor'
      ? [
          app.createRateLimit({
            max: limits.newVisitorsPerAddress,
            timeWindow: '1 minute',
            keyGenerator: (request) => `widget:new-visitor:${request.ip}`,
          }),
        ]
      : []),
  ];
  return spendAll(budgets, 'Too many requests from this visitor: wait and retry');
}

export const rateLimitsPlugin = fp(
  async (app: FastifyInstance, options: { redisUrl: string | null; namespace: string }) => {
    const redis = options.redisUrl
      ? new Redis(options.redisUrl, {
          connectTimeout: 2000,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          lazyConnect: false,
        })
      : null;
    // A Redis outage must not take sign-in down with it: counters are skipped meanwhile.
    redis?.on('error', (error) => app.log.warn({ err: error }, 'rate-limit store unavailable'));
    await app.register(rateLimit, {
      global: false,
      ...(redis ? { redis, nameSpace: `${options.namespace}:rate:`, skipOnError: true } : {}),
    });
    if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => 'closed')));
  },
  { name: 'rate-limits' },
);
