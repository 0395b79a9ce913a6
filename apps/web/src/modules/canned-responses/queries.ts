import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/**
 * The account's canned responses, fetched once the agent first types `/` (`enabled`) and kept
 * fresh by realtime events; the composer filters them as the agent types.
 */
export function useCannedResponses(accountId: number, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.cannedResponses(accountId),
    queryFn: () => api.get(api.account(accountId, 'canned_responses')),
    staleTime: 60_000,
    enabled,
  });
}
