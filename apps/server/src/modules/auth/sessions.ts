import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { randomToken, sha256 } from '../../lib/tokens';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Creates a session; the cookie carries the token, the table only its hash. */
export async function createSession(db: Kysely<Database>, userId: number) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = Date.now();
  const sessionId = sha256(token);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: now + SESSION_TTL_MS,
    })
    .execute();
  return { token, csrfToken, sessionId };
}

export async function destroySession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of the user but `keep` (the one changing the password, if any). */
export async function destroyOtherSessions(
  db: Kysely<Database>,
  userId: number,
  keep: string | null,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('id', '!=', keep);
  await query.execute();
}
