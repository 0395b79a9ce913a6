import type { WebhookEventName } from '@bevatel/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api-context';

export interface WebhookBody {
  url: string;
  name: string | null;
  subscriptions: WebhookEventName[];
}

export const webhooksKey = (accountId: number) => ['webhooks', accountId] as const;
const logKey = (accountId: number, webhookId: number) =>
  ['webhooks', accountId, webhookId, 'deliveries'] as const;

export function useWebhooks(accountId: number) {
  const api = useApi();
  return useQuery({
    queryKey: webhooksKey(accountId),
    queryFn: async () => (await api.get(api.account(accountId, 'webhooks'))).payload.webhooks,
  });
}

function useInvalidate(accountId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: webhooksKey(accountId) });
}

/** Creates (id null) or updates; a creation's answer carries the secret, once. */
export function useSaveWebhook(accountId: number) {
  const api = useApi();
  const invalidate = useInvalidate(accountId);
  return useMutation({
    mutationFn: async ({ id, body }: { id: number | null; body: WebhookBody }) =>
      (id === null
        ? await api.post(api.account(accountId, 'webhooks'), { webhook: body })
        : await api.patch(api.account(accountId, `webhooks/${id}`), { webhook: body })
      ).payload.webhook,
    onSuccess: invalidate,
  });
}

export function useDeleteWebhook(accountId: number) {
  const api = useApi();
  const invalidate = useInvalidate(accountId);
  return useMutation({
    mutationFn: (id: number) => api.delete(api.account(accountId, `webhooks/${id}`)),
    onSuccess: invalidate,
  });
}

export function useRotateWebhookSecret(accountId: number) {
  const api = useApi();
  return useMutation({
    mutationFn: async (id: number) =>
      (await api.post(api.account(accountId, `webhooks/${id}/rotate_secret`))).payload.webhook,
  });
}

/** Pages 1..`pages` of the log, newest first, refreshed while anything is pending. */
export function useDeliveries(accountId: number, webhookId: number, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...logKey(accountId, webhookId), page],
    queryFn: () => api.get(api.account(accountId, `webhooks/${webhookId}/deliveries`), { page }),
    refetchInterval: (query) =>
      query.state.data?.payload.some((d) => d.status === 'pending') ? 2000 : false,
  });
}

export function useDeliveryDetail(accountId: number, webhookId: number, deliveryId: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...logKey(accountId, webhookId), 'detail', deliveryId],
    queryFn: async () =>
      (await api.get(api.account(accountId, `webhooks/${webhookId}/deliveries/${deliveryId}`)))
        .payload,
  });
}

export function useRedeliver(accountId: number, webhookId: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: number) =>
      api.post(api.account(accountId, `webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: logKey(accountId, webhookId) }),
  });
}
