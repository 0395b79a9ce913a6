import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import { EmptyState } from '../../components/States';
import { AppStage } from '../../dashboard-apps/stage/AppStage';
import { useAccount } from '../session/account';
import { ConversationListPane } from './ConversationListPane';
import { DEFAULT_FILTERS, type ConversationFilters } from './filters';

const storageKey = (accountId: number) => `bevatel.conversationFilters.${accountId}`;

function loadFilters(accountId: number): ConversationFilters {
  try {
    const raw = sessionStorage.getItem(storageKey(accountId));
    if (raw) return { ...DEFAULT_FILTERS, ...(JSON.parse(raw) as Partial<ConversationFilters>) };
  } catch {
    // Unreadable or absent: start from the defaults.
  }
  return DEFAULT_FILTERS;
}

/** The list on one side, the selected conversation beside it; filters survive reloads. */
export function ConversationsLayout() {
  const account = useAccount();
  const { conversationId } = useParams();
  const [filters, setFiltersState] = useState(() => loadFilters(account.id));
  const setFilters = useCallback(
    (next: ConversationFilters) => {
      setFiltersState(next);
      try {
        sessionStorage.setItem(storageKey(account.id), JSON.stringify(next));
      } catch {
        // Storage unavailable: the filters still apply until reload.
      }
    },
    [account.id],
  );
  const selected = conversationId ? Number(conversationId) : null;
  return (
    <div className={`conversations-layout${selected ? ' has-selection' : ''}`}>
      <AppStage>
        <ConversationListPane
          filters={filters}
          onFiltersChange={setFilters}
          selectedId={selected}
        />
        <Outlet />
      </AppStage>
    </div>
  );
}

export function NoConversationSelected() {
  const { t } = useTranslation();
  return (
    <section className="conversation-empty" aria-label={t('conversations.noneSelected')}>
      <EmptyState title={t('conversations.noneSelected')}>
        <p className="muted">{t('conversations.noneSelectedHint')}</p>
      </EmptyState>
    </section>
  );
}
