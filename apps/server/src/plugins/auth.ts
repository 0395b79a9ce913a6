import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  assertAdmin,
  callerOf,
  signedInOf,
  userWithMembership,
  type Caller,
  type SignedIn,
} from '../core/caller';
import { HttpError } from '../lib/errors';
import { sha256 } from '../lib/tokens';
import { accessTokenDigest } from '../lib/access-tokens';
import type { UserRow } from '../db/schema';

export const SESSION_COOKIE = 'bevatel_session';
export const CSRF_HEADER = 'x-csrf-token';
export const ACCESS_TOKEN_HEADER = 'api_access_token';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRow | null;
    /** Set for cookie sign-ins; null for token (script) access. */
    sessionId: string | null;
    /** A session cookie came with a write that lacked its CSRF token. */
    csrfRejected: boolean;
    /** Who asks in `:account_id` (account routes only), built once by `resolveCaller`. */
    caller: Caller | null;
    /** The user's membership of `:account_id`, read with the user (account routes only). */
    membership: SignedIn['membership'];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `:account_id` of the route, when it has one and it is a plausible id. */
function accountIdOf(request: FastifyRequest): number | null {
  const raw = (request.params as { account_id?: unknown } | undefined)?.account_id;
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * Authentication and the caller's membership are one query: the user found by session or
 * token, joined with their role, account and inboxes in `:account_id` (bench/api).
 */
async function userFromSession(
  app: FastifyInstance,
  request: FastifyRequest,
  accountId: number | null,
): Promise<void> {
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const row = await userWithMembership(app.db, accountId)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', sha256(cookie))
    .executeTakeFirst();
  if (!row || row.expires_at < Date.now()) return;
  // Cookies ride along on cross-site requests; writes must prove they come from our page.
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== row.csrf_token) {
    request.csrfRejected = true;
    return;
  }
  const { session_id, csrf_token: _csrf, expires_at: _expires, ...rest } = row;
  const { user, membership } = signedInOf(rest);
  request.user = user;
  request.membership = membership;
  request.sessionId = session_id;
}

async function userFromAccessToken(
  app: FastifyInstance,
  request: FastifyRequest,
  accountId: number | null,
): Promise<void> {
  const header = request.headers[ACCESS_TOKEN_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) return;
  const row = await userWithMembership(app.db, accountId)
    .where('users.access_token_digest', '=', accessTokenDigest(token))
    .executeTakeFirst();
  if (!row) throw new HttpError('unauthorized', 'Invalid api_access_token');
  const { user, membership } = signedInOf(row);
  request.user = user;
  request.membership = membership;
}

/** Resolves who is asking: an api_access_token header or the session cookie. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('caller', null);
  app.decorateRequest('membership', null);
  app.decorateRequest('csrfRejected', false);
  app.addHook('onRequest', async (request) => {
    const accountId = accountIdOf(request);
    if (request.headers[ACCESS_TOKEN_HEADER]) await userFromAccessToken(app, request, accountId);
    else await userFromSession(app, request, accountId);
  });
});

export function requireUser(request: FastifyRequest): UserRow {
  if (request.csrfRejected) {
    throw new HttpError('forbidden', 'Missing or wrong CSRF token (send the X-CSRF-Token header)');
  }
  if (!request.user) throw new HttpError('unauthorized', 'You need to sign in');
  return request.user;
}

/**
 * Builds the caller for `:account_id` from the membership authentication read with the user
 * (no query of its own); strangers get 404, not 403.
 */
export function resolveCaller(request: FastifyRequest): void {
  const user = requireUser(request);
  if (accountIdOf(request) === null) throw new HttpError('not_found', 'Account not found');
  request.caller = callerOf(user, request.membership, request.sessionId === null);
}

/** The caller of an account route (any member). */
export function requireMember(request: FastifyRequest): Caller {
  requireUser(request);
  if (!request.caller) throw new HttpError('not_found', 'Account not found');
  return request.caller;
}

/** The caller of an account route, who must be one of its administrators. */
export function requireAdmin(request: FastifyRequest): Caller {
  return assertAdmin(requireMember(request));
}
