import { NOTIFICATIONS_PER_PAGE } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Caller } from '../../core/caller';
import { visibleInboxCondition } from '../../core/visibility';
import type { Database, NotificationRow } from '../../db/schema';

/**
 * The caller's own notifications in this account, about conversations they may still see: a
 * user never reads another's, and one who left an inbox no longer sees what it said.
 */
function mine(db: Kysely<Database>, caller: Caller) {
  return db
    .selectFrom('notifications')
    .innerJoin('conversations', 'conversations.id', 'notifications.primary_actor_id')
    .where('notifications.user_id', '=', caller.user.id)
    .where('notifications.account_id', '=', caller.account.id)
    .where(visibleInboxCondition('conversations.inbox_id', caller));
}

export async function listNotifications(
  db: Kysely<Database>,
  caller: Caller,
  page: number,
): Promise<NotificationRow[]> {
  return mine(db, caller)
    .selectAll('notifications')
    .orderBy('notifications.id', 'desc')
    .limit(NOTIFICATIONS_PER_PAGE)
    .offset((page - 1) * NOTIFICATIONS_PER_PAGE)
    .execute();
}

export async function countNotifications(
  db: Kysely<Database>,
  caller: Caller,
): Promise<{ count: number; unread: number }> {
  const row = await mine(db, caller)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('count'),
      eb.fn
        .count<number | string>('notifications.id')
        .filterWhere('notifications.read_at', 'is', null)
        .as('unread'),
    ])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), unread: Number(row.unread) };
}

export async function findMyNotification(
  db: Kysely<Database>,
  caller: Caller,
  id: number,
): Promise<NotificationRow | undefined> {
  return mine(db, caller)
    .selectAll('notifications')
    .where('notifications.id', '=', id)
    .executeTakeFirst();
}
