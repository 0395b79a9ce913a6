import type { Kysely } from 'kysely';
import type { Database, MessageRow } from '../../db/schema';
import { saidMessageContains } from '../../lib/like';

/** Messages a search shows at most, newest first. */
export const SEARCHED_MESSAGES = 25;

/** Messages whose text holds `q` (lib/like.ts says which), in the inboxes given (null: all). */
export async function searchMessages(
  db: Kysely<Database>,
  accountId: number,
  q: string,
  inboxIds: readonly number[] | null,
): Promise<MessageRow[]> {
  if (inboxIds && inboxIds.length === 0) return [];
  let query = db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .selectAll('messages')
    .where('messages.account_id', '=', accountId)
    .where('conversations.account_id', '=', accountId)
    .where(saidMessageContains(q));
  if (inboxIds) query = query.where('conversations.inbox_id', 'in', inboxIds);
  return query
    .orderBy('messages.created_at', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(SEARCHED_MESSAGES)
    .execute();
}
