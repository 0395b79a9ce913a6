/** Test-only helpers of this module: conversations written straight to the table. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function insertConversation(
  db: Kysely<Database>,
  values: { accountId: number; inboxId: number; contactId: number; displayId: number },
): Promise<number> {
  const now = Date.now();
  const row = await db
    .insertInto('conversations')
    .values({
      account_id: values.accountId,
      display_id: values.displayId,
      uuid: randomUUID(),
      inbox_id: values.inboxId,
      contact_id: values.contactId,
      contact_inbox_id: null,
      assignee_id: null,
      team_id: null,
      status: 'open',
      priority: null,
      snoozed_until: null,
      custom_attributes: '{}',
      additional_attributes: '{}',
      agent_last_seen_at: null,
      assignee_last_seen_at: null,
      contact_last_seen_at: null,
      last_activity_at: now,
      waiting_since: null,
      first_reply_created_at: null,
      muted: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
