import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppContextData } from '@bevatel/protocol';
import { connect } from '../connect';
import type { ConnectOptions, DashboardAppConnection, FetchContextOptions } from '../connect';

export type AppContextStatus = 'waiting' | 'ready';

export interface UseAppContextOptions extends ConnectOptions {
  /**
   * Ask the dashboard for the context when the component mounts, in case the context posted on
   * the frame's load arrived before React did. Default true.
   */
  fetchOnMount?: boolean;
  /** Timeout of that first request. Default 5000 ms. */
  timeoutMs?: number;
}

export interface UseAppContextResult {
  /** The latest context, or null while waiting for the first one. */
  context: AppContextData | null;
  /** Asks the dashboard again; resolves with the next context. */
  fetchContext: (options?: FetchContextOptions) => Promise<AppContextData>;
  status: AppContextStatus;
}

/** Connects on mount, disconnects on unmount; re-renders on every context the dashboard sends. */
export function useAppContext(options: UseAppContextOptions = {}): UseAppContextResult {
  const { trustedOrigins, targetOrigin, window: win, fetchOnMount = true, timeoutMs } = options;
  const [context, setContext] = useState<AppContextData | null>(null);
  const connection = useRef<DashboardAppConnection | null>(null);
  // Compare origins by value: callers usually pass a fresh array literal on every render.
  const trustedKey = trustedOrigins ? JSON.stringify(trustedOrigins) : '';

  useEffect(() => {
    const origins = trustedKey ? (JSON.parse(trustedKey) as string[]) : undefined;
    const current = connect({ trustedOrigins: origins, targetOrigin, window: win });
    connection.current = current;
    const unsubscribe = current.onContext(setContext);
    if (fetchOnMount) {
      // A timeout only means the app runs outside the dashboard; stay 'waiting'.
      current.fetchContext({ timeoutMs }).catch(() => undefined);
    }
    return () => {
      unsubscribe();
      current.disconnect();
      if (connection.current === current) connection.current = null;
    };
  }, [trustedKey, targetOrigin, win, fetchOnMount, timeoutMs]);

  const fetchContext = useCallback((fetchOptions?: FetchContextOptions) => {
    const current = connection.current;
    if (!current) return Promise.reject(new Error('useAppContext is not mounted'));
    return current.fetchContext(fetchOptions);
  }, []);

  return { context, fetchContext, status: context ? 'ready' : 'waiting' };
}
