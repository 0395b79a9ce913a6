import {
  plainAppSettings,
  type AppContextInput,
  type Conversation,
  type DashboardApp,
  type DashboardAppLocation,
} from '@bevatel/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { queryKeys } from '../../lib/query-keys';
import { useAppContextInput } from '../../modules/conversations/hooks';
import type { FrameContext } from '../bridge/host-bridge';
import { useContextToken } from '../token/useContextToken';
import { describeChange, type ContextChange } from './change';
import { appContextPayload, conversationKey, withoutPrivateNotes } from './payload';
import { createChangeSettler, type SettledInput } from './settle';

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

type Settled = SettledInput<AppContextInput, ContextChange>;

const sameConversation = (a: AppContextInput, b: AppContextInput) =>
  a.conversation.id === b.conversation.id &&
  a.conversation.account_id === b.conversation.account_id;

/**
 * The settled input of the context, with what changed since the previous one: a burst of
 * updates from one change (message, conversation, read mark) becomes one value.
 */
function useSettledInput(input: AppContextInput | null): Settled | null {
  const [settled, setSettled] = useState<Settled | null>(null);
  const [settler] = useState(() =>
    createChangeSettler(sameConversation, describeChange, setSettled),
  );
  useEffect(() => () => settler.cancel(), [settler]);
  useEffect(() => {
    if (input === null) return;
    const key = conversationKey(input.conversation.account_id, input.conversation.id);
    // The agent's read mark is on its way while the open conversation shows unread messages.
    settler.offer(input, key, input.conversation.unread_count > 0);
  }, [settler, input]);
  return settled;
}

/**
 * The appContext string for one app in the conversation in view, or null while anything it is
 * made of is still loading (never a partial context: the contact is never `{}`). The only place
 * payloads are built: once per settled change of the react-query data behind them (a new
 * message, status, assignee, labels, priority, attributes, an edited contact, a new token),
 * with the reason and the level-2 events of that change; the frames push what it returns.
 */
export function useAppContextPayload(
  accountId: number,
  displayId: number,
  app: DashboardApp,
  placeholder?: Conversation,
  location: DashboardAppLocation = 'conversation.tab',
): FrameContext | null {
  const confirmed = useConversationConfirmed(accountId, displayId);
  const input = useAppContextInput(accountId, displayId, placeholder);
  const { token, settled: tokenSettled } = useContextToken(
    accountId,
    app,
    displayId,
    confirmed,
    location,
  );
  const settings = useMemo(() => plainAppSettings(app.settings ?? []), [app.settings]);
  // Without notes:read an app never learns of private notes, not even that one was added.
  const readsNotes = app.permissions.includes('notes:read');
  const ready = useMemo(() => {
    if (!confirmed || input === null || !tokenSettled) return null;
    return { ...(readsNotes ? input : withoutPrivateNotes(input)), token, location, settings };
  }, [confirmed, input, tokenSettled, token, readsNotes, location, settings]);
  const settled = useSettledInput(ready);
  return useMemo(() => {
    if (!settled || !ready) return null;
    const { input: current, change } = settled;
    // The input may lag one render behind a switch; its own ids decide where it may go.
    const key = conversationKey(current.conversation.account_id, current.conversation.id);
    return {
      conversationKey: key,
      payload: appContextPayload(current),
      ...(change ? { reason: change.reason, events: change.events } : {}),
    };
  }, [settled, ready]);
}
