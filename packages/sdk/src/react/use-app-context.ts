import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnyAppContextData, AppContextData } from '@bevatel/protocol';
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

export interface UseAppContextResult<Context extends AnyAppContextData = AppContextData> {
  /** The latest context, or null while waiting for the first one. */
  context: Context | null;
  /** Asks the dashboard again; resolves with the next context. */
  fetchContext: (options?: FetchContextOptions) => Promise<Context>;
  status: AppContextStatus;
}

/**
 * Connects on mount, disconnects on unmount; re-renders on every context the dashboard sends.
 * With `pages: true` also the contact page's and the full page's (`conversation: null`).
 */
export function useAppContext(
  options: UseAppContextOptions & { pages: true },
): UseAppContextResult<AnyAppContextData>;
export function useAppContext(options?: UseAppContextOptions): UseAppContextResult;
export function useAppContext(
  options: UseAppContextOptions = {},
): UseAppContextResult<AnyAppContextData> {
  const {
    trustedOrigins,
    targetOrigin,
    window: win,
    fetchOnMount = true,
    timeoutMs,
    pages = false,
  } = options;
  const [context, setContext] = useState<AnyAppContextData | null>(null);
  const connection = useRef<DashboardAppConnection<AnyAppContextData> | null>(null);
  // Compare origins by value: callers usually pass a fresh array literal on every render.
  const trustedKey = trustedOrigins ? JSON.stringify(trustedOrigins) : '';

  useEffect(() => {
    const origins = trustedKey ? (JSON.parse(trustedKey) as string[]) : undefined;
    const current: DashboardAppConnection<AnyAppContextData> = connect({
      trustedOrigins: origins,
      targetOrigin,
      window: win,
      pages,
    });
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
  }, [trustedKey, targetOrigin, win, fetchOnMount, timeoutMs, pages]);

  const fetchContext = useCallback((fetchOptions?: FetchContextOptions) => {
    const current = connection.current;
    if (!current) return Promise.reject(new Error('useAppContext is not mounted'));
    return current.fetchContext(fetchOptions);
  }, []);

  return { context, fetchContext, status: context ? 'ready' : 'waiting' };
}
