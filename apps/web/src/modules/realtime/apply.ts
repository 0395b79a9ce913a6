import type { RealtimeEnvelope } from '@bevatel/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys';
import { applyContact, applyConversation, applyMessage } from '../conversations/cache';
import { applyTyping } from '../conversations/typing';
import { applyPresence } from '../availability/availability';
import { applyNotificationEvent } from '../notifications/events';

/** Applies one realtime event to the caches; screens re-render from them. */
export function applyEnvelope(
  queryClient: QueryClient,
  accountId: number,
  meId: number,
  envelope: RealtimeEnvelope,
): void {
  switch (envelope.event) {
    case 'message.created':
    case 'message.updated':
      applyMessage(queryClient, accountId, meId, envelope.data);
      return;
    case 'conversation.created':
    case 'conversation.updated':
    case 'conversation.status_changed':
    case 'assignee.changed':
    case 'conversation.read':
      applyConversation(queryClient, accountId, meId, envelope.data);
      void queryClient.invalidateQueries({
        queryKey: queryKeys.contactConversations(accountId, envelope.data.meta.sender.id),
      });
      return;
    case 'contact.created':
      // A new contact may belong on a list someone is looking at.
      void queryClient.invalidateQueries({ queryKey: queryKeys.contactsRoot(accountId) });
      return;
    case 'contact.updated':
      applyContact(queryClient, accountId, envelope.data);
      return;
    case 'contact.deleted':
      queryClient.removeQueries({ queryKey: queryKeys.contact(accountId, envelope.data.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.contactsRoot(accountId) });
      return;
    case 'conversation.typing':
      applyTyping(queryClient, accountId, meId, envelope.data);
      return;
    case 'canned_response.created':
    case 'canned_response.updated':
    case 'canned_response.deleted':
      void queryClient.invalidateQueries({ queryKey: queryKeys.cannedResponses(accountId) });
      return;
    case 'presence.update':
      applyPresence(queryClient, accountId, meId, envelope.data);
      return;
    case 'custom_attribute_definition.created':
    case 'custom_attribute_definition.updated':
    case 'custom_attribute_definition.deleted':
      void queryClient.invalidateQueries({ queryKey: queryKeys.attributeDefinitions(accountId) });
      return;
    case 'notification.created':
    case 'notification.updated':
    case 'notification.read_all':
      applyNotificationEvent(queryClient, accountId, envelope);
      return;
  }
}

/** After a reconnect or a `resync`: what is on screen is fetched again, the rest goes stale. */
export function catchUp(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ refetchType: 'active' });
}
