import type { DashboardApp, DashboardAppLocation } from '@bevatel/protocol';
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { FrameState } from '../FrameState';
import type { FrameActions } from '../level2/delegate';
import { useStage } from './AppStage';

/**
 * The place of one app frame in its tab panel: the stage shows the iframe over it, and the
 * frame's loading and error states show here, inside the panel.
 */
export function AppSlot({
  app,
  index,
  url,
  location,
  accountId,
  displayId,
  active,
  actions,
}: {
  app: DashboardApp;
  index: number;
  url: string;
  location: DashboardAppLocation;
  accountId: number;
  displayId: number;
  active: boolean;
  actions: FrameActions;
}) {
  const stage = useStage();
  const ref = useRef<HTMLDivElement>(null);
  const [id, setId] = useState<string | null>(null);
  const latest = useRef({ app, actions });
  useLayoutEffect(() => {
    latest.current = { app, actions };
  });

  useLayoutEffect(() => {
    const slot = ref.current;
    const claimed = stage.claim({ ...latest.current, index, url, location, accountId, displayId });
    setId(claimed);
    return () => stage.release(claimed, slot);
  }, [stage, index, url, location, accountId, displayId]);

  useLayoutEffect(() => {
    if (id === null || !ref.current) return;
    stage.claim({ app, actions, index, url, location, accountId, displayId });
    stage.attach(id, ref.current, active);
  }, [stage, id, active, app, actions, index, url, location, accountId, displayId]);

  const read = () => (id === null ? undefined : stage.get(id));
  const frame = useSyncExternalStore(stage.subscribe, read, read);
  return (
    <div ref={ref} className="dapp-slot">
      {frame ? (
        <FrameState
          title={app.title}
          url={url}
          status={frame.status}
          onRetry={() => stage.retry(frame.id)}
        />
      ) : null}
    </div>
  );
}

/** Tells the stage which conversation is in view, for as long as the caller is mounted. */
export function useStageView(accountId: number, displayId: number): void {
  const stage = useStage();
  useLayoutEffect(() => {
    stage.showConversation({ accountId, displayId });
    return () => stage.showConversation(null);
  }, [stage, accountId, displayId]);
}
