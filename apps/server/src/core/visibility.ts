/**
 * The one rule for "who may see this conversation": administrators see every inbox of their
 * account, agents the inboxes they are members of. REST (the request's caller), realtime (each
 * socket's grant) and dashboard-app context tokens all ask it here.
 */
import type { UserRole } from '@bevatel/protocol';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DialectName } from '../db/dialect';
import type { ConversationRow, Database } from '../db/schema';
import { notFound } from '../lib/errors';

/** The inboxes whose conversations someone may see: every one of the account, or these. */
export type InboxScope = 'all' | ReadonlySet<number>;

/** Anyone the rule is asked about: a request's caller or a socket's grant. */
export interface Viewer {
  role: UserRole;
  inboxes: InboxScope;
}

/** Administrators see all; agents their member inboxes. */
export function inboxScopeOf(role: UserRole, memberInboxIds: Iterable<number>): InboxScope {
  return role === 'administrator' ? 'all' : new Set(memberInboxIds);
}

/** `inboxId` null: something account-wide (a contact), which every member sees. */
export function canSeeInbox(viewer: Pick<Viewer, 'inboxes'>, inboxId: number | null): boolean {
  if (inboxId === null || viewer.inboxes === 'all') return true;
  return viewer.inboxes.has(inboxId);
}

/** The viewer's inboxes as a list for SQL, or null for "all of the account's". */
export function visibleInboxIds(viewer: Pick<Viewer, 'inboxes'>): number[] | null {
  return viewer.inboxes === 'all' ? null : [...viewer.inboxes];
}

/**
 * The rule as a SQL condition on an inbox id column (an agent in no inbox matches nothing).
 * Queries already limited to one account need nothing else.
 */
export function visibleInboxCondition(
  column: `${string}.${'id' | 'inbox_id'}`,
  viewer: Pick<Viewer, 'inboxes'>,
): Expression<SqlBool> {
  const ids = visibleInboxIds(viewer);
  if (ids === null) return sql<SqlBool>`1 = 1`;
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`;
}

/** Who may see what in one account: the rule's viewer, for one user. */
export interface Grant extends Viewer {
  userId: number;
}

/** The inboxes of the account each of these users is a member of (one query). */
export async function memberInboxes(
  db: Kysely<Database>,
  accountId: number,
  userIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byUser = new Map<number, number[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('inbox_members')
    .innerJoin('inboxes', 'inboxes.id', 'inbox_members.inbox_id')
    .select(['inbox_members.user_id', 'inbox_members.inbox_id'])
    .where('inboxes.account_id', '=', accountId)
    .where('inbox_members.user_id', 'in', userIds)
    .execute();
  for (const row of rows) {
    const ids = byUser.get(row.user_id);
    if (ids) ids.push(row.inbox_id);
    else byUser.set(row.user_id, [row.inbox_id]);
  }
  return byUser;
}

const CHUNK = 500;

/**
 * Grants of several users in one account (two queries per 500 users); users who are not
 * members are absent.
 */
export async function loadGrants(
  db: Kysely<Database>,
  accountId: number,
  userIds: readonly number[],
): Promise<Map<number, Grant>> {
  const grants = new Map<number, Grant>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const members = await db
      .selectFrom('account_users')
      .select(['user_id', 'role'])
      .where('account_id', '=', accountId)
      .where('user_id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    const agentIds = members.filter((row) => row.role !== 'administrator').map((r) => r.user_id);
    const inboxesOf = await memberInboxes(db, accountId, agentIds);
    for (const row of members) {
      const role = row.role as UserRole;
      const inboxes = inboxScopeOf(role, inboxesOf.get(row.user_id) ?? []);
      grants.set(row.user_id, { userId: row.user_id, role, inboxes });
    }
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

/**
 * The conversation `displayId` of the account, if the viewer may see it; other accounts'
 * conversations and those of inboxes an agent is not in are "not found" alike. With `lock`
 * (inside a command's transaction on PostgreSQL) the row stays locked until commit, so
 * concurrent commands on one conversation apply one after another.
 */
export async function findVisibleConversation(
  db: Kysely<Database>,
  viewer: Viewer & { accountId: number },
  displayId: number,
  lock: DialectName | null = null,
): Promise<ConversationRow> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', viewer.accountId)
    .where('display_id', '=', displayId)
    .$if(lock === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row || !canSeeInbox(viewer, row.inbox_id)) throw notFound('Conversation');
  return row;
}
