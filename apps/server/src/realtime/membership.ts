import type { UserRole } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** What a user may see in one account: admins everything, agents their inboxes. */
export interface Grant {
  role: UserRole;
  inboxIds: Set<number>;
}

/** How a socket signed in, so the periodic refresh can tell when that sign-in ends. */
export type Credential = { kind: 'session'; sessionId: string } | { kind: 'token'; token: string };

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Grants of several users in one account, in two queries; users who are not members are absent. */
export async function loadGrants(
  db: Kysely<Database>,
  accountId: number,
  userIds: readonly number[],
): Promise<Map<number, Grant>> {
  const grants = new Map<number, Grant>();
  for (const ids of chunks([...new Set(userIds)])) {
    const members = await db
      .selectFrom('account_users')
      .select(['user_id', 'role'])
      .where('account_id', '=', accountId)
      .where('user_id', 'in', ids)
      .execute();
    for (const row of members) {
      grants.set(row.user_id, { role: row.role as UserRole, inboxIds: new Set() });
    }
    const agentIds = members.filter((row) => row.role !== 'administrator').map((r) => r.user_id);
    if (agentIds.length === 0) continue;
    const inboxes = await db
      .selectFrom('inbox_members')
      .innerJoin('inboxes', 'inboxes.id', 'inbox_members.inbox_id')
      .select(['inbox_members.user_id', 'inbox_members.inbox_id'])
      .where('inboxes.account_id', '=', accountId)
      .where('inbox_members.user_id', 'in', agentIds)
      .execute();
    for (const row of inboxes) grants.get(row.user_id)?.inboxIds.add(row.inbox_id);
  }
  return grants;
}

export async function loadGrant(
  db: Kysely<Database>,
  accountId: number,
  userId: number,
): Promise<Grant | null> {
  return (await loadGrants(db, accountId, [userId])).get(userId) ?? null;
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
      .select('access_token')
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) live.add(credentialKey({ kind: 'token', token: row.access_token }));
  }
  return live;
}

export function credentialKey(credential: Credential): string {
  return credential.kind === 'session' ? `s:${credential.sessionId}` : `t:${credential.token}`;
}
