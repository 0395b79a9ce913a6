import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** How a socket signed in: a session (by its stored id) or an access token (by its digest). */
export type Credential = { kind: 'session'; sessionId: string } | { kind: 'token'; digest: string };

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Which of these sign-ins still hold: unexpired sessions, access tokens not since rotated. */
export async function liveCredentials(
  db: Kysely<Database>,
  entries: readonly { userId: number; credential: Credential }[],
): Promise<Set<string>> {
  const live = new Set<string>();
  const sessionIds = [
    ...new Set(entries.flatMap(({ credential: c }) => (c.kind === 'session' ? [c.sessionId] : []))),
  ];
  const tokenUserIds = [
    ...new Set(entries.filter((e) => e.credential.kind === 'token').map((e) => e.userId)),
  ];
  const now = Date.now();
  for (const ids of chunks(sessionIds)) {
    const rows = await db
      .selectFrom('sessions')
      .select('id')
      .where('id', 'in', ids)
      .where('expires_at', '>', now)
      .execute();
    for (const row of rows) live.add(credentialKey({ kind: 'session', sessionId: row.id }));
  }
  for (const ids of chunks(tokenUserIds)) {
    const rows = await db
      .selectFrom('users')
      .select('access_token_digest')
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) {
      live.add(credentialKey({ kind: 'token', digest: row.access_token_digest }));
    }
  }
  return live;
}

export function credentialKey(credential: Credential): string {
  return credential.kind === 'session' ? `s:${credential.sessionId}` : `t:${credential.digest}`;
}
