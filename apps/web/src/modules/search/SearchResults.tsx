import type { Contact, Conversation, Message } from '@bevatel/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { ErrorState, LoadingState } from '../../components/States';
import { UserText } from '../../components/UserText';
import { isolated } from '../../lib/bidi';
import { formatNumber, formatRelative } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import { useInboxes } from '../account-data/queries';
import { usePreferences } from '../preferences/preferences';
import { Highlighted } from './Highlighted';
import { useSearch } from './queries';

const contactName = (c: Pick<Contact, 'name' | 'email' | 'phone_number'>, unnamed: string) =>
  c.name || c.email || c.phone_number || unnamed;

/**
 * A search's own view, in the list pane: conversations of every tab and status, contacts and
 * messages that hold the words, each with the words marked; an empty result says what was
 * searched and where. The list's tabs and filters do not narrow it.
 */
export function SearchResults({ accountId, q }: { accountId: number; q: string }) {
  const { t } = useTranslation();
  const search = useSearch(accountId, q);
  if (search.isPending) return <LoadingState label={t('search.searching')} />;
  if (search.isError)
    return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  const { conversations, contacts, messages } = search.data;
  const term = isolated(q);
  if (conversations.length + contacts.length + messages.length === 0) {
    return (
      <div className="search-empty" role="status">
        <p className="search-empty-title">{t('search.nothing', { term })}</p>
        <p className="muted">{t('search.nothingWhere')}</p>
      </div>
    );
  }
  return (
    <div className="search-results" aria-label={t('search.resultsFor', { term })} role="region">
      <p className="muted small search-scope">{t('search.scope')}</p>
      <ResultSection title={t('search.conversations')} count={conversations.length}>
        {conversations.map((c) => (
          <ConversationResult key={c.id} conversation={c} q={q} />
        ))}
      </ResultSection>
      <ResultSection title={t('search.contacts')} count={contacts.length}>
        {contacts.map((c) => (
          <ContactResult key={c.id} accountId={accountId} contact={c} q={q} />
        ))}
      </ResultSection>
      <ResultSection title={t('search.messages')} count={messages.length}>
        {messages.map((m) => (
          <MessageResult key={m.id} accountId={accountId} message={m} q={q} />
        ))}
      </ResultSection>
    </div>
  );
}

function ResultSection({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  const { locale } = usePreferences();
  if (count === 0) return null;
  return (
    <section className="search-section" aria-label={title}>
      <h2 className="section-title">
        {title} <span className="tab-count">{formatNumber(locale, count)}</span>
      </h2>
      <ul className="search-list">{children}</ul>
    </section>
  );
}

function ConversationResult({ conversation, q }: { conversation: Conversation; q: string }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const inboxes = useInboxes(conversation.account_id);
  const inbox = inboxes.data?.find((i) => i.id === conversation.inbox_id);
  const name = contactName(conversation.meta.sender, t('contacts.unnamed'));
  const last = conversation.last_non_activity_message?.content ?? '';
  return (
    <li>
      <Link
        className="search-item"
        to={`/app/accounts/${conversation.account_id}/conversations/${conversation.id}`}
      >
        <Avatar name={name} src={conversation.meta.sender.thumbnail} size={32} />
        <span className="search-item-body">
          <span className="search-item-line">
            <Highlighted text={name} term={q} className="search-item-title truncate" />
            <span className={`status-pill status-${conversation.status}`}>
              {t(`status.${conversation.status}`)}
            </span>
          </span>
          {last ? <Highlighted text={last} term={q} snippet className="search-item-text" /> : null}
          <span className="muted small search-item-line">
            #{formatNumber(locale, conversation.id)}
            {inbox ? (
              <>
                {' · '}
                <UserText text={inbox.name} kind="name" />
              </>
            ) : null}
          </span>
        </span>
      </Link>
    </li>
  );
}

function ContactResult({
  accountId,
  contact,
  q,
}: {
  accountId: number;
  contact: Contact;
  q: string;
}) {
  const { t } = useTranslation();
  const name = contactName(contact, t('contacts.unnamed'));
  const details = [contact.email, contact.phone_number].filter(Boolean).join(' · ');
  return (
    <li>
      <Link className="search-item" to={`/app/accounts/${accountId}/contacts/${contact.id}`}>
        <Avatar name={name} src={contact.thumbnail} size={32} />
        <span className="search-item-body">
          <Highlighted text={name} term={q} className="search-item-title truncate" />
          {details ? (
            <Highlighted text={details} term={q} className="muted small truncate" />
          ) : null}
        </span>
      </Link>
    </li>
  );
}

function MessageResult({
  accountId,
  message,
  q,
}: {
  accountId: number;
  message: Message;
  q: string;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const now = useNow();
  const sender = message.sender
    ? message.sender.available_name || message.sender.name || t('contacts.unnamed')
    : null;
  return (
    <li>
      <Link
        className="search-item"
        to={`/app/accounts/${accountId}/conversations/${message.conversation_id}`}
      >
        <span className="search-item-body">
          <span className="search-item-line muted small">
            {sender ? <UserText text={sender} kind="name" truncate /> : null}
            <span>
              {t('search.inConversation', { id: formatNumber(locale, message.conversation_id) })}
            </span>
            <time dateTime={new Date(message.created_at * 1000).toISOString()}>
              {formatRelative(locale, message.created_at, now)}
            </time>
          </span>
          <Highlighted text={message.content ?? ''} term={q} snippet className="search-item-text" />
        </span>
      </Link>
    </li>
  );
}
