import { plainMentions, type Conversation } from '@bevatel/protocol';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { UserText } from '../../components/UserText';
import { isolated } from '../../lib/bidi';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { usePreferences } from '../preferences/preferences';
import { useProfile } from '../session/session';
import { previewAuthor, type PreviewAuthor } from './preview';

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
  const me = useProfile();
  const contact = conversation.meta.sender;
  const name = contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
  const last = conversation.last_non_activity_message;
  const time = conversation.timestamp || conversation.last_activity_at;
  const unread = conversation.unread_count;
  const prefix = last ? prefixText(previewAuthor(last, me.id), t) : null;
  const assignee =
    conversation.meta.assignee?.available_name || conversation.meta.assignee?.name || null;

  return (
    <Link
      to={`/app/accounts/${conversation.account_id}/conversations/${conversation.id}`}
      className={`conversation-row${selected ? ' selected' : ''}${unread > 0 ? ' unread' : ''}`}
      aria-current={selected ? 'page' : undefined}
    >
      <Avatar name={name} src={contact.thumbnail} size={40} />
      <span className="row-body">
        <span className="row-line">
          <UserText text={name} kind="name" truncate className="row-name" />
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
                {prefix ? <span className="row-prefix">{prefix}</span> : null}
                <UserText
                  text={last.private ? plainMentions(last.content) : last.content}
                  truncate
                  className="row-preview-text"
                />
              </>
            ) : last?.attachments?.length ? (
              <>
                {prefix ? <span className="row-prefix">{prefix}</span> : null}
                <span className="truncate">
                  <Icon name="paperclip" size={14} /> {t('attachments.preview')}
                </span>
              </>
            ) : (
              <span className="truncate">{t('conversations.noMessages')}</span>
            )}
          </span>
          {unread > 0 ? (
            <span className="badge" title={t('conversations.unreadCount', { count: unread })}>
              <span aria-hidden="true">{formatNumber(locale, unread)}</span>
              <span className="sr-only">{t('conversations.unreadCount', { count: unread })}</span>
            </span>
          ) : null}
        </span>
        <span className="row-line row-meta">
          <span className="row-assignee">
            <Icon name="user" size={14} />
            {assignee ? (
              <UserText text={assignee} kind="name" truncate />
            ) : (
              t('conversations.unassigned')
            )}
          </span>
          {inboxName ? (
            <UserText text={inboxName} kind="name" truncate className="row-inbox" />
          ) : null}
          <span className="row-id">#{formatNumber(locale, conversation.id)}</span>
        </span>
      </span>
    </Link>
  );
}

/** The words before the preview; names isolated so their letters cannot reorder the sentence. */
function prefixText(author: PreviewAuthor, t: TFunction) {
  switch (author.kind) {
    case 'none':
      return null;
    case 'you':
      return t('messages.prefix.you');
    case 'agent':
      return t('messages.prefix.agent', { name: isolated(author.name) });
    case 'your-note':
      return t('messages.prefix.yourNote');
    case 'note':
      return author.name
        ? t('messages.prefix.noteBy', { name: isolated(author.name) })
        : t('messages.prefix.note');
  }
}

export const ConversationRow = memo(ConversationRowBase);
