import type { Notification, NotificationList, Profile } from '@bevatel/protocol';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** The first page of the agent's notifications, with the unread count the bell shows. */
export const notificationsKey = (accountId: number) => ['notifications', accountId] as const;

export function useNotifications(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: notificationsKey(accountId),
    queryFn: () => api.get(api.account(accountId, 'notifications')),
    // Realtime keeps it current; a reconnect's catch-up refetches it.
    staleTime: Infinity,
  });
}

type Cached = NotificationList | undefined;

function update(
  queryClient: QueryClient,
  accountId: number,
  change: (list: NotificationList) => NotificationList,
): void {
  queryClient.setQueryData<NotificationList>(notificationsKey(accountId), (list: Cached) =>
    list ? change(list) : list,
  );
}

const withPayload = (list: NotificationList, payload: Notification[], unread: number) => ({
  data: { meta: { ...list.data.meta, unread_count: Math.max(0, unread) }, payload },
});

/** A notification that arrived over the socket: first in the list, one more unread. */
export function addNotification(queryClient: QueryClient, accountId: number, n: Notification) {
  update(queryClient, accountId, (list) => {
    if (list.data.payload.some((item) => item.id === n.id)) return list;
    const next = withPayload(list, [n, ...list.data.payload], list.data.meta.unread_count + 1);
    return { data: { ...next.data, meta: { ...next.data.meta, count: list.data.meta.count + 1 } } };
  });
}

/** One notification read or unread again (here or in another tab). */
export function replaceNotification(queryClient: QueryClient, accountId: number, n: Notification) {
  update(queryClient, accountId, (list) => {
    const before = list.data.payload.find((item) => item.id === n.id);
    const delta = before ? (before.read_at === null ? 1 : 0) - (n.read_at === null ? 1 : 0) : 0;
    const payload = list.data.payload.map((item) => (item.id === n.id ? n : item));
    return withPayload(list, payload, list.data.meta.unread_count - delta);
  });
}

/** Everything (or one conversation's) read: the exact count comes from the server. */
export function markAllRead(
  queryClient: QueryClient,
  accountId: number,
  readAt: number,
  conversationId: number | null,
) {
  update(queryClient, accountId, (list) => {
    const payload = list.data.payload.map((item) =>
      item.read_at === null && (conversationId === null || item.primary_actor_id === conversationId)
        ? { ...item, read_at: readAt }
        : item,
    );
    return withPayload(list, payload, conversationId === null ? 0 : list.data.meta.unread_count);
  });
  if (conversationId !== null) {
    void queryClient.invalidateQueries({ queryKey: notificationsKey(accountId) });
  }
}

export function useMarkRead(accountId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.patch(api.account(accountId, `notifications/${id}`)),
    onSuccess: (n) => replaceNotification(queryClient, accountId, n),
  });
}

export function useMarkAllRead(accountId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(api.account(accountId, 'notifications/read_all')),
    onSuccess: () => markAllRead(queryClient, accountId, Math.floor(Date.now() / 1000), null),
  });
}

/** The agent's alert preferences, kept in the profile's ui_settings (server-side). */
export interface AlertPreferences {
  sound: boolean;
  browser: boolean;
}

export function alertPreferencesOf(profile: Profile | null | undefined): AlertPreferences {
  const settings = profile?.ui_settings ?? {};
  return {
    sound: settings.enable_audio_alerts === true,
    browser: settings.enable_browser_notifications === true,
  };
}

export function useSaveAlertPreferences() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<AlertPreferences>) => {
      const ui_settings = {
        ...(change.sound !== undefined ? { enable_audio_alerts: change.sound } : {}),
        ...(change.browser !== undefined ? { enable_browser_notifications: change.browser } : {}),
      };
      return api.put('/api/v1/profile', { profile: { ui_settings } });
    },
    onMutate: (change) => {
      queryClient.setQueryData<Profile | null>(queryKeys.profile, (profile) => {
        if (!profile) return profile;
        const ui_settings = { ...profile.ui_settings };
        if (change.sound !== undefined) ui_settings.enable_audio_alerts = change.sound;
        if (change.browser !== undefined) ui_settings.enable_browser_notifications = change.browser;
        return { ...profile, ui_settings };
      });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.profile }),
  });
}
