import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Sheet } from '../../components/Sheet';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { DashboardAppTabs } from '../../dashboard-apps/DashboardAppTabs';
import { SidebarApps, SidebarAppsSheet } from '../../dashboard-apps/SidebarApps';
import { ApiError } from '../../lib/api';
import { NARROW_QUERY, useMediaQuery } from '../../lib/hooks';
import { ContactPanel } from '../contacts/ContactPanel';
import { useAccount } from '../session/account';
import { ConversationHeader } from './ConversationHeader';
import { MessagesPanel } from './MessagesPanel';
import { useConversationQuery, useMarkSeen } from './queries';
import { ConversationAttributes } from '../custom-attributes/ConversationAttributes';

export function ConversationPage() {
  const { conversationId } = useParams();
  const displayId = Number(conversationId);
  return <ConversationView key={displayId} displayId={displayId} />;
}

function ConversationView({ displayId }: { displayId: number }) {
  const { t } = useTranslation();
  const account = useAccount();
  const query = useConversationQuery(account.id, displayId);
  const markSeen = useMarkSeen(account.id);
  // Below 1200 px the contact panel leaves the layout and opens as a sheet on request.
  const narrow = useMediaQuery(NARROW_QUERY);
  const [contactOpen, setContactOpen] = useState(false);
  const conversation = query.data;
  const unread = conversation?.unread_count ?? 0;
  const loaded = Boolean(conversation) && !query.isPlaceholderData;

  // Opening a conversation reads it; so does a new message arriving while it is open.
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => markSeen(displayId), unread > 0 ? 300 : 0);
    return () => clearTimeout(timer);
  }, [loaded, unread, displayId, markSeen]);

  if (!Number.isSafeInteger(displayId) || displayId <= 0) {
    return (
      <section className="conversation-empty" aria-label={t('conversations.notFound')}>
        <EmptyState title={t('conversations.notFound')} icon="alert" />
      </section>
    );
  }
  if (!conversation) {
    if (query.error) {
      const notFound = query.error instanceof ApiError && query.error.status === 404;
      return (
        <section className="conversation-empty" aria-label={t('conversations.title')}>
          {notFound ? (
            <EmptyState title={t('conversations.notFound')} icon="alert" />
          ) : (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          )}
        </section>
      );
    }
    return (
      <section className="conversation-empty" aria-label={t('conversations.title')}>
        <LoadingState label={t('conversations.loadingOne')} />
      </section>
    );
  }

  const contactPanel = (
    <ContactPanel
      accountId={account.id}
      contactId={conversation.meta.sender.id}
      fallback={conversation.meta.sender}
      currentConversationId={conversation.id}
      apps={narrow ? null : <SidebarApps conversation={conversation} />}
      conversationDetails={<ConversationAttributes conversation={conversation} />}
    />
  );
  return (
    <>
      <section className="conversation-pane" aria-labelledby="conversation-title">
        <ConversationHeader
          conversation={conversation}
          onOpenContact={narrow ? () => setContactOpen(true) : undefined}
        />
        {narrow ? <SidebarAppsSheet conversation={conversation} /> : null}
        <DashboardAppTabs
          conversation={conversation}
          messagesPanel={<MessagesPanel accountId={account.id} conversation={conversation} />}
        />
      </section>
      {narrow ? (
        <Sheet
          open={contactOpen}
          title={t('contacts.panelLabel')}
          className="sheet-side"
          onClose={() => setContactOpen(false)}
        >
          {contactPanel}
        </Sheet>
      ) : (
        contactPanel
      )}
    </>
  );
}
