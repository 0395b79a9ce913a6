import type { AttributeModel } from '@bevatel/protocol';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';

/** The account's definitions of both models (small, shared, kept fresh by realtime events). */
export function useAttributeDefinitions(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.attributeDefinitions(accountId),
    queryFn: () => api.get(api.account(accountId, 'custom_attribute_definitions')),
    staleTime: 60_000,
  });
}

/** The definitions of one model, in their order. */
export function useDefinitionsOf(accountId: number, model: AttributeModel) {
  const query = useAttributeDefinitions(accountId);
  const definitions = useMemo(
    () => (query.data ?? []).filter((definition) => definition.attribute_model === model),
    [query.data, model],
  );
  return { ...query, definitions };
}
