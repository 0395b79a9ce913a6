import type { Contact } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/States';
import { ContactConversations } from './ContactConversations';
import { ContactDetails } from './ContactDetails';
import { useContactQuery } from './queries';

/** Beside the conversation: who the customer is, editable in place, and their history. */
export function ContactPanel({
  accountId,
  contactId,
  fallback,
  currentConversationId,
}: {
  accountId: number;
  contactId: number;
  fallback: Contact;
  currentConversationId: number;
}) {
  const { t } = useTranslation();
  const query = useContactQuery(accountId, contactId);
  const contact = query.data ?? fallback;
  return (
    <aside className="contact-panel" aria-label={t('contacts.panelLabel')}>
      {query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ContactDetails accountId={accountId} contact={contact} />
      <p>
        <Link to={`/app/accounts/${accountId}/contacts/${contactId}`} className="small">
          {t('contacts.openProfile')}
        </Link>
      </p>
      <ContactConversations
        accountId={accountId}
        contactId={contactId}
        excludeId={currentConversationId}
      />
    </aside>
  );
}
