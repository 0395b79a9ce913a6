/**
 * The access matrix: for each route, what each kind of caller gets. Modules describe their
 * routes in `modules/<x>/access.cases.ts` and list them in `access-cases.ts`;
 * `access-matrix.test.ts` runs every case for every actor on both databases.
 */
import type { FastifyInstance } from 'fastify';
import type { World } from './fixtures';
import { ACCOUNT, type HttpMethod, type Params } from './routes';

export { ACCOUNT };

/**
 * - anonymous: no credentials
 * - agent: agent of the account, member of the API inbox
 * - outsider: agent of the account, member of no inbox
 * - admin: administrator of the account
 * - stranger: administrator of another account only
 */
export const ACTORS = ['anonymous', 'agent', 'outsider', 'admin', 'stranger'] as const;
export type Actor = (typeof ACTORS)[number];

export interface AccessContext {
  app: FastifyInstance;
  world: World;
}

export interface AccessInput {
  /** Route params besides `account_id` (which defaults to the world's account). */
  params?: Params;
  body?: unknown;
  /** Query string without `?`. */
  query?: string;
  /** Extra headers (a multipart body's Content-Type). */
  headers?: Record<string, string>;
}

export interface AccessCase {
  method: HttpMethod;
  /** The Fastify route pattern, e.g. `${ACCOUNT}/contacts/:id`. */
  route: string;
  /** Tells apart several cases of one route ("another account's contact"). */
  note?: string;
  /**
   * Builds the request. Called once per actor, so a destructive case (DELETE) can create a
   * fresh target each time and every actor meets the same situation.
   */
  input?: (ctx: AccessContext, actor: Actor) => AccessInput | Promise<AccessInput>;
  expect: Record<Actor, number>;
  /** Runs after the request, e.g. to keep the world usable after a case that rotates a token. */
  after?: (ctx: AccessContext, actor: Actor, response: { json(): unknown }) => void;
}

/** Any member may (agents included); strangers see no such account. */
export const anyMember = (ok = 200): Record<Actor, number> => ({
  anonymous: 401,
  agent: ok,
  outsider: ok,
  admin: ok,
  stranger: 404,
});

/** Administrators only: agents get 403, strangers 404. */
export const adminsOnly = (ok = 200): Record<Actor, number> => ({
  anonymous: 401,
  agent: 403,
  outsider: 403,
  admin: ok,
  stranger: 404,
});

/** Nobody in this account reaches it (another account's record): 404 for every member. */
export const nobody = (members = 404): Record<Actor, number> => ({
  anonymous: 401,
  agent: members,
  outsider: members,
  admin: members,
  stranger: 404,
});

/** Account members see it only through an inbox: the agent in the API inbox and admins. */
export const apiInboxMembers = (ok = 200): Record<Actor, number> => ({
  anonymous: 401,
  agent: ok,
  outsider: 404,
  admin: ok,
  stranger: 404,
});
