/** Events the server pushes to dashboards over the WebSocket (one union, one name each). */
import type { Contact, Conversation, Message } from './entities';

export type RealtimeEvent =
  | { event: 'message.created'; data: Message }
  | { event: 'message.updated'; data: Message }
  | { event: 'conversation.created'; data: Conversation }
  | { event: 'conversation.updated'; data: Conversation }
  | { event: 'conversation.status_changed'; data: Conversation }
  | { event: 'assignee.changed'; data: Conversation }
  | { event: 'conversation.read'; data: Conversation }
  | { event: 'contact.updated'; data: Contact }
  | { event: 'contact.deleted'; data: { id: number } };

export type RealtimeEventName = RealtimeEvent['event'];

/** What travels on the wire: the event plus its id, so a reconnecting client can catch up. */
export type RealtimeEnvelope = RealtimeEvent & { account_id: number; id: number; ts: number };

/**
 * Client → server frames on the socket (`GET /cable`). `subscribe` picks the account whose
 * events the socket receives (or pass `?account_id=` in the URL); `after` / `resume` replay
 * the events missed since that envelope id.
 */
export type RealtimeClientFrame =
  | { type: 'ping' }
  | { type: 'subscribe'; account_id: number; after?: number }
  | { type: 'resume'; after: number };

/**
 * Server → client control frames. Events themselves arrive as `RealtimeEnvelope` (which has
 * `event`, never `type`). `resync`: events were lost and cannot be replayed — refetch over REST.
 */
export type RealtimeServerFrame =
  | { type: 'pong' }
  | { type: 'subscribed'; account_id: number; last_id: number }
  | { type: 'resync' }
  | { type: 'error'; error: 'bad_request' | 'not_found' | 'unauthorized'; message: string };

/** Everything the server sends on the socket. */
export type RealtimeServerMessage = RealtimeEnvelope | RealtimeServerFrame;

/** Close codes the gateway uses besides the standard ones (1001 going away, 1012 restart). */
export const REALTIME_CLOSE_CODES = {
  /** Sign-in ended (session expired or signed out, token changed): sign in again. */
  unauthorized: 4401,
  /** No longer a member of the subscribed account. */
  forbidden: 4403,
  /** Too many sockets open for this user: close other tabs. */
  tooManySockets: 4429,
} as const;
