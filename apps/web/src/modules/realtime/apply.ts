import type { RealtimeEnvelope } from '@bevatel/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys';
import { applyContact, applyConversation, applyMessage } from '../conversations/cache';

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
    case 'contact.updated':
      applyContact(queryClient, accountId, envelope.data);
      return;
    case 'contact.deleted':
      queryClient.removeQueries({ queryKey: queryKeys.contact(accountId, envelope.data.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.contactsRoot(accountId) });
      return;
  }
}

/** After a reconnect or a `resync`: what is on screen is fetched again, the rest goes stale. */
export function catchUp(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ refetchType: 'active' });
}
