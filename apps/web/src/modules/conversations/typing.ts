/**
 * Typing indicators in the dashboard: the agent's typing goes out (Chatwoot's
 * toggle_typing_status, at most once per burst, off after a pause or a send), and who else is
 * typing in a conversation (the website visitor, another agent) is kept in the query cache by
 * the realtime event, for the thread to say.
 */
import type { TypingData } from '@bevatel/protocol';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useApi } from '../../lib/api-context';

const IDLE_MS = 3000;
const typingKey = (accountId: number, displayId: number) =>
  ['typing', accountId, displayId] as const;

export function applyTyping(
  queryClient: QueryClient,
  accountId: number,
  meId: number,
  data: TypingData,
): void {
  if (data.user.type === 'user' && data.user.id === meId) return;
  queryClient.setQueryData(
    typingKey(accountId, data.conversation_id),
    data.typing ? { name: data.user.name, isPrivate: data.is_private } : null,
  );
}

/** Who is typing in the conversation now (null: nobody). */
export function useSomeoneTyping(accountId: number, displayId: number) {
  return useQuery<{ name: string; isPrivate: boolean } | null>({
    queryKey: typingKey(accountId, displayId),
    queryFn: () => null,
    staleTime: Infinity,
    initialData: null,
  }).data;
}

/** Tells the others that the agent types; call `typed()` on input and `stopped()` on send. */
export function useTypingSignal(accountId: number, displayId: number) {
  const api = useApi();
  const state = useRef<{ on: boolean; timer?: ReturnType<typeof setTimeout>; note: boolean }>({
    on: false,
    note: false,
  });
  const post = useCallback(
    (on: boolean, note: boolean) =>
      void api
        .post(api.account(accountId, `conversations/${displayId}/toggle_typing_status`), {
          typing_status: on ? 'on' : 'off',
          is_private: note,
        })
        .catch(() => undefined),
    [api, accountId, displayId],
  );
  const stopped = useCallback(() => {
    clearTimeout(state.current.timer);
    if (state.current.on) post(false, state.current.note);
    state.current.on = false;
  }, [post]);
  const typed = useCallback(
    (note: boolean) => {
      if (!state.current.on || state.current.note !== note) {
        state.current.on = true;
        state.current.note = note;
        post(true, note);
      }
      clearTimeout(state.current.timer);
      state.current.timer = setTimeout(stopped, IDLE_MS);
    },
    [post, stopped],
  );
  useEffect(() => stopped, [stopped]);
  return { typed, stopped };
}
