import type { Contact } from '@bevatel/protocol';
import type { ReactNode } from 'react';
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
  apps,
  conversationDetails,
}: {
  accountId: number;
  contactId: number;
  fallback: Contact;
  currentConversationId: number;
  /** Apps placed in the sidebar, shown above the contact. */
  apps?: ReactNode;
  /** About the conversation itself (its custom attributes), below the contact. */
  conversationDetails?: ReactNode;
}) {
  const { t } = useTranslation();
  const query = useContactQuery(accountId, contactId);
  const contact = query.data ?? fallback;
  return (
    <aside className="contact-panel" aria-label={t('contacts.panelLabel')}>
      {apps}
      {query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ContactDetails accountId={accountId} contact={contact} />
      {conversationDetails}
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
