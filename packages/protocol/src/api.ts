/** Envelopes of the REST API (Chatwoot's shapes) and its error body. */
import type { Contact, Conversation, Message } from './entities';

/** Every 4xx/5xx answer: `error` is a short machine code, `message` says what is wrong. */
export interface ApiErrorBody {
  error: string;
  message: string;
  /** The offending field, when one is to blame. */
  field?: string;
  /** A finer machine code than `error`, where clients may word it themselves (e.g. `password_too_short`). */
  reason?: string;
  statusCode: number;
}

export interface ConversationCounts {
  mine_count: number;
  unassigned_count: number;
  all_count: number;
}

export interface ConversationListResponse {
  data: { meta: ConversationCounts; payload: Conversation[] };
}

export interface MessageListResponse {
  meta: { contact: Contact | null; assignee: Conversation['meta']['assignee']; labels: string[] };
  payload: Message[];
}

export interface ContactListResponse {
  meta: { count: number; current_page: number };
  payload: Contact[];
}
