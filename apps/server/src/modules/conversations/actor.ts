import type { UserRole } from '@bevatel/protocol';
import type { FastifyRequest } from 'fastify';
import type { AccountRow, UserRow } from '../../db/schema';
import { requireMember } from '../../plugins/auth';

/** Who runs a command: the signed-in member of the account in the URL. */
export interface Actor {
  account: AccountRow;
  user: UserRow;
  role: UserRole;
  /** Authenticated with the `api_access_token` header (a script), not a browser session. */
  viaToken: boolean;
}

export function actorOf(request: FastifyRequest): Actor {
  const { account, role, user } = requireMember(request);
  return { account, user, role, viaToken: request.sessionId === null };
}

export const isAdmin = (actor: Actor): boolean => actor.role === 'administrator';

export const displayName = (user: Pick<UserRow, 'name' | 'display_name'>): string =>
  user.display_name || user.name;
