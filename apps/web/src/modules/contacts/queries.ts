import type { JsonObject } from '@bevatel/protocol';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';
import { applyContact } from '../conversations/cache';

export function useContactQuery(accountId: number, contactId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.contact(accountId, contactId),
    queryFn: async () => (await api.get(api.account(accountId, `contacts/${contactId}`))).payload,
    enabled: Number.isSafeInteger(contactId) && contactId > 0,
  });
}

export function useContactConversations(accountId: number, contactId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.contactConversations(accountId, contactId),
    queryFn: async () =>
      (await api.get(api.account(accountId, `contacts/${contactId}/conversations`))).payload,
    enabled: Number.isSafeInteger(contactId) && contactId > 0,
  });
}

export function useContactsList(accountId: number, params: { q: string; page: number }) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.contacts(accountId, params),
    queryFn: () => {
      const q = params.q.trim();
      return q
        ? api.get(api.account(accountId, 'contacts/search'), {
            q,
            page: params.page,
          })
        : api.get(api.account(accountId, 'contacts'), { page: params.page });
    },
    placeholderData: keepPreviousData,
  });
}

export interface ContactChanges {
  name?: string | null;
  email?: string | null;
  phone_number?: string | null;
  additional_attributes?: JsonObject;
  custom_attributes?: JsonObject;
}

export function useUpdateContact(accountId: number, contactId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: ContactChanges) =>
      (await api.patch(api.account(accountId, `contacts/${contactId}`), changes)).payload,
    onSuccess: (contact) => applyContact(queryClient, accountId, contact),
  });
}
