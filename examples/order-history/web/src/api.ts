/** The app's own backend, asked with the dashboard's signed context token. */
import type { OrdersResponse } from '../../shared/orders-api';

export type OrdersOutcome =
  | { kind: 'ok'; data: OrdersResponse }
  | { kind: 'unauthorized' }
  | { kind: 'error'; status: number };

export interface ContactHints {
  /** Only seeds a new contact's demo orders; the backend takes the contact from the token. */
  email: string | null;
  identifier: string | null;
}

export async function fetchOrders(
  token: string,
  hints: ContactHints,
  signal: AbortSignal,
): Promise<OrdersOutcome> {
  const query = new URLSearchParams();
  if (hints.email) query.set('email', hints.email);
  if (hints.identifier) query.set('identifier', hints.identifier);
  const response = await fetch(`/api/orders?${query}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal,
  });
  if (response.status === 401) return { kind: 'unauthorized' };
  if (!response.ok) return { kind: 'error', status: response.status };
  return { kind: 'ok', data: (await response.json()) as OrdersResponse };
}
