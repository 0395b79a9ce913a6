import type { AppSettingValue, DashboardApp, DashboardAppManifest } from '@bevatel/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import type { AppRequestBody, UrlRules } from './form';

/** Everyone who lists dashboard apps of the account (this page, the conversation tabs). */
export const dashboardAppsKey = (accountId: number) => ['dashboard-apps', accountId] as const;
const urlRulesKey = (accountId: number) => ['dashboard-apps', accountId, 'url-rules'] as const;

export function useDashboardApps(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: dashboardAppsKey(accountId),
    queryFn: () => api.get(api.account(accountId, 'dashboard_apps')),
  });
}

/** The server's URL rules; until they arrive the page's own origin is the one known rule. */
export function useUrlRules(accountId: number): UrlRules {
  const api = useApi();
  const { data } = useQuery({
    queryKey: urlRulesKey(accountId),
    queryFn: () => api.get(api.account(accountId, 'dashboard_apps/url_rules')),
    staleTime: Infinity,
  });
  const own = window.location.origin;
  return {
    dashboardOrigins: [own, ...(data?.dashboard_origins ?? [])],
    allowedHttpHosts: data?.allowed_http_hosts ?? null,
  };
}

function useInvalidate(accountId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: dashboardAppsKey(accountId) });
}

export function useSaveApp(accountId: number) {
  const api = useApi();
  const invalidate = useInvalidate(accountId);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: AppRequestBody }) =>
      id === null
        ? api.post(api.account(accountId, 'dashboard_apps'), body)
        : api.patch(api.account(accountId, `dashboard_apps/${id}`), body),
    onSuccess: invalidate,
  });
}

/**
 * Changes the cached list at once and puts it back if the server refuses, so a switch or a
 * drag answers under the hand; the server's list replaces the guess afterwards.
 */
function useOptimisticList<V>(
  accountId: number,
  request: (variables: V) => Promise<unknown>,
  guess: (apps: DashboardApp[], variables: V) => DashboardApp[],
) {
  const queryClient = useQueryClient();
  const key = dashboardAppsKey(accountId);
  return useMutation({
    mutationFn: request,
    onMutate: async (variables: V) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const before = queryClient.getQueryData<DashboardApp[]>(key);
      if (before) queryClient.setQueryData(key, guess(before, variables));
      return { before };
    },
    onError: (_error, _variables, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** The enable switch: a disabled app keeps its configuration but appears nowhere. */
export function useToggleApp(accountId: number) {
  const api = useApi();
  return useOptimisticList(
    accountId,
    ({ id, enabled }: { id: number; enabled: boolean }) =>
      api.patch(api.account(accountId, `dashboard_apps/${id}`), { enabled }),
    (apps, { id, enabled }) => apps.map((app) => (app.id === id ? { ...app, enabled } : app)),
  );
}

/** The account's order of apps (tabs, panels, navigation): every app id once. */
export function useReorderApps(accountId: number) {
  const api = useApi();
  return useOptimisticList(
    accountId,
    ({ ids }: { ids: number[]; movedId: number }) =>
      api.put(api.account(accountId, 'dashboard_apps/order'), { ids }),
    (apps, { ids }) =>
      ids.flatMap((id, index) => {
        const app = apps.find((a) => a.id === id);
        return app ? [{ ...app, position: index + 1 }] : [];
      }),
  );
}

export function useDeleteApp(accountId: number) {
  const api = useApi();
  const invalidate = useInvalidate(accountId);
  return useMutation({
    mutationFn: (id: number) => api.delete(api.account(accountId, `dashboard_apps/${id}`)),
    onSuccess: invalidate,
  });
}

/** Creates or rotates the signing secret; the answer is the only time it is ever seen. */
export function useRotateSecret(accountId: number) {
  const api = useApi();
  const invalidate = useInvalidate(accountId);
  return useMutation({
    mutationFn: (id: number) => api.post(api.account(accountId, `dashboard_apps/${id}/secret`)),
    onSuccess: invalidate,
  });
}

/** Installs an app from its manifest, with the values of its settings (the consent screen's). */
export function useInstallManifest(accountId: number) {
  const api = useApi();
  const invalidate = useInvalidate(accountId);
  return useMutation({
    mutationFn: (body: {
      manifest: DashboardAppManifest;
      settings: Record<string, AppSettingValue>;
    }) => api.post(api.account(accountId, 'dashboard_apps/manifest'), body),
    onSuccess: invalidate,
  });
}

/** Any app as a manifest (no values, no rule): what another account needs to install it. */
export function useExportManifest(accountId: number) {
  const api = useApi();
  return useMutation({
    mutationFn: (id: number) => api.get(api.account(accountId, `dashboard_apps/${id}/manifest`)),
  });
}
