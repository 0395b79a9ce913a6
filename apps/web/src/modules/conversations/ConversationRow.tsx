import type { Conversation } from '@bevatel/protocol';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { usePreferences } from '../preferences/preferences';

export const ROW_HEIGHT = 84;

function ConversationRowBase({
  conversation,
  inboxName,
  selected,
  now,
}: {
  conversation: Conversation;
  inboxName: string | null;
  selected: boolean;
  now: number;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const contact = conversation.meta.sender;
  const name = contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
  const last = conversation.last_non_activity_message;
  const time = conversation.timestamp || conversation.last_activity_at;
  const unread = conversation.unread_count;
  const prefix = last?.private
    ? t('messages.privateNotePrefix')
    : last?.message_type === 1
      ? t('messages.youPrefix')
      : null;

  return (
    <Link
      to={`/app/accounts/${conversation.account_id}/conversations/${conversation.id}`}
      className={`conversation-row${selected ? ' selected' : ''}${unread > 0 ? ' unread' : ''}`}
      aria-current={selected ? 'page' : undefined}
    >
      <Avatar name={name} src={contact.thumbnail} size={40} />
      <span className="row-body">
        <span className="row-line">
          <span className="row-name">
            <bdi>{name}</bdi>
          </span>
          <time
            className="row-time"
            dateTime={new Date(time * 1000).toISOString()}
            title={formatDateTime(locale, time)}
          >
            {formatRelative(locale, time, now)}
          </time>
        </span>
        <span className="row-line">
          <span className="row-preview">
            {last?.content ? (
              <>
                {prefix ? `${prefix} ` : null}
                <bdi>{last.content}</bdi>
              </>
            ) : (
              t('conversations.noMessages')
            )}
          </span>
          {unread > 0 ? (
            <span className="badge">
              <span aria-hidden="true">{formatNumber(locale, unread)}</span>
              <span className="sr-only">
                {t('conversations.unreadCount', { n: formatNumber(locale, unread) })}
              </span>
            </span>
          ) : null}
        </span>
        <span className="row-line row-meta">
          <span className="row-assignee">
            <Icon name="user" size={14} />
            {conversation.meta.assignee?.available_name ||
              conversation.meta.assignee?.name ||
              t('conversations.unassigned')}
          </span>
          {inboxName ? <span className="row-inbox">{inboxName}</span> : null}
          <span className="row-id">#{formatNumber(locale, conversation.id)}</span>
        </span>
      </span>
    </Link>
  );
}

export const ConversationRow = memo(ConversationRowBase);
