import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** Account-wide lists (inboxes, agents, teams, labels): small, shared, rarely changing. */
const STALE = 60_000;

export function useInboxes(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.inboxes(accountId),
    queryFn: async () => (await api.get(api.account(accountId, 'inboxes'))).payload,
    staleTime: STALE,
  });
}

export function useAgents(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.agents(accountId),
    queryFn: () => api.get(api.account(accountId, 'agents')),
    staleTime: STALE,
  });
}

export function useTeams(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.teams(accountId),
    queryFn: () => api.get(api.account(accountId, 'teams')),
    staleTime: STALE,
  });
}

export function useLabels(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.labels(accountId),
    queryFn: async () => (await api.get(api.account(accountId, 'labels'))).payload,
    staleTime: STALE,
  });
}
