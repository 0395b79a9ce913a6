import type { Kysely } from 'kysely';
import type { Database, MessageRow } from '../../db/schema';

export const MESSAGES_PER_PAGE = 20;

/**
 * A page of a conversation's messages, oldest first: the 20 before `before` (the newest 20
 * without it), or the 20 after `after`; both bound a window. Walks the (conversation_id, id)
 * index.
 */
export async function pageOfMessages(
  db: Kysely<Database>,
  conversationId: number,
  bounds: { before?: number; after?: number },
): Promise<MessageRow[]> {
  const forward = bounds.after !== undefined && bounds.before === undefined;
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .$if(bounds.before !== undefined, (qb) => qb.where('id', '<', bounds.before ?? 0))
    .$if(bounds.after !== undefined, (qb) => qb.where('id', '>', bounds.after ?? 0))
    .orderBy('id', forward ? 'asc' : 'desc')
    .limit(MESSAGES_PER_PAGE)
    .execute();
  return forward ? rows : rows.reverse();
}
