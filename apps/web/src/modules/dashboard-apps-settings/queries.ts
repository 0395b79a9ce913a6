import type { DashboardApp } from '@bevatel/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import type { UrlRules } from './form';

type AppBody = { title: string; content: DashboardApp['content']; allow: string[] };

/** Everyone who lists dashboard apps of the account (this page, the conversation tabs). */
export const dashboardAppsKey = (accountId: number) => ['dashboard-apps', accountId] as const;
const urlRulesKey = (accountId: number) => ['dashboard-apps', accountId, 'url-rules'] as const;

export function useDashboardApps(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: dashboardAppsKey(accountId),
    queryFn: () => api.get<DashboardApp[]>(api.account(accountId, 'dashboard_apps')),
  });
}

/** The server's URL rules; until they arrive the page's own origin is the one known rule. */
export function useUrlRules(accountId: number): UrlRules {
  const api = useApi();
  const { data } = useQuery({
    queryKey: urlRulesKey(accountId),
    queryFn: () =>
      api.get<{ dashboard_origins: string[]; allowed_http_hosts: string[] }>(
        api.account(accountId, 'dashboard_apps/url_rules'),
      ),
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
    mutationFn: ({ id, body }: { id: number | null; body: AppBody }) =>
      id === null
        ? api.post<DashboardApp>(api.account(accountId, 'dashboard_apps'), body)
        : api.patch<DashboardApp>(api.account(accountId, `dashboard_apps/${id}`), body),
    onSuccess: invalidate,
  });
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
    mutationFn: (id: number) =>
      api.post<{ secret: string }>(api.account(accountId, `dashboard_apps/${id}/secret`)),
    onSuccess: invalidate,
  });
}
