import type { FastifyInstance } from 'fastify';
import type { UserRow } from '../../db/schema';
import { revealAccessToken } from '../../lib/access-tokens';
import { presentProfile } from './presenter';
import { accountsOfUser } from './queries';

/** The profile with what only its owner sees: the access token and this session's CSRF token. */
export async function profileWithTokens(
  app: FastifyInstance,
  user: UserRow,
  sessionId: string | null,
) {
  const accounts = await accountsOfUser(app.db, user.id);
  const session = sessionId
    ? await app.db
        .selectFrom('sessions')
        .select('csrf_token')
        .where('id', '=', sessionId)
        .executeTakeFirst()
    : undefined;
  return {
    ...presentProfile(user, accounts),
    access_token: revealAccessToken(user, app.config.secretKeyBase),
    csrf_token: session?.csrf_token ?? null,
  };
}
