import { MESSAGE_TYPES } from '@bevatel/protocol';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { UserText } from '../../components/UserText';
import { WrappingText } from '../../components/WrappingText';
import { MentionText } from '../notifications/MentionText';
import { formatDateTime, formatTime } from '../../lib/format';
import { usePreferences } from '../preferences/preferences';
import { ActivityText } from './ActivityText';
import { AttachmentList, SendingFiles } from './AttachmentList';
import type { ClientMessage } from './messages-state';

type Kind = 'incoming' | 'outgoing' | 'note' | 'activity';

function kindOf(message: ClientMessage): Kind {
  if (message.message_type === MESSAGE_TYPES.activity) return 'activity';
  if (message.private) return 'note';
  return message.message_type === MESSAGE_TYPES.incoming ? 'incoming' : 'outgoing';
}

function MessageBubbleBase({
  message,
  continued,
  onRetry,
  onDiscard,
}: {
  message: ClientMessage;
  continued: boolean;
  onRetry: (message: ClientMessage) => void;
  onDiscard: (message: ClientMessage) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const kind = kindOf(message);
  const time = (
    <time
      dateTime={new Date(message.created_at * 1000).toISOString()}
      title={formatDateTime(locale, message.created_at)}
    >
      {formatTime(locale, message.created_at)}
    </time>
  );

  if (kind === 'activity') {
    return (
      <li className="message message-activity">
        <ActivityText message={message} /> <span className="message-time">{time}</span>
      </li>
    );
  }

  const sender = message.sender?.available_name || message.sender?.name || t('contacts.unnamed');
  const failed = message.localStatus === 'failed';
  const sending = message.localStatus === 'sending';
  return (
    <li
      className={`message message-${kind}${continued ? ' continued' : ''}${failed ? ' failed' : ''}${sending ? ' sending' : ''}`}
      data-message-id={message.localStatus ? undefined : message.id}
    >
      <div className="bubble">
        {continued ? null : (
          <div className="bubble-sender">
            {kind === 'note' ? (
              <span className="note-tag">
                <Icon name="lock" size={12} /> {t('messages.privateNote')}
              </span>
            ) : null}
            <UserText text={sender} kind="name" />
          </div>
        )}
        {continued && kind === 'note' ? (
          <span className="sr-only">{t('messages.privateNote')}</span>
        ) : null}
        {message.content ? (
          <div className="bubble-content" dir="auto">
            {kind === 'note' ? (
              <MentionText text={message.content} />
            ) : (
              <WrappingText text={message.content} />
            )}
          </div>
        ) : null}
        {message.attachments?.length ? (
          <AttachmentList attachments={message.attachments} />
        ) : message.localFiles?.length ? (
          <SendingFiles files={message.localFiles} />
        ) : null}
        <div className="bubble-footer">
          <span className="message-time">{time}</span>
          {sending ? <span className="message-state">{t('messages.sending')}</span> : null}
          {!message.localStatus && kind !== 'incoming' && message.status === 'failed' ? (
            <span className="message-state error-text">{t('messages.deliveryFailed')}</span>
          ) : null}
        </div>
      </div>
      {failed ? (
        <div className="message-failure" role="alert">
          <Icon name="alert" size={14} />
          <span>{t('messages.failed')}</span>
          <button type="button" className="link-button" onClick={() => onRetry(message)}>
            {t('common.retry')}
          </button>
          <button type="button" className="link-button" onClick={() => onDiscard(message)}>
            {t('messages.discard')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

export const MessageBubble = memo(MessageBubbleBase);
