import type { Caller } from '../../core/caller';
import { outcome, publishEvent, type Outcome, type Tx } from '../../core/commands';
import type { NotificationRow } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { nowMs } from '../../lib/time';
import { presentNotifications } from '../../presenters/notification';
import type { Notification } from '@bevatel/protocol';
import { countNotifications, findMyNotification } from './queries';

/** To the person's own sockets only: their other tabs follow what they read. */
const toMe = (caller: Caller) => ({
  accountId: caller.account.id,
  inboxId: null,
  userId: caller.user.id,
});

/**
 * Marks one of the caller's notifications read (Chatwoot's PATCH), or unread again with
 * `read_at: null`. Another person's notification is "not found".
 */
export async function markNotification(
  tx: Tx,
  caller: Caller,
  id: number,
  read: boolean,
): Promise<Outcome<Notification>> {
  const row = await findMyNotification(tx.db, caller, id);
  if (!row) throw notFound('Notification');
  let updated: NotificationRow = row;
  const unchanged = read ? row.read_at !== null : row.read_at === null;
  if (!unchanged) {
    const now = nowMs();
    updated = await tx.db
      .updateTable('notifications')
      .set({ read_at: read ? now : null, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const [presented] = await presentNotifications(tx.db, [updated]);
  if (!presented) throw notFound('Notification');
  if (unchanged) return outcome(presented);
  return outcome(presented, [
    publishEvent(toMe(caller), { event: 'notification.updated', data: presented }),
  ]);
}

/**
 * Marks the caller's unread notifications in this account read: all, or those about one
 * conversation (Chatwoot's `primary_actor_type` / `primary_actor_id`). Answers what is left
 * unread.
 */
export async function readAllNotifications(
  tx: Tx,
  caller: Caller,
  conversationId: number | null,
): Promise<Outcome<{ unread_count: number }>> {
  const now = nowMs();
  const changed = await tx.db
    .updateTable('notifications')
    .set({ read_at: now, updated_at: now })
    .where('user_id', '=', caller.user.id)
    .where('account_id', '=', caller.account.id)
    .where('read_at', 'is', null)
    .$if(conversationId !== null, (qb) => qb.where('primary_actor_id', '=', conversationId!))
    .executeTakeFirst();
  const { unread } = await countNotifications(tx.db, caller);
  const result = { unread_count: unread };
  if (Number(changed.numUpdatedRows) === 0) return outcome(result);
  return outcome(result, [
    publishEvent(toMe(caller), {
      event: 'notification.read_all',
      data: { read_at: Math.floor(now / 1000), primary_actor_id: conversationId },
    }),
  ]);
}
