import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { formatNumber, formatRelative } from '../../lib/format';
import { useDebounced, useNow } from '../../lib/hooks';
import { usePreferences } from '../preferences/preferences';
import { useAccount } from '../session/account';
import { useContactsList } from './queries';
import { UserText } from '../../components/UserText';

const PAGE_SIZE = 15;

export function ContactsPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const account = useAccount();
  const id = useId();
  const now = useNow();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const [page, setPage] = useState(1);
  const query = useContactsList(account.id, { q, page });
  const contacts = query.data?.payload ?? [];
  const total = query.data?.meta.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / Math.max(PAGE_SIZE, contacts.length || PAGE_SIZE)));

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('contacts.title')}</h1>
        <div className="search-box">
          <label htmlFor={`${id}-search`} className="sr-only">
            {t('contacts.search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            maxLength={255}
            placeholder={t('contacts.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </div>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : contacts.length === 0 ? (
        <EmptyState title={q ? t('contacts.noMatches') : t('contacts.empty')} icon="contacts" />
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">{t('contacts.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('contacts.name')}</th>
                  <th scope="col">{t('contacts.email')}</th>
                  <th scope="col">{t('contacts.phone')}</th>
                  <th scope="col">{t('contacts.company')}</th>
                  <th scope="col">{t('contacts.lastActivity')}</th>
                </tr>
              </thead>
              <tbody aria-busy={query.isFetching || undefined}>
                {contacts.map((contact) => {
                  const name =
                    contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
                  return (
                    <tr key={contact.id}>
                      <td>
                        <Link
                          to={`/app/accounts/${account.id}/contacts/${contact.id}`}
                          className="contact-cell"
                        >
                          <Avatar name={name} src={contact.thumbnail} size={28} />
                          <UserText text={name} kind="name" />
                        </Link>
                      </td>
                      <td dir="ltr">{contact.email ?? ''}</td>
                      <td dir="ltr">{contact.phone_number ?? ''}</td>
                      <td dir="auto">{contact.additional_attributes?.company_name ?? ''}</td>
                      <td>
                        {contact.last_activity_at
                          ? formatRelative(locale, contact.last_activity_at, now)
                          : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label={t('common.pagination')}>
            <button
              type="button"
              className="button"
              disabled={page <= 1}
              onClick={() => setPage((p) => p - 1)}
            >
              {t('common.previous')}
            </button>
            <span>
              {t('common.pageOf', {
                page: formatNumber(locale, page),
                pages: formatNumber(locale, pages),
              })}
            </span>
            <button
              type="button"
              className="button"
              disabled={page >= pages}
              onClick={() => setPage((p) => p + 1)}
            >
              {t('common.next')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
