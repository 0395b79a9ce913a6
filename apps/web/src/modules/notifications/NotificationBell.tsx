import type { Notification } from '@bevatel/protocol';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { Icon } from '../../components/Icon';
import { Popover } from '../../components/Popover';
import { useAccount } from '../session/account';
import { useProfileQuery } from '../session/session';
import { alertFor } from './alerts';
import { onNotificationArrived } from './events';
import { useNotificationsT } from './i18n';
import { NotificationPanel } from './NotificationPanel';
import { alertPreferencesOf, useNotifications } from './queries';
import { notificationTitle } from './title';
import './notifications.css';

export const conversationPath = (accountId: number, n: Notification) =>
  `/app/accounts/${accountId}/conversations/${n.primary_actor.id}`;

/** The header's bell: the unread count, live, and the notification centre it opens. */
export function NotificationBell() {
  const { t } = useNotificationsT();
  const account = useAccount();
  const navigate = useNavigate();
  const { data: profile } = useProfileQuery();
  const { data } = useNotifications(account.id);
  const unread = data?.data.meta.unread_count ?? 0;
  const alerts = useRef({ preferences: alertPreferencesOf(profile), t, navigate });
  useEffect(() => {
    alerts.current = { preferences: alertPreferencesOf(profile), t, navigate };
  });

  useEffect(
    () =>
      onNotificationArrived((notification) => {
        const { preferences, t: translate, navigate: go } = alerts.current;
        alertFor(notification, preferences, notificationTitle(notification, translate), () =>
          go(conversationPath(account.id, notification)),
        );
      }),
    [account.id],
  );

  const label = unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label');
  return (
    <Popover
      label={t('panel.title')}
      buttonClassName="bell-button"
      className="notification-popover"
      buttonContent={
        <>
          <Icon name="bell" size={20} aria-hidden="true" />
          <span className="sr-only">{label}</span>
          {unread > 0 ? (
            <span className="bell-count" aria-hidden="true" data-testid="bell-count">
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </>
      }
    >
      {(close) => <NotificationPanel close={close} />}
    </Popover>
  );
}
