import { queryKeys } from '../../lib/query-keys';
import type { DashboardApp, DashboardAppLocation } from '@bevatel/protocol';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../modules/conversations/hooks';
import { tokenRefreshDelay, type IssuedToken } from './refresh';

export interface ContextTokenState {
  /** The token to put in `data.token`; undefined while loading, on error, or without secret. */
  token: string | undefined;
  /** True when the payload may go out: the app has no secret, or the token came (or failed). */
  settled: boolean;
}

const NO_SECRET: ContextTokenState = { token: undefined, settled: true };

/**
 * The signed context token of one app for one conversation, minted by the server (the browser
 * never sees the secret). Fetched per (app, conversation), so a conversation switch gets a new
 * one, and again at 80% of its lifetime, also while the tab is in the background.
 */
export function useContextToken(
  accountId: number,
  app: DashboardApp,
  displayId: number,
  enabled: boolean,
  /** Which of the app's conversation locations it is shown in (the server checks it). */
  location: DashboardAppLocation = 'conversation.tab',
): ContextTokenState {
  const api = useApiClient();
  const query = useQuery({
    queryKey: queryKeys.contextToken(accountId, app.id, { location, conversationId: displayId }),
    queryFn: async (): Promise<IssuedToken> => {
      const body = await api.post(
        api.account(accountId, `dashboard_apps/${app.id}/context_token`),
        { conversation_id: displayId, location },
      );
      return { token: body.token, expires_at: body.expires_at, receivedAt: Date.now() };
    },
    enabled: enabled && app.has_secret,
    staleTime: (q) => (q.state.data ? tokenRefreshDelay(q.state.data) : 0),
    refetchInterval: (q) => (q.state.data ? tokenRefreshDelay(q.state.data) : false),
    refetchIntervalInBackground: true,
    // A token is for the frame that is open now; none lingers in the cache after it closes.
    gcTime: 0,
    retry: 2,
  });
  if (!app.has_secret) return NO_SECRET;
  return { token: query.data?.token, settled: query.data !== undefined || query.isError };
}
