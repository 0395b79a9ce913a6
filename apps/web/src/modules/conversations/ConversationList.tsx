import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../components/States';
import { useNow } from '../../lib/hooks';
import { useInboxes } from '../account-data/queries';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import type { ConversationFilters } from './filters';
import { useConversationList } from './queries';

/** Virtualised: only the rows in view are in the DOM, so 10,000 conversations scroll smoothly. */
export function ConversationList({
  accountId,
  filters,
  selectedId,
}: {
  accountId: number;
  filters: ConversationFilters;
  selectedId: number | null;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const list = useConversationList(accountId, filters);
  const inboxes = useInboxes(accountId);
  const inboxNames = useMemo(
    () => new Map((inboxes.data ?? []).map((inbox) => [inbox.id, inbox.name])),
    [inboxes.data],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const { conversations, hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const count = conversations.length + (hasNextPage ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (lastIndex >= conversations.length - 5 && hasNextPage && !isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [lastIndex, conversations.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filters]);

  if (list.isPending) return <LoadingState label={t('conversations.loading')} />;
  if (list.error && !list.data) {
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (conversations.length === 0) {
    return (
      <EmptyState title={t('conversations.empty')}>
        <p className="muted">{t('conversations.emptyHint')}</p>
      </EmptyState>
    );
  }

  return (
    <div ref={scrollRef} className="conversation-scroll">
      <div
        role="list"
        aria-label={t('conversations.listLabel')}
        aria-busy={isFetchingNextPage || undefined}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((item) => {
          const conversation = conversations[item.index];
          return (
            <div
              key={conversation ? conversation.id : 'loader'}
              role="listitem"
              className="virtual-row"
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              {conversation ? (
                <ConversationRow
                  conversation={conversation}
                  inboxName={inboxNames.get(conversation.inbox_id) ?? null}
                  selected={conversation.id === selectedId}
                  now={now}
                />
              ) : (
                <div className="row-loader">
                  <Spinner label={t('conversations.loadingMore')} />
                </div>
              )}
            </div>
          );
        })}
      </div>
      {list.isFetchNextPageError ? (
        <ErrorState error={list.error} onRetry={() => void fetchNextPage()} />
      ) : null}
    </div>
  );
}
