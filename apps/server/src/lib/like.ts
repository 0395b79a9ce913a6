import { MESSAGE_TYPES } from '@bevatel/protocol';
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so a search for `50%_off` matches those characters literally. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** `column` holds `query`, without regard to case and with LIKE's wildcards taken literally. */
export function containsText(column: string, query: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${likePattern(query)}) escape '\\'`;
}

/**
 * The one rule of what a text search finds among `messages`: what was said — customer messages
 * and replies, not private notes or activity lines, as Chatwoot searches — holding `query`.
 * Both the conversation list's `q` and the search view use it.
 */
export function saidMessageContains(query: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref('messages.message_type')} in (${sql.join([
    MESSAGE_TYPES.incoming,
    MESSAGE_TYPES.outgoing,
  ])}) and ${sql.ref('messages.private')} = 0 and ${containsText('messages.content', query)})`;
}
