import type { Contact, ContactListResponse, Conversation, JsonObject } from '@bevatel/protocol';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrapPayload } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';
import { applyContact } from '../conversations/cache';

export function useContactQuery(accountId: number, contactId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.contact(accountId, contactId),
    queryFn: async () =>
      unwrapPayload<Contact>(await api.get(api.account(accountId, `contacts/${contactId}`))),
    enabled: Number.isSafeInteger(contactId) && contactId > 0,
  });
}

export function useContactConversations(accountId: number, contactId: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.contactConversations(accountId, contactId),
    queryFn: async () =>
      unwrapPayload<Conversation[]>(
        await api.get(api.account(accountId, `contacts/${contactId}/conversations`)),
      ),
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
        ? api.get<ContactListResponse>(api.account(accountId, 'contacts/search'), {
            q,
            page: params.page,
          })
        : api.get<ContactListResponse>(api.account(accountId, 'contacts'), { page: params.page });
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
      unwrapPayload<Contact>(
        await api.patch(api.account(accountId, `contacts/${contactId}`), changes),
      ),
    onSuccess: (contact) => applyContact(queryClient, accountId, contact),
  });
}
