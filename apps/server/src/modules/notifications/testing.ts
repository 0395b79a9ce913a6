/** Test rows of notifications (access matrix, bad input, module tests). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { insertConversation } from '../../test/factories';

/** A notification for `userId` about a new conversation of `inboxId`; answers its id. */
export async function insertNotification(
  db: Kysely<Database>,
  target: { accountId: number; inboxId: number; contactId: number; userId: number },
  fields: { read_at?: number | null } = {},
): Promise<number> {
  const conversationId = await insertConversation(db, {
    account_id: target.accountId,
    inbox_id: target.inboxId,
    contact_id: target.contactId,
  });
  const now = Date.now();
  const row = await db
    .insertInto('notifications')
    .values({
      account_id: target.accountId,
      user_id: target.userId,
      notification_type: 'conversation_assignment',
      primary_actor_type: 'Conversation',
      primary_actor_id: conversationId,
      secondary_actor_type: null,
      secondary_actor_id: null,
      read_at: fields.read_at ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
