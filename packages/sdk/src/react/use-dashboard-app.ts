import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AnyAppContextData, AppEventName, AppEventPayloads } from '@bevatel/protocol';
import { connectLevel2 } from '../level2/client';
import type { BeforeSendHandler, DashboardAppClient, Level2ConnectOptions } from '../level2/types';

export type DashboardAppStatus = 'connecting' | 'ready' | 'error';

export type UseDashboardAppOptions = Omit<Level2ConnectOptions, 'protocol'>;

export interface UseDashboardAppResult {
  /** The connected client (level 2), or null until the dashboard's ready. */
  app: DashboardAppClient | null;
  /** The latest context; null until the first one. */
  context: AnyAppContextData | null;
  status: DashboardAppStatus;
  /** Why it did not connect (outside a dashboard, an older dashboard…). */
  error: unknown;
}

/**
 * Connects with level 2 on mount (`connect({protocol: 2})`), disconnects on unmount, and
 * re-renders with every context. Options are read once per mount, except the origins, which
 * are compared by value.
 */
export function useDashboardApp(options: UseDashboardAppOptions = {}): UseDashboardAppResult {
  const [state, setState] = useState<Omit<UseDashboardAppResult, 'context'>>({
    app: null,
    status: 'connecting',
    error: null,
  });
  const [context, setContext] = useState<AnyAppContextData | null>(null);
  const first = useRef(options);
  const trustedKey = options.trustedOrigins ? JSON.stringify(options.trustedOrigins) : '';

  useEffect(() => {
    let current: DashboardAppClient | null = null;
    let stop: (() => void) | null = null;
    let live = true;
    const trusted = trustedKey ? (JSON.parse(trustedKey) as string[]) : undefined;
    connectLevel2({ ...first.current, trustedOrigins: trusted, protocol: 2 }).then(
      (app) => {
        if (!live) return app.disconnect();
        current = app;
        setContext(app.context);
        stop = app.onContext(setContext);
        setState({ app, status: 'ready', error: null });
      },
      (error: unknown) => live && setState({ app: null, status: 'error', error }),
    );
    return () => {
      live = false;
      stop?.();
      current?.disconnect();
    };
  }, [trustedKey]);

  return { ...state, context };
}

/** Calls `handler` with each event of that name while mounted (the latest handler). */
export function useAppEvent<N extends Exclude<AppEventName, 'composer.beforeSend'>>(
  app: DashboardAppClient | null,
  name: N,
  handler: (payload: AppEventPayloads[N]) => void,
): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => app?.on(name, (payload) => latest.current(payload)), [app, name]);
}

/** Checks each reply or note before it is sent, while mounted (the latest handler). */
export function useBeforeSend(app: DashboardAppClient | null, handler: BeforeSendHandler): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => app?.onBeforeSend((draft) => latest.current(draft)), [app]);
}
