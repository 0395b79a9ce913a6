import { randomUUID } from 'node:crypto';
import type { RunningDashboard } from './dashboard';

/**
 * Inserts open, unassigned conversations straight into the database, 500 a statement: the API
 * would take minutes for 10,000. Used by the large-list browser test and the web benchmark.
 */
export async function addConversations(dashboard: RunningDashboard, count: number): Promise<void> {
  const db = dashboard.db;
  const account = await db
    .selectFrom('accounts')
    .select('last_display_id')
    .where('id', '=', dashboard.accountId)
    .executeTakeFirstOrThrow();
  const inbox = await db
    .selectFrom('inboxes')
    .select('id')
    .where('account_id', '=', dashboard.accountId)
    .executeTakeFirstOrThrow();
  const contacts = await db
    .selectFrom('contacts')
    .select('id')
    .where('account_id', '=', dashboard.accountId)
    .execute();
  const start = Date.now() - count * 60_000;
  for (let offset = 0; offset < count; offset += 500) {
    const rows = Array.from({ length: Math.min(500, count - offset) }, (_, i) => {
      const n = offset + i;
      const at = start + n * 60_000;
      return {
        account_id: dashboard.accountId,
        display_id: account.last_display_id + n + 1,
        uuid: randomUUID(),
        inbox_id: inbox.id,
        contact_id: contacts[n % contacts.length]!.id,
        status: 'open',
        custom_attributes: '{}',
        additional_attributes: '{}',
        last_activity_at: at,
        muted: 0,
        created_at: at,
        updated_at: at,
      };
    });
    await db.insertInto('conversations').values(rows).execute();
  }
  await db
    .updateTable('accounts')
    .set({ last_display_id: account.last_display_id + count })
    .where('id', '=', dashboard.accountId)
    .execute();
}
