import type { Agent, Inbox, Label, Team } from '@bevatel/protocol';
import { useQuery } from '@tanstack/react-query';
import { unwrapPayload } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** Account-wide lists (inboxes, agents, teams, labels): small, shared, rarely changing. */
const STALE = 60_000;

export function useInboxes(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.inboxes(accountId),
    queryFn: async () => unwrapPayload<Inbox[]>(await api.get(api.account(accountId, 'inboxes'))),
    staleTime: STALE,
  });
}

export function useAgents(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.agents(accountId),
    queryFn: async () => unwrapPayload<Agent[]>(await api.get(api.account(accountId, 'agents'))),
    staleTime: STALE,
  });
}

export function useTeams(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.teams(accountId),
    queryFn: async () => unwrapPayload<Team[]>(await api.get(api.account(accountId, 'teams'))),
    staleTime: STALE,
  });
}

export function useLabels(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.labels(accountId),
    queryFn: async () => unwrapPayload<Label[]>(await api.get(api.account(accountId, 'labels'))),
    staleTime: STALE,
  });
}
