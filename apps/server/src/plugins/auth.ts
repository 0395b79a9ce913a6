import type { UserRole } from '@bevatel/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../lib/errors';
import { sha256 } from '../lib/tokens';
import type { AccountRow, UserRow } from '../db/schema';

export const SESSION_COOKIE = 'bevatel_session';
export const CSRF_HEADER = 'x-csrf-token';
export const ACCESS_TOKEN_HEADER = 'api_access_token';

export interface Membership {
  account: AccountRow;
  role: UserRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRow | null;
    /** Set for cookie sign-ins; null for token (script) access. */
    sessionId: string | null;
    /** A session cookie came with a write that lacked its CSRF token. */
    csrfRejected: boolean;
    membership: Membership | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function userFromSession(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const row = await app.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', sha256(cookie))
    .executeTakeFirst();
  if (!row || row.expires_at < Date.now()) return;
  // Cookies ride along on cross-site requests; writes must prove they come from our page.
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== row.csrf_token) {
    request.csrfRejected = true;
    return;
  }
  const { session_id, csrf_token: _csrf, expires_at: _expires, ...user } = row;
  request.user = user;
  request.sessionId = session_id;
}

async function userFromAccessToken(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const header = request.headers[ACCESS_TOKEN_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) return;
  const user = await app.db
    .selectFrom('users')
    .selectAll()
    .where('access_token', '=', token)
    .executeTakeFirst();
  if (!user) throw new HttpError('unauthorized', 'Invalid api_access_token');
  request.user = user;
}

/** Resolves who is asking: an api_access_token header or the session cookie. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('membership', null);
  app.decorateRequest('csrfRejected', false);
  app.addHook('onRequest', async (request) => {
    if (request.headers[ACCESS_TOKEN_HEADER]) await userFromAccessToken(app, request);
    else await userFromSession(app, request);
  });
});

export function requireUser(request: FastifyRequest): UserRow {
  if (request.csrfRejected) {
    throw new HttpError('forbidden', 'Missing or wrong CSRF token (send the X-CSRF-Token header)');
  }
  if (!request.user) throw new HttpError('unauthorized', 'You need to sign in');
  return request.user;
}

/** Loads the caller's membership of `:account_id`; strangers get 404, not 403. */
export async function loadMembership(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const user = requireUser(request);
  const raw = (request.params as { account_id?: string }).account_id ?? '';
  const accountId = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(accountId)) throw new HttpError('not_found', 'Account not found');
  const row = await app.db
    .selectFrom('account_users')
    .innerJoin('accounts', 'accounts.id', 'account_users.account_id')
    .selectAll('accounts')
    .select('account_users.role')
    .where('account_users.account_id', '=', accountId)
    .where('account_users.user_id', '=', user.id)
    .executeTakeFirst();
  if (!row) throw new HttpError('not_found', 'Account not found');
  const { role, ...account } = row;
  request.membership = { account, role: role as UserRole };
}

export function requireMember(request: FastifyRequest): Membership & { user: UserRow } {
  const user = requireUser(request);
  if (!request.membership) throw new HttpError('not_found', 'Account not found');
  return { ...request.membership, user };
}

export function requireAdmin(request: FastifyRequest): Membership & { user: UserRow } {
  const member = requireMember(request);
  if (member.role !== 'administrator') {
    throw new HttpError('forbidden', 'Only administrators can do this');
  }
  return member;
}
