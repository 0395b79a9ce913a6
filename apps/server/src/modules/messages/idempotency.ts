import type { Kysely } from 'kysely';
import type { Database, MessageRow } from '../../db/schema';
import { HttpError } from '../../lib/errors';
import { parseJsonObject } from '../../lib/json';

/** The idempotency keys a create request may carry (unique within a conversation). */
export interface RetryKeys {
  echo_id?: string;
  source_id?: string;
}

/** What the message would be: a retry must ask for the same thing. */
export interface IntendedMessage {
  content: string | null;
  message_type: number;
  private: number;
  sender_type: string | null;
  sender_id: number | null;
}

/**
 * The message an earlier try of this request created (same `echo_id` or `source_id` in the
 * conversation), or null when there is none. A key already used for a different message is a
 * client bug, not a retry: 409 naming the key.
 */
export async function findRetried(
  db: Kysely<Database>,
  conversationId: number,
  keys: RetryKeys,
  intended: IntendedMessage,
): Promise<MessageRow | null> {
  const { echo_id: echoId, source_id: sourceId } = keys;
  if (echoId === undefined && sourceId === undefined) return null;
  const existing = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where((eb) =>
      eb.or([
        ...(echoId !== undefined ? [eb('echo_id', '=', echoId)] : []),
        ...(sourceId !== undefined ? [eb('source_id', '=', sourceId)] : []),
      ]),
    )
    .orderBy('id')
    .executeTakeFirst();
  if (!existing) return null;
  const deleted = parseJsonObject(existing.content_attributes).deleted === true;
  const same =
    (deleted || existing.content === intended.content) &&
    existing.message_type === intended.message_type &&
    existing.private === intended.private &&
    existing.sender_type === intended.sender_type &&
    existing.sender_id === intended.sender_id;
  if (!same) {
    const field = echoId !== undefined && existing.echo_id === echoId ? 'echo_id' : 'source_id';
    throw new HttpError(
      'conflict',
      `${field} was already used for another message in this conversation`,
      field,
    );
  }
  return existing;
}
