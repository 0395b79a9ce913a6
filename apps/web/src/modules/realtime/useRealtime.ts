import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '../../lib/query-keys';
import { applyEnvelope, catchUp } from './apply';
import { RealtimeClient, type RealtimeStatus } from './client';

/**
 * What the header shows: nothing while the first connection is made, a notice once it is down
 * (the socket dropped, or the server says live updates are interrupted).
 */
export type ConnectionState = 'starting' | 'open' | 'down';

export function nextState(previous: ConnectionState, status: RealtimeStatus): ConnectionState {
  if (status === 'open') return 'open';
  if (status === 'closed' || status === 'interrupted') return 'down';
  return previous === 'starting' ? 'starting' : 'down';
}

/** Keeps one socket open for the account in view; returns its state for the header. */
export function useRealtime(accountId: number, meId: number): ConnectionState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ConnectionState>('starting');
  const me = useRef(meId);
  useEffect(() => {
    me.current = meId;
  }, [meId]);

  useEffect(() => {
    const client = new RealtimeClient(accountId, {
      onEnvelope: (envelope) => applyEnvelope(queryClient, accountId, me.current, envelope),
      onCatchUp: () => catchUp(queryClient),
      onStatus: (status) => setState((previous) => nextState(previous, status)),
      onUnauthorized: () => queryClient.setQueryData(queryKeys.profile, null),
    });
    client.start();
    return () => client.stop();
  }, [accountId, queryClient]);

  return state;
}
