import type { Agent, AvailabilityStatus, PresenceData, Profile } from '@bevatel/protocol';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** The signed-in agent's availability in `accountId`, as colleagues see it. */
export function myAvailability(profile: Profile, accountId: number): AvailabilityStatus {
  return profile.accounts.find((a) => a.id === accountId)?.availability_status ?? 'offline';
}

/** Chooses online, busy or offline in one account (Chatwoot's profile/availability). */
export function useSetAvailability(accountId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (availability: AvailabilityStatus) =>
      api.post('/api/v1/profile/availability', {
        profile: { availability, account_id: accountId },
      }),
    onSuccess: (profile) => queryClient.setQueryData(queryKeys.profile, profile),
  });
}

/** `presence.update`: the agents list and, for me, my profile follow. */
export function applyPresence(
  queryClient: QueryClient,
  accountId: number,
  meId: number,
  data: PresenceData,
): void {
  const statusOf = (id: number) => data.users[String(id)];
  queryClient.setQueryData<Agent[]>(queryKeys.agents(accountId), (agents) =>
    agents?.map((agent) => {
      const status = statusOf(agent.id);
      return status ? { ...agent, availability_status: status } : agent;
    }),
  );
  const mine = statusOf(meId);
  if (!mine) return;
  queryClient.setQueryData<Profile | null>(queryKeys.profile, (profile) =>
    profile
      ? {
          ...profile,
          accounts: profile.accounts.map((a) =>
            a.id === accountId ? { ...a, availability_status: mine } : a,
          ),
        }
      : profile,
  );
}
