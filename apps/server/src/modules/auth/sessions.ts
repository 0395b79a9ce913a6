import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { randomToken, sha256 } from '../../lib/tokens';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Creates a session; the cookie carries the token, the table only its hash. */
export async function createSession(db: Kysely<Database>, userId: number) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: now + SESSION_TTL_MS,
    })
    .execute();
  return { token, csrfToken };
}

export async function destroySession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
