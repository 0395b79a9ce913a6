import type { SearchResponse } from '@bevatel/protocol/schemas';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** `GET search?q=` (Chatwoot's shape): what the agent may see, across tabs and statuses. */
export type SearchResults = SearchResponse['payload'];

export function useSearch(accountId: number, q: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.search(accountId, q),
    queryFn: async () => (await api.get(api.account(accountId, 'search'), { q })).payload,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
