/** Events the server pushes to dashboards over the WebSocket (one union, one name each). */
import type { CannedResponse } from './canned-responses';
import type { CustomAttributeDefinition } from './custom-attributes';
import type { Notification } from './notifications';
import type { Contact, Conversation, Message } from './entities';
import type { AvailabilityStatus } from './enums';
import type { VisitorEvent } from './web-widget';

/** Someone is typing in a conversation (`id`: its display id); agents see the visitor's too. */
export interface TypingData {
  conversation_id: number;
  typing: boolean;
  user: { id: number; name: string; type: 'contact' | 'user' };
  is_private: boolean;
}

/** Chatwoot's `presence.update`: agents whose availability others see changed, by id. */
export interface PresenceData {
  account_id: number;
  users: Record<string, AvailabilityStatus>;
}

export type RealtimeEvent =
  | { event: 'message.created'; data: Message }
  | { event: 'message.updated'; data: Message }
  | { event: 'conversation.created'; data: Conversation }
  | { event: 'conversation.updated'; data: Conversation }
  | { event: 'conversation.status_changed'; data: Conversation }
  | { event: 'assignee.changed'; data: Conversation }
  | { event: 'conversation.read'; data: Conversation }
  | { event: 'contact.created'; data: Contact }
  | { event: 'contact.updated'; data: Contact }
  | { event: 'contact.deleted'; data: { id: number } }
  | { event: 'conversation.typing'; data: TypingData }
  /** Account-wide: every member's composer and settings page follow. */
  | { event: 'canned_response.created'; data: CannedResponse }
  | { event: 'canned_response.updated'; data: CannedResponse }
  | { event: 'canned_response.deleted'; data: { id: number } }
  | { event: 'custom_attribute_definition.created'; data: CustomAttributeDefinition }
  | { event: 'custom_attribute_definition.updated'; data: CustomAttributeDefinition }
  | { event: 'custom_attribute_definition.deleted'; data: { id: number } }
  /** Account-wide: an agent chose another availability, or went offline (auto_offline). */
  | { event: 'presence.update'; data: PresenceData }
  /** Only to the notified user's own sockets. */
  | { event: 'notification.created'; data: Notification }
  | { event: 'notification.updated'; data: Notification }
  /**
   * The user's unread notifications in this account were marked read (read_all): all of them,
   * or those of one conversation (`primary_actor_id`, its internal id).
   */
  | { event: 'notification.read_all'; data: { read_at: number; primary_actor_id: number | null } }
  /** Only ever to that visitor's socket (`/cable?pubsub_token=`), never to agents. */
  | VisitorEvent;

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
 * `interrupted`: the server lost its link to the other server processes (Redis); the socket stays
 * open but live updates are paused (show it). `restored`: they flow again; the events held
 * meanwhile follow, or a `resync` when some were lost.
 */
export type RealtimeServerFrame =
  | { type: 'pong' }
  | { type: 'subscribed'; account_id: number; last_id: number }
  | { type: 'resync' }
  | { type: 'interrupted' }
  | { type: 'restored' }
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
