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

/** Client → server frames on the socket. */
export type RealtimeClientFrame = { type: 'ping' } | { type: 'resume'; after: number };
