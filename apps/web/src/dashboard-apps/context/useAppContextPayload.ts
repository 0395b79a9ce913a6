import type { Conversation, DashboardApp } from '@bevatel/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { queryKeys } from '../../lib/query-keys';
import { useAppContextInput } from '../../modules/conversations/hooks';
import type { FrameContext } from '../bridge/host-bridge';
import { useContextToken } from '../token/useContextToken';
import { appContextPayload, conversationKey } from './payload';

/**
 * Whether the conversation itself came from the API (GET conversations/:id, or a realtime event
 * for it), not only the list row shown as a placeholder while it loads. Rule 6: context goes out
 * only for a conversation the server has just confirmed this agent may see.
 */
function useConversationConfirmed(accountId: number, displayId: number): boolean {
  const queryClient = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  const read = useCallback(() => {
    const state = queryClient.getQueryState(queryKeys.conversation(accountId, displayId));
    return state?.status === 'success' && state.dataUpdatedAt > 0;
  }, [queryClient, accountId, displayId]);
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * The appContext string for one app in the conversation in view, or null while anything it is
 * made of is still loading (never a partial context: the contact is never `{}`). The only place
 * payloads are built: it re-renders whenever the react-query data behind them changes (a new
 * message, status, assignee, labels, priority, attributes, an edited contact, a new token), and
 * the frames push what it returns.
 */
export function useAppContextPayload(
  conversation: Conversation,
  app: DashboardApp,
): FrameContext | null {
  const accountId = conversation.account_id;
  const displayId = conversation.id;
  const confirmed = useConversationConfirmed(accountId, displayId);
  const input = useAppContextInput(conversation);
  const { token, settled } = useContextToken(accountId, app, displayId, confirmed);
  return useMemo(() => {
    if (!confirmed || input === null || !settled) return null;
    // The input may lag one render behind a switch; its own ids decide where it may go.
    const key = conversationKey(input.conversation.account_id, input.conversation.id);
    return { conversationKey: key, payload: appContextPayload({ ...input, token }) };
  }, [confirmed, input, settled, token]);
}
