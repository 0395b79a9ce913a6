import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** Invitations addressed to the signed-in person (the banner). */
export function useMyInvitations() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.myInvitations,
    queryFn: async () => (await api.get('/api/v1/profile/invitations')).payload,
  });
}

/** Accepts or declines one; the profile (its accounts) is refreshed either way. */
export function useAnswerInvitation() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: number; answer: 'accept' | 'decline' }) =>
      api.post(`/api/v1/profile/invitations/${id}/${answer}`),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.myInvitations });
      void queryClient.invalidateQueries({ queryKey: queryKeys.profile });
    },
  });
}

/** The account's pending invitations (Settings › Agents). */
export function useAccountInvitations(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.accountInvitations(accountId),
    queryFn: async () => (await api.get(api.account(accountId, 'invitations'))).payload,
  });
}

export function useRevokeInvitation(accountId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(api.account(accountId, `invitations/${id}`)),
    onSettled: () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountInvitations(accountId) }),
  });
}
