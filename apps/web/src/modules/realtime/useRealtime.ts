import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '../../lib/query-keys';
import { applyEnvelope, catchUp } from './apply';
import { RealtimeClient, type RealtimeStatus } from './client';

/** Keeps one socket open for the account in view; returns its status for the header. */
export function useRealtime(accountId: number, meId: number): RealtimeStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const me = useRef(meId);
  useEffect(() => {
    me.current = meId;
  }, [meId]);

  useEffect(() => {
    const client = new RealtimeClient(accountId, {
      onEnvelope: (envelope) => applyEnvelope(queryClient, accountId, me.current, envelope),
      onCatchUp: () => catchUp(queryClient),
      onStatus: setStatus,
      onUnauthorized: () => queryClient.setQueryData(queryKeys.profile, null),
    });
    client.start();
    return () => client.stop();
  }, [accountId, queryClient]);

  return status;
}
