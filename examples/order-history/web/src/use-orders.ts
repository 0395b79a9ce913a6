/** Loads the orders of the contact in view whenever the dashboard sends a new token. */
import { useCallback, useEffect, useState } from 'react';
import type { AppContextData } from '@bevatel/dashboard-app-sdk';
import type { OrdersResponse } from '../../shared/orders-api';
import { fetchOrders } from './api';
import type { OrdersOutcome } from './api';

export type OrdersView =
  | { state: 'loading' }
  | { state: 'unauthorized'; reason: 'no_token' | 'refused' }
  | { state: 'error'; retry: () => void }
  | { state: 'ready'; data: OrdersResponse };

interface Loaded {
  contactKey: string;
  attempt: number;
  outcome: OrdersOutcome;
}

export function useOrders(context: AppContextData): OrdersView {
  const token = context.token;
  // Which contact the page shows; the backend decides whose orders from the token alone.
  const contactKey = `${context.account.id}:${context.contact.id}`;
  const { email, identifier } = context.contact;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    fetchOrders(token, { email, identifier }, controller.signal).then(
      (outcome) => setLoaded({ contactKey, attempt, outcome }),
      () => {
        if (!controller.signal.aborted) {
          setLoaded({ contactKey, attempt, outcome: { kind: 'error', status: 0 } });
        }
      },
    );
    return () => controller.abort();
  }, [token, contactKey, email, identifier, attempt]);

  if (!token) return { state: 'unauthorized', reason: 'no_token' };
  // Never show one customer's orders while another customer is in view.
  if (!loaded || loaded.contactKey !== contactKey) return { state: 'loading' };
  const { outcome } = loaded;
  if (outcome.kind === 'ok') return { state: 'ready', data: outcome.data };
  if (loaded.attempt !== attempt) return { state: 'loading' };
  if (outcome.kind === 'unauthorized') return { state: 'unauthorized', reason: 'refused' };
  return { state: 'error', retry };
}
