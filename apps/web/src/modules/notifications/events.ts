import type { Notification, RealtimeEnvelope } from '@bevatel/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { addNotification, markAllRead, replaceNotification } from './queries';

type NotificationEnvelope = Extract<
  RealtimeEnvelope,
  { event: 'notification.created' | 'notification.updated' | 'notification.read_all' }
>;

const arrivals = new Set<(notification: Notification) => void>();

/** Called for each notification that arrives live (the bell's sound and browser alerts). */
export function onNotificationArrived(listener: (notification: Notification) => void) {
  arrivals.add(listener);
  return () => void arrivals.delete(listener);
}

/** Applies a `notification.*` event to the cache (the realtime client hands them here). */
export function applyNotificationEvent(
  queryClient: QueryClient,
  accountId: number,
  envelope: NotificationEnvelope,
): void {
  switch (envelope.event) {
    case 'notification.created':
      addNotification(queryClient, accountId, envelope.data);
      for (const listener of arrivals) listener(envelope.data);
      return;
    case 'notification.updated':
      replaceNotification(queryClient, accountId, envelope.data);
      return;
    case 'notification.read_all':
      markAllRead(queryClient, accountId, envelope.data.read_at, envelope.data.primary_actor_id);
      return;
  }
}
