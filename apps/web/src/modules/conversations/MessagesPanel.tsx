import { MESSAGE_TYPES } from '@bevatel/protocol';
import { useSomeoneTyping, useTypingSignal } from './typing';
import type { Conversation } from '@bevatel/protocol';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../components/States';
import { formatDayHeading } from '../../lib/format';
import { usePreferences } from '../preferences/preferences';
import { continuesRun, groupMessagesByDay } from './grouping';
import { MessageBubble } from './MessageBubble';
import type { ClientMessage } from './messages-state';
import { useLoadOlderMessages, useMessagesQuery, useSendMessage } from './queries';
import { ReplyBox } from './ReplyBox';
import { useReplyVariables } from '../canned-responses/variables';

const NEAR_TOP_PX = 160;
const NEAR_BOTTOM_PX = 120;

/** React key of a message: pending ones by echo id (their ids are temporary). */
function keyOf(message: ClientMessage | undefined): string | null {
  if (!message) return null;
  return message.localStatus && message.echo_id ? `e:${message.echo_id}` : `m:${message.id}`;
}

/** The thread and the reply box: the "Messages" tab of a conversation. */
export function MessagesPanel({
  accountId,
  conversation,
}: {
  accountId: number;
  conversation: Conversation;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const query = useMessagesQuery(accountId, conversation.id);
  const older = useLoadOlderMessages(accountId, conversation.id);
  const { send, retry, discard } = useSendMessage(accountId, conversation);
  const typist = useSomeoneTyping(accountId, conversation.id);
  const typing = useTypingSignal(accountId, conversation.id);
  const variables = useReplyVariables(conversation);
  const scrollRef = useRef<HTMLDivElement>(null);
  const messages = useMemo(() => query.data?.messages ?? [], [query.data]);
  const allLoaded = query.data?.allLoaded ?? false;
  const groups = useMemo(() => groupMessagesByDay(messages), [messages]);

  // What changed since the last render decides the scroll: older page → keep the reader's
  // place; new message at the bottom → follow it if the reader was at the bottom.
  const previous = useRef<{
    firstKey: string | null;
    lastKey: string | null;
    height: number;
    top: number;
  }>({ firstKey: null, lastKey: null, height: 0, top: 0 });
  const stickToBottom = useRef(true);
  const [announcement, setAnnouncement] = useState('');

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const firstKey = keyOf(messages[0]);
    const lastKey = keyOf(messages[messages.length - 1]);
    const prev = previous.current;
    if (prev.firstKey === null) {
      el.scrollTop = el.scrollHeight;
    } else if (firstKey !== prev.firstKey && lastKey === prev.lastKey) {
      el.scrollTop = el.scrollHeight - prev.height + prev.top;
    } else if (lastKey !== prev.lastKey) {
      const last = messages[messages.length - 1];
      if (stickToBottom.current || last?.localStatus) el.scrollTop = el.scrollHeight;
    }
    previous.current = { firstKey, lastKey, height: el.scrollHeight, top: el.scrollTop };
  }, [messages]);

  // Announce messages that arrive while the conversation is open (not the ones loaded with it).
  const announcedUpTo = useRef<number | null>(null);
  useEffect(() => {
    if (!query.isSuccess) return;
    const confirmed = messages.filter((m) => !m.localStatus);
    const newest = confirmed[confirmed.length - 1];
    if (announcedUpTo.current === null) {
      announcedUpTo.current = newest?.id ?? 0;
      return;
    }
    const fresh = confirmed.filter(
      (m) => m.id > announcedUpTo.current! && m.message_type === MESSAGE_TYPES.incoming,
    );
    if (newest) announcedUpTo.current = Math.max(announcedUpTo.current, newest.id);
    const latest = fresh[fresh.length - 1];
    if (latest) {
      setAnnouncement(
        t('messages.newFrom', {
          name: latest.sender?.name ?? t('contacts.unnamed'),
          content: latest.content ?? '',
        }),
      );
    }
  }, [messages, query.isSuccess, t]);

  const { loadOlder, loading: loadingOlder } = older;
  const maybeLoadOlder = useCallback(() => {
    const el = scrollRef.current;
    if (!el || allLoaded || loadingOlder || !query.isSuccess) return;
    if (el.scrollTop < NEAR_TOP_PX) {
      previous.current = { ...previous.current, height: el.scrollHeight, top: el.scrollTop };
      void loadOlder();
    }
  }, [allLoaded, loadingOlder, query.isSuccess, loadOlder]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    previous.current = { ...previous.current, height: el.scrollHeight, top: el.scrollTop };
    maybeLoadOlder();
  };

  // A short first page leaves nothing to scroll: fetch older pages until it can scroll.
  useEffect(() => {
    const el = scrollRef.current;
    if (el && el.scrollHeight <= el.clientHeight) maybeLoadOlder();
  }, [messages, maybeLoadOlder]);

  let body;
  if (query.isPending) body = <LoadingState label={t('messages.loading')} />;
  else if (query.error && !query.data) {
    body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  } else if (messages.length === 0) {
    body = <EmptyState title={t('messages.empty')} />;
  } else {
    body = (
      <>
        <div className="thread-top">
          {allLoaded ? (
            <p className="muted">{t('messages.start')}</p>
          ) : older.error ? (
            <ErrorState error={older.error} onRetry={() => void loadOlder()} />
          ) : loadingOlder ? (
            <Spinner label={t('messages.loadingOlder')} />
          ) : (
            <button type="button" className="link-button" onClick={() => void loadOlder()}>
              {t('messages.loadOlder')}
            </button>
          )}
        </div>
        <ol className="day-groups">
          {groups.map((group) => (
            <li key={group.day} className="day-group">
              <h3 className="day-divider">
                <span>{formatDayHeading(locale, group.timestamp)}</span>
              </h3>
              <ol className="message-list">
                {group.messages.map((message, index) => (
                  <MessageBubble
                    key={keyOf(message)!}
                    message={message}
                    continued={continuesRun(group.messages[index - 1], message)}
                    onRetry={retry}
                    onDiscard={discard}
                  />
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </>
    );
  }

  return (
    <div className="messages-panel">
      <div
        ref={scrollRef}
        className="messages-scroll"
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label={t('messages.threadLabel')}
      >
        {body}
      </div>
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <p className="typing-line" aria-live="polite">
        {typist ? (
          <span>
            {t('conversation.typing', { name: typist.name || t('conversation.visitor') })}
          </span>
        ) : null}
      </p>
      <ReplyBox
        key={conversation.id}
        conversationKey={`${accountId}/${conversation.id}`}
        canReply={conversation.can_reply}
        onSend={send}
        onTyping={(note) => (note === null ? typing.stopped() : typing.typed(note))}
        variables={variables}
      />
    </div>
  );
}
