import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { Icon } from '../../components/Icon';
import { ContactPageApps } from '../../dashboard-apps/ContactPageApps';
import { ApiError } from '../../lib/api';
import { useAccount } from '../session/account';
import { ContactConversations } from './ContactConversations';
import { ContactDetails } from './ContactDetails';
import { useContactQuery } from './queries';

export function ContactPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const { contactId } = useParams();
  const id = Number(contactId);
  const query = useContactQuery(account.id, id);

  let body;
  if (!Number.isSafeInteger(id) || id <= 0)
    body = <EmptyState title={t('contacts.notFound')} icon="alert" />;
  else if (query.isPending) body = <LoadingState />;
  else if (query.error) {
    body =
      query.error instanceof ApiError && query.error.status === 404 ? (
        <EmptyState title={t('contacts.notFound')} icon="alert" />
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      );
  } else {
    body = (
      <div className="contact-page-grid">
        <div className="card">
          <ContactDetails accountId={account.id} contact={query.data} headingLevel={1} />
        </div>
        <div className="card">
          <ContactConversations accountId={account.id} contactId={id} />
        </div>
        <ContactPageApps contact={query.data} />
      </div>
    );
  }

  return (
    <div className="page">
      <p>
        <Link to={`/app/accounts/${account.id}/contacts`} className="back-text-link">
          <Icon name="back" size={16} /> {t('contacts.backToList')}
        </Link>
      </p>
      {query.data ? null : <h1 className="sr-only">{t('contacts.title')}</h1>}
      {body}
    </div>
  );
}
