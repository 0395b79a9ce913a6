import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** An administrator's one-time reset link for an agent of the account. */
export function useIssueReset(accountId: number) {
  const api = useApi();
  return useMutation({
    mutationFn: async (userId: number) =>
      (await api.post(api.account(accountId, `agents/${userId}/password_reset`))).payload,
  });
}

/** "Forgot password?": the answer is the same whether or not the e-mail has an account. */
export function useRequestReset() {
  const api = useApi();
  return useMutation({
    mutationFn: (email: string) => api.post('/auth/password_resets', { email }),
  });
}

/** What the reset link's page shows: whose password it sets, until when. */
export function useResetLink(token: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.resetLink(token),
    queryFn: async () => (await api.get(`/auth/password_resets/${encodeURIComponent(token)}`)).data,
    retry: false,
  });
}
