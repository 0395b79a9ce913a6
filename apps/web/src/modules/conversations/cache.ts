import { MESSAGE_TYPES } from '@bevatel/protocol';
import type { Contact, Conversation, ConversationCounts } from '@bevatel/protocol';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys';
import { matchesFilters, type ConversationFilters } from './filters';
import {
  patchInPages,
  removeFromPages,
  upsertIntoPages,
  type ConversationPages,
} from './list-cache';
import { upsertMessage, type ClientMessage, type MessagesState } from './messages-state';

/**
 * Writers of the conversation caches, shared by mutations and realtime events so both change
 * the same entries the same way.
 */

function listEntries(queryClient: QueryClient, accountId: number) {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: queryKeys.conversationsRoot(accountId) })
    .filter((query) => query.queryKey[2] === 'list');
}

function hasMorePages(data: ConversationPages): boolean {
  const first = data.pages[0];
  if (!first) return false;
  const loaded = data.pages.reduce((sum, page) => sum + page.data.payload.length, 0);
  const last = data.pages[data.pages.length - 1];
  return Boolean(last && last.data.payload.length > 0) && loaded < maxCount(first.data.meta);
}

function maxCount(meta: ConversationCounts): number {
  return Math.max(meta.all_count, meta.mine_count, meta.unassigned_count);
}

let countsTimer: ReturnType<typeof setTimeout> | null = null;

/** Tab counts are the server's; refresh them shortly after a burst of changes. */
export function scheduleCountsRefresh(queryClient: QueryClient, accountId: number): void {
  if (countsTimer) return;
  countsTimer = setTimeout(() => {
    countsTimer = null;
    void queryClient.invalidateQueries({
      queryKey: queryKeys.conversationsRoot(accountId),
      predicate: (query) => query.queryKey[2] === 'counts',
    });
  }, 1000);
}

/** A conversation changed: its own entry, and every loaded list it now belongs (or not) in. */
export function applyConversation(
  queryClient: QueryClient,
  accountId: number,
  meId: number,
  conversation: Conversation,
): void {
  queryClient.setQueryData<Conversation>(
    queryKeys.conversation(accountId, conversation.id),
    (previous) =>
      previous && previous.last_activity_at > conversation.last_activity_at
        ? { ...conversation, last_activity_at: previous.last_activity_at }
        : conversation,
  );
  for (const query of listEntries(queryClient, accountId)) {
    const filters = query.queryKey[3] as ConversationFilters;
    queryClient.setQueryData<ConversationPages>(query.queryKey as QueryKey, (data) => {
      if (!data) return data;
      if (!matchesFilters(conversation, filters, meId))
        return removeFromPages(data, conversation.id);
      if (filters.q.trim()) {
        return patchInPages(
          data,
          (c) => c.id === conversation.id,
          () => conversation,
        );
      }
      return upsertIntoPages(data, conversation, !hasMorePages(data));
    });
  }
  const last = conversation.last_non_activity_message;
  if (last) {
    queryClient.setQueryData<MessagesState>(
      queryKeys.messages(accountId, conversation.id),
      (state) =>
        state && !state.messages.some((m) => !m.localStatus && m.id === last.id)
          ? upsertMessage(state, last)
          : state,
    );
  }
  scheduleCountsRefresh(queryClient, accountId);
}

/** Patches a conversation wherever it is cached, without moving it between lists. */
export function patchConversation(
  queryClient: QueryClient,
  accountId: number,
  displayId: number,
  patch: (conversation: Conversation) => Conversation,
): void {
  queryClient.setQueryData<Conversation>(queryKeys.conversation(accountId, displayId), (c) =>
    c ? patch(c) : c,
  );
  for (const query of listEntries(queryClient, accountId)) {
    queryClient.setQueryData<ConversationPages>(query.queryKey as QueryKey, (data) =>
      data ? patchInPages(data, (c) => c.id === displayId, patch) : data,
    );
  }
}

/**
 * A message arrived: into its thread, and as the last message of its conversation
 * (`conversation_id` is the display id, as Chatwoot presents it).
 */
export function applyMessage(
  queryClient: QueryClient,
  accountId: number,
  meId: number,
  message: ClientMessage,
): void {
  const displayId = message.conversation_id;
  queryClient.setQueryData<MessagesState>(queryKeys.messages(accountId, displayId), (state) =>
    state ? upsertMessage(state, message) : state,
  );
  if (message.message_type === MESSAGE_TYPES.activity) return;
  // The preview follows at once; the conversation's times come from the server's own
  // conversation event that follows every new message (never made up here).
  const withMessage = (c: Conversation): Conversation => {
    const previous = c.last_non_activity_message;
    if (previous && previous.id > message.id) return c;
    if (previous?.id === message.id && JSON.stringify(previous) === JSON.stringify(message)) {
      return c;
    }
    return { ...c, last_non_activity_message: message };
  };
  const current =
    queryClient.getQueryData<Conversation>(queryKeys.conversation(accountId, displayId)) ??
    findInLists(queryClient, accountId, displayId);
  if (current) applyConversation(queryClient, accountId, meId, withMessage(current));
}

export function findInLists(
  queryClient: QueryClient,
  accountId: number,
  displayId: number,
): Conversation | undefined {
  for (const query of listEntries(queryClient, accountId)) {
    const data = query.state.data as ConversationPages | undefined;
    if (!data) continue;
    for (const page of data.pages) {
      const found = page.data.payload.find((c) => c.id === displayId);
      if (found) return found;
    }
  }
  return undefined;
}

/** A contact changed: its own entry, and the sender of every cached conversation of theirs. */
export function applyContact(queryClient: QueryClient, accountId: number, contact: Contact): void {
  queryClient.setQueryData<Contact>(queryKeys.contact(accountId, contact.id), contact);
  const withContact = (c: Conversation): Conversation =>
    c.meta.sender.id === contact.id ? { ...c, meta: { ...c.meta, sender: contact } } : c;
  for (const query of queryClient
    .getQueryCache()
    .findAll({ queryKey: queryKeys.conversationRoot(accountId) })) {
    queryClient.setQueryData<Conversation>(query.queryKey, (c) => (c ? withContact(c) : c));
  }
  for (const query of listEntries(queryClient, accountId)) {
    queryClient.setQueryData<ConversationPages>(query.queryKey as QueryKey, (data) =>
      data ? patchInPages(data, (c) => c.meta.sender.id === contact.id, withContact) : data,
    );
  }
  queryClient.setQueriesData<{ payload: Contact[] }>(
    { queryKey: queryKeys.contactsRoot(accountId) },
    (data) =>
      data && Array.isArray(data.payload)
        ? { ...data, payload: data.payload.map((c) => (c.id === contact.id ? contact : c)) }
        : data,
  );
}
