import type { Notification } from '@bevatel/protocol';
import type { TFunction } from 'i18next';

/** The notification in the reader's language (the server's push_message_title is English). */
export function notificationTitle(notification: Notification, t: TFunction): string {
  const id = `#${notification.primary_actor.id}`;
  const name =
    (notification.notification_type === 'conversation_mention'
      ? notification.secondary_actor?.sender?.name
      : notification.primary_actor.meta.sender.name) || t('someone');
  return t(`type.${notification.notification_type}`, { id, name });
}
