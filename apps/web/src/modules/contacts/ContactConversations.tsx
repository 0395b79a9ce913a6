import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Spinner } from '../../components/States';
import { formatNumber, formatRelative } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import { usePreferences } from '../preferences/preferences';
import { useContactConversations } from './queries';

/** The contact's other conversations, newest first, as links. */
export function ContactConversations({
  accountId,
  contactId,
  excludeId,
}: {
  accountId: number;
  contactId: number;
  excludeId?: number;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const now = useNow();
  const query = useContactConversations(accountId, contactId);
  const list = (query.data ?? [])
    .filter((c) => c.id !== excludeId)
    .sort((a, b) => b.last_activity_at - a.last_activity_at);
  return (
    <>
      <h3 className="section-title">{t('contacts.previousConversations')}</h3>
      {query.isPending ? (
        <Spinner />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : list.length === 0 ? (
        <p className="muted small">{t('contacts.noPreviousConversations')}</p>
      ) : (
        <ul className="previous-conversations">
          {list.map((c) => (
            <li key={c.id}>
              <Link to={`/app/accounts/${accountId}/conversations/${c.id}`}>
                <span className="previous-line">
                  <span>#{formatNumber(locale, c.id)}</span>
                  <span className={`status-pill status-${c.status}`}>
                    {t(`status.${c.status}`)}
                  </span>
                  <span className="muted small">
                    {formatRelative(locale, c.last_activity_at, now)}
                  </span>
                </span>
                <span className="previous-preview" dir="auto">
                  {c.last_non_activity_message?.content || t('conversations.noMessages')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
