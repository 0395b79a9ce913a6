import type { UserRole } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database, DashboardAppRow } from '../../db/schema';

type Db = Kysely<Database>;

export function listApps(db: Db, accountId: number): Promise<DashboardAppRow[]> {
  return db
    .selectFrom('dashboard_apps')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
}

export function findApp(db: Db, accountId: number, id: number) {
  return db
    .selectFrom('dashboard_apps')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ConversationRef {
  displayId: number;
  contactId: number;
  inboxId: number;
}

/**
 * The conversation with `displayId` if `userId` may see it: administrators see every
 * conversation of the account, agents those of the inboxes they belong to.
 */
export async function findVisibleConversation(
  db: Db,
  accountId: number,
  displayId: number,
  viewer: { userId: number; role: UserRole },
): Promise<ConversationRef | undefined> {
  let query = db
    .selectFrom('conversations')
    .select(['conversations.display_id', 'conversations.contact_id', 'conversations.inbox_id'])
    .where('conversations.account_id', '=', accountId)
    .where('conversations.display_id', '=', displayId);
  if (viewer.role !== 'administrator') {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('inbox_members')
          .select('inbox_members.inbox_id')
          .whereRef('inbox_members.inbox_id', '=', 'conversations.inbox_id')
          .where('inbox_members.user_id', '=', viewer.userId),
      ),
    );
  }
  const row = await query.executeTakeFirst();
  return row && { displayId: row.display_id, contactId: row.contact_id, inboxId: row.inbox_id };
}
