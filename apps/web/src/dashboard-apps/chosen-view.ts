import { useCallback, useState } from 'react';

/**
 * Which view of a conversation (Messages or one app's tab) the agent chose last, so the next
 * conversation opens on it too: an agent working through orders keeps the orders app in
 * front. Per account and agent, for the browser tab's session (sessionStorage).
 */
export type ViewKey = 'messages' | `app-${number}`;

const storageKey = (accountId: number, userId: number) =>
  `bevatel.conversationView.${accountId}.${userId}`;

const isViewKey = (value: string | null): value is ViewKey =>
  value === 'messages' || (value !== null && /^app-\d+$/.test(value));

function read(key: string): ViewKey {
  try {
    const value = sessionStorage.getItem(key);
    return isViewKey(value) ? value : 'messages';
  } catch {
    return 'messages';
  }
}

export function useChosenView(
  accountId: number,
  userId: number,
): [ViewKey, (view: ViewKey) => void] {
  const key = storageKey(accountId, userId);
  const [view, setView] = useState<ViewKey>(() => read(key));
  const choose = useCallback(
    (next: ViewKey) => {
      setView(next);
      try {
        sessionStorage.setItem(key, next);
      } catch {
        // Storage unavailable: the choice holds for this conversation only.
      }
    },
    [key],
  );
  return [view, choose];
}

/** The app id of an app's view, null for Messages. */
export const appIdOfView = (view: ViewKey): number | null =>
  view === 'messages' ? null : Number(view.slice(4));
