import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
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

  // Arrow keys move between rows, also to rows not rendered yet (the list is virtualised). A
  // move still waiting for its row to render counts as where focus is, so held keys add up.
  const pendingFocus = useRef<number | null>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    const from = pendingFocus.current ?? Number(current.dataset.index);
    const next = from + (event.key === 'ArrowDown' ? 1 : -1);
    event.preventDefault();
    if (next < 0 || next >= conversations.length) return;
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next);
    // The row may render a frame or two later, once the virtualizer has seen the scroll.
    const focusRow = (tries: number) => {
      if (pendingFocus.current !== next) return;
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] a`);
      if (row || tries === 0) {
        row?.focus();
        pendingFocus.current = null;
      } else requestAnimationFrame(() => focusRow(tries - 1));
    };
    focusRow(10);
  };

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
    <div ref={scrollRef} className="conversation-scroll" onKeyDown={onKeyDown}>
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
              data-index={item.index}
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
