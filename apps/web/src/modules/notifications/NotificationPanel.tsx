import type { Notification } from '@bevatel/protocol';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { UserText } from '../../components/UserText';
import { formatDateTime } from '../../lib/format';
import { usePreferences } from '../preferences/preferences';
import { useAccount } from '../session/account';
import { AlertSettings } from './AlertSettings';
import { useNotificationsT } from './i18n';
import { conversationPath } from './NotificationBell';
import { useMarkAllRead, useMarkRead, useNotifications } from './queries';
import { notificationTitle } from './title';
import { plainMentions } from '@bevatel/protocol';

/** The notification centre: newest first, read on click (which opens the conversation). */
export function NotificationPanel({ close }: { close: () => void }) {
  const { t } = useNotificationsT();
  const account = useAccount();
  const navigate = useNavigate();
  const { locale } = usePreferences();
  const headingId = useId();
  const { data, isPending, isError } = useNotifications(account.id);
  const markRead = useMarkRead(account.id);
  const markAll = useMarkAllRead(account.id);
  const items = data?.data.payload ?? [];
  const unread = data?.data.meta.unread_count ?? 0;

  const open = (n: Notification) => {
    if (n.read_at === null) markRead.mutate(n.id);
    close();
    void navigate(conversationPath(account.id, n));
  };

  return (
    <section className="notification-panel" aria-labelledby={headingId}>
      <header className="notification-panel-header">
        <h2 id={headingId} className="notification-panel-title">
          {t('panel.title')}
        </h2>
        <button
          type="button"
          className="button button-small"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('panel.markAllRead')}
        </button>
      </header>
      {isPending ? (
        <p className="muted small">{t('panel.loading')}</p>
      ) : isError ? (
        <p className="error-text small">{t('panel.failed')}</p>
      ) : items.length === 0 ? (
        <p className="muted small notification-empty">{t('panel.empty')}</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => {
            const title = notificationTitle(n, t);
            const excerpt = plainMentions(n.secondary_actor?.content ?? '');
            return (
              <li key={n.id} className={`notification-item${n.read_at === null ? ' unread' : ''}`}>
                <button type="button" className="notification-open" onClick={() => open(n)}>
                  <span className="notification-title">
                    {n.read_at === null ? (
                      <span className="notification-dot">
                        <span className="sr-only">{t('panel.unread')}: </span>
                      </span>
                    ) : null}
                    <UserText text={title} />
                  </span>
                  {excerpt ? (
                    <UserText text={excerpt} truncate className="notification-excerpt" />
                  ) : null}
                  <time
                    className="notification-time"
                    dateTime={new Date(n.created_at * 1000).toISOString()}
                  >
                    {formatDateTime(locale, n.created_at)}
                  </time>
                </button>
                {n.read_at === null ? (
                  <button
                    type="button"
                    className="link-button small notification-mark"
                    aria-label={t('panel.markReadOf', { title })}
                    onClick={() => markRead.mutate(n.id)}
                  >
                    {t('panel.markRead')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <AlertSettings />
    </section>
  );
}
