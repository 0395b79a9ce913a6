import { MESSAGE_TYPES } from '@bevatel/protocol';
import type {
  Conversation,
  ConversationCounts,
  ConversationPriority,
  ConversationStatus,
} from '@bevatel/protocol';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';
import { useProfile } from '../session/session';
import { messageForm } from './attachments';
import { applyConversation, applyMessage, findInLists, patchConversation } from './cache';
import { filtersToParams, type ConversationFilters } from './filters';
import { flattenPages } from './list-cache';
import {
  EMPTY_MESSAGES,
  addPending,
  confirmedMessages,
  fromLatestPage,
  mergeLatestPage,
  prependOlder,
  removePending,
  setPendingStatus,
  type ClientMessage,
  type MessagesState,
} from './messages-state';

function countFor(meta: ConversationCounts, filters: ConversationFilters): number {
  if (filters.assigneeType === 'me') return meta.mine_count;
  if (filters.assigneeType === 'unassigned') return meta.unassigned_count;
  return meta.all_count;
}

/** The conversation list, page by page as the agent scrolls. */
export function useConversationList(accountId: number, filters: ConversationFilters) {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: queryKeys.conversationList(accountId, filters),
    initialPageParam: 1,
    queryFn: async ({ pageParam }) => {
      const body = await api.get(
        api.account(accountId, 'conversations'),
        filtersToParams(filters, pageParam),
      );
      if (pageParam === 1) {
        const { assigneeType: _a, ...rest } = filters;
        queryClient.setQueryData(queryKeys.conversationCounts(accountId, rest), body.data.meta);
      }
      return body;
    },
    getNextPageParam: (last, pages, lastParam) => {
      if (last.data.payload.length === 0) return undefined;
      const loaded = pages.reduce((sum, page) => sum + page.data.payload.length, 0);
      return loaded < countFor(last.data.meta, filters) ? lastParam + 1 : undefined;
    },
  });
  const conversations = useMemo(() => (query.data ? flattenPages(query.data) : []), [query.data]);
  return { ...query, conversations };
}

/** Mine / unassigned / all counts for the current status, inbox, label and search. */
export function useConversationCounts(accountId: number, filters: ConversationFilters) {
  const api = useApi();
  const { assigneeType: _a, ...rest } = filters;
  return useQuery({
    queryKey: queryKeys.conversationCounts(accountId, rest),
    queryFn: async () => {
      const { page: _page, ...params } = filtersToParams({ ...filters, assigneeType: 'all' }, 1);
      const body = await api.get(api.account(accountId, 'conversations/meta'), params);
      return body.meta;
    },
    staleTime: 10_000,
  });
}

export function useConversationQuery(accountId: number, displayId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.conversation(accountId, displayId),
    queryFn: () => api.get(api.account(accountId, `conversations/${displayId}`)),
    // The row the agent clicked is already cached: show it while the full record loads.
    placeholderData: () => findInLists(queryClient, accountId, displayId),
    enabled: Number.isSafeInteger(displayId) && displayId > 0,
  });
}

/** The thread: newest page first, older pages on demand; realtime keeps it current. */
export function useMessagesQuery(accountId: number, displayId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = queryKeys.messages(accountId, displayId);
  return useQuery({
    queryKey: key,
    queryFn: async (): Promise<MessagesState> => {
      const body = await api.get(api.account(accountId, `conversations/${displayId}/messages`));
      const held = queryClient.getQueryData<MessagesState>(key);
      return held ? mergeLatestPage(held, body.payload) : fromLatestPage(body.payload);
    },
    staleTime: Infinity,
    enabled: Number.isSafeInteger(displayId) && displayId > 0,
  });
}

export function useLoadOlderMessages(accountId: number, displayId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({
    loading: false,
    error: null,
  });
  const loadOlder = useCallback(async () => {
    const key = queryKeys.messages(accountId, displayId);
    const held = queryClient.getQueryData<MessagesState>(key);
    if (!held || held.allLoaded) return;
    const oldest = confirmedMessages(held)[0];
    if (!oldest) return;
    setState({ loading: true, error: null });
    try {
      const body = await api.get(api.account(accountId, `conversations/${displayId}/messages`), {
        before: oldest.id,
      });
      queryClient.setQueryData<MessagesState>(key, (s) =>
        prependOlder(s ?? EMPTY_MESSAGES, body.payload),
      );
      setState({ loading: false, error: null });
    } catch (error) {
      setState({ loading: false, error });
    }
  }, [api, queryClient, accountId, displayId]);
  return { loadOlder, loading: state.loading, error: state.error };
}

let pendingSeq = 0;

/** The files of messages on their way, by echo id: kept until confirmed, for Retry. */
const pendingFiles = new Map<string, readonly File[]>();

function newEchoId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `echo-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Sends with an echo id: the message shows at once, then is confirmed, or fails with Retry. */
export function useSendMessage(accountId: number, conversation: Conversation | undefined) {
  const api = useApi();
  const queryClient = useQueryClient();
  const profile = useProfile();
  const displayId = conversation?.id ?? 0;
  const key = queryKeys.messages(accountId, displayId);

  const post = useCallback(
    async (echoId: string, content: string, isPrivate: boolean) => {
      const files = pendingFiles.get(echoId) ?? [];
      try {
        const message = await api.post(
          api.account(accountId, `conversations/${displayId}/messages`),
          // With files: multipart, as Chatwoot's dashboard sends it; the echo id keeps a
          // retry from writing a second message.
          files.length > 0
            ? messageForm(content, isPrivate, echoId, files)
            : { content, private: isPrivate, echo_id: echoId },
        );
        pendingFiles.delete(echoId);
        // Replaces the pending copy; the realtime event of the same message then writes nothing.
        applyMessage(queryClient, accountId, profile.id, { ...message, echo_id: echoId });
      } catch {
        queryClient.setQueryData<MessagesState>(key, (s) =>
          setPendingStatus(s ?? EMPTY_MESSAGES, echoId, 'failed'),
        );
      }
    },
    [api, queryClient, key, accountId, displayId, profile.id],
  );

  const send = useCallback(
    (content: string, isPrivate: boolean, files: readonly File[] = []) => {
      if (!conversation) return;
      const echoId = newEchoId();
      if (files.length > 0) pendingFiles.set(echoId, files);
      pendingSeq += 1;
      const pending: ClientMessage = {
        id: -pendingSeq,
        content,
        inbox_id: conversation.inbox_id,
        conversation_id: displayId,
        account_id: accountId,
        message_type: MESSAGE_TYPES.outgoing,
        content_type: 'text',
        content_attributes: {},
        created_at: Math.floor(Date.now() / 1000),
        private: isPrivate,
        status: 'sent',
        source_id: null,
        sender_type: 'User',
        sender_id: profile.id,
        sender: {
          id: profile.id,
          name: profile.name,
          email: profile.email,
          phone_number: null,
          identifier: null,
          thumbnail: profile.avatar_url,
          additional_attributes: {
            description: null,
            company_name: null,
            social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
          },
          custom_attributes: {},
          type: 'user',
        },
        echo_id: echoId,
        ...(files.length > 0
          ? { localFiles: files.map((file) => ({ name: file.name, size: file.size })) }
          : {}),
      };
      queryClient.setQueryData<MessagesState>(key, (s) => addPending(s ?? EMPTY_MESSAGES, pending));
      void post(echoId, content, isPrivate);
    },
    [conversation, displayId, accountId, profile, queryClient, key, post],
  );

  const retry = useCallback(
    (message: ClientMessage) => {
      if (!message.echo_id) return;
      queryClient.setQueryData<MessagesState>(key, (s) =>
        setPendingStatus(s ?? EMPTY_MESSAGES, message.echo_id!, 'sending'),
      );
      void post(message.echo_id, message.content ?? '', message.private);
    },
    [queryClient, key, post],
  );

  const discard = useCallback(
    (message: ClientMessage) => {
      if (!message.echo_id) return;
      pendingFiles.delete(message.echo_id);
      queryClient.setQueryData<MessagesState>(key, (s) =>
        removePending(s ?? EMPTY_MESSAGES, message.echo_id!),
      );
    },
    [queryClient, key],
  );

  return { send, retry, discard };
}

/**
 * Header actions. Each patches the caches at once, then takes the server's answer when it is
 * the conversation (toggle_priority), else refetches it (toggle_status, assignments, labels).
 */
export function useConversationActions(accountId: number, displayId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  const profile = useProfile();
  const at = `conversations/${displayId}` as const;
  const apply = (conversation: Conversation) =>
    applyConversation(queryClient, accountId, profile.id, conversation);
  const refetch = async () => apply(await api.get(api.account(accountId, at)));

  const rollback = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.conversation(accountId, displayId) });

  return useMutation({
    mutationFn: async (action: ConversationAction) => {
      switch (action.type) {
        case 'status':
          patchConversation(queryClient, accountId, displayId, (c) => ({
            ...c,
            status: action.status,
            snoozed_until: action.snoozedUntil ?? null,
          }));
          await api.post(api.account(accountId, `${at}/toggle_status`), {
            status: action.status,
            ...(action.snoozedUntil ? { snoozed_until: action.snoozedUntil } : {}),
          });
          return refetch();
        case 'priority':
          patchConversation(queryClient, accountId, displayId, (c) => ({
            ...c,
            priority: action.priority,
          }));
          return apply(
            await api.post(api.account(accountId, `${at}/toggle_priority`), {
              priority: action.priority,
            }),
          );
        case 'assignee':
          await api.post(api.account(accountId, `${at}/assignments`), {
            assignee_id: action.assigneeId,
          });
          return refetch();
        case 'team':
          await api.post(api.account(accountId, `${at}/assignments`), { team_id: action.teamId });
          return refetch();
        case 'labels':
          patchConversation(queryClient, accountId, displayId, (c) => ({
            ...c,
            labels: action.labels,
          }));
          await api.post(api.account(accountId, `${at}/labels`), { labels: action.labels });
          return refetch();
      }
    },
    onError: () => void rollback(),
  });
}

export type ConversationAction =
  | { type: 'status'; status: ConversationStatus; snoozedUntil?: number }
  | { type: 'priority'; priority: ConversationPriority | null }
  | { type: 'assignee'; assigneeId: number | null }
  | { type: 'team'; teamId: number | null }
  | { type: 'labels'; labels: string[] };

/** Marks the conversation read for this agent (server-side last seen) and clears the badge. */
export function useMarkSeen(accountId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  const meId = useProfile().id;
  return useCallback(
    (displayId: number) => {
      patchConversation(queryClient, accountId, displayId, (c) =>
        c.unread_count === 0 ? c : { ...c, unread_count: 0 },
      );
      api
        .post(api.account(accountId, `conversations/${displayId}/update_last_seen`))
        .then((answer) => applyConversation(queryClient, accountId, meId, answer))
        .catch(() => {
          // Only the unread badge depends on it; the next list refresh corrects it.
        });
    },
    [api, queryClient, accountId, meId],
  );
}
