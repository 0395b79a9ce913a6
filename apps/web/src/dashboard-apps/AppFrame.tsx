import {
  BEFORE_SEND_TIMEOUT_MS,
  FRAME_LOAD_TIMEOUT_MS,
  MAX_BEFORE_SEND_REASON_LENGTH,
  type AppEventName,
  type AppLocation,
  type DashboardApp,
} from '@bevatel/protocol';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { registerSendGuard } from '../modules/conversations/hooks';
import type { FrameContext, FrameHandle } from './bridge/host-bridge';
import { embeddableOrigin } from './bridge/origin';
import { sharedHostBridge } from './bridge/shared';
import {
  APP_FRAME_REFERRER_POLICY,
  APP_FRAME_SANDBOX,
  frameAllowAttribute,
} from './frame-attributes';
import { FrameState, NotEmbeddable } from './FrameState';
import { beforeSendObjection } from './level2/before-send';
import { createLevel2Delegate } from './level2/delegate';
import { useLevel2Inputs, type FrameActions } from './level2/useLevel2Delegate';
import { probeReachable } from './reachability';
import type { LoadStatus } from './stage/stage-store';
import { useFramingCheck } from './url-check';

export interface AppFrameProps {
  app: DashboardApp;
  url: string;
  /** The conversation the frame serves now (a persistent level-2 frame may be moved on). */
  conversationKey: string;
  context: FrameContext | null;
  /** Whether the agent sees the frame now (its tab is selected). */
  active: boolean;
  location: AppLocation;
  actions: FrameActions;
  /** Inline style of the iframe (a modal sets its height). */
  frameStyle?: CSSProperties;
  /** Given by a stage that shows the frame's state elsewhere (its slot); else shown here. */
  attempt?: number;
  onStatus?: (status: LoadStatus) => void;
  /** The document says whether it handles conversation switches itself. */
  onHandlesSwitches?: (handles: boolean) => void;
}

const NO_SUBSCRIPTIONS: ReadonlySet<AppEventName> = new Set();

/**
 * One iframe of a dashboard app, registered with the host bridge for as long as it exists: the
 * context goes to it on every `load`, in answer to its fetch-info requests, and (once per
 * settled change) whenever `context` changes; after its hello, level 2: requests, events,
 * and the composer check it subscribed to. Retry makes a new iframe element, so the app loads
 * from scratch.
 */
export function AppFrame({
  app,
  url,
  conversationKey,
  context,
  active,
  location,
  actions,
  frameStyle,
  attempt: givenAttempt,
  onStatus,
  onHandlesSwitches,
}: AppFrameProps) {
  const { id: appId, title } = app;
  const origin = useMemo(() => embeddableOrigin(url, window.location.origin), [url]);
  const [ownAttempt, setOwnAttempt] = useState(0);
  const attempt = givenAttempt ?? ownAttempt;
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [subscriptions, setSubscriptions] = useState(NO_SUBSCRIPTIONS);
  const iframeRef = useRef<HTMLIFrameElement>(null);
  const handleRef = useRef<FrameHandle | null>(null);
  const contextRef = useRef(context);
  const keyRef = useRef(conversationKey);
  const level2 = useLevel2Inputs({
    app,
    origin: origin ?? '',
    location,
    context,
    actions,
    onSubscriptions: setSubscriptions,
  });

  // Registered before the browser can fire `load` (layout effects run before it gets a turn),
  // once per iframe element: a move to another conversation keeps the registration.
  useLayoutEffect(() => {
    const iframe = iframeRef.current;
    if (!iframe || origin === null) return;
    const handle = sharedHostBridge().register({
      appId,
      origin,
      frame: iframe,
      conversationKey: keyRef.current,
      level2: createLevel2Delegate(() => level2.current),
    });
    handle.update(contextRef.current);
    handleRef.current = handle;
    return () => {
      handle.unregister();
      handleRef.current = null;
    };
  }, [appId, origin, attempt, level2]);

  // Before the new conversation's context reaches it (effects run in order).
  useEffect(() => {
    if (keyRef.current === conversationKey) return;
    keyRef.current = conversationKey;
    handleRef.current?.retarget(conversationKey);
  }, [conversationKey]);

  useEffect(() => {
    contextRef.current = context;
    handleRef.current?.update(context);
  }, [context]);

  // It answered and "loaded": an administrator also learns whether it refuses framing.
  const framing = useFramingCheck(url, status === 'loaded');
  const shown: LoadStatus =
    status === 'loaded' && framing?.problem === 'refuses_framing' ? 'refused' : status;
  useEffect(() => onStatus?.(shown), [onStatus, shown]);
  const handlesSwitches = subscriptions.has('conversation.changed');
  useEffect(() => onHandlesSwitches?.(handlesSwitches), [onHandlesSwitches, handlesSwitches]);

  // app.activated / app.deactivated, to a document that asked for them.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current === active) return;
    wasActive.current = active;
    handleRef.current?.emit({
      name: active ? 'app.activated' : 'app.deactivated',
      payload: { location },
    });
  }, [active, location]);

  // composer.beforeSend: while the document subscribes, replies in its conversation wait for
  // its answer (2 s at most).
  const guards = subscriptions.has('composer.beforeSend');
  useEffect(() => {
    if (!guards) return;
    return registerSendGuard(conversationKey, async (check) => {
      const handle = handleRef.current;
      if (!handle) return null;
      const outcome = await handle.ask('composer.beforeSend', check, BEFORE_SEND_TIMEOUT_MS);
      return beforeSendObjection(app, outcome, MAX_BEFORE_SEND_REASON_LENGTH);
    });
  }, [guards, conversationKey, app]);

  useEffect(() => {
    if (status !== 'loading') return;
    const timer = setTimeout(() => setStatus('timeout'), FRAME_LOAD_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [status, attempt]);

  // Beside each load: does the app's server answer at all? (An error page fires `load` too.)
  useEffect(() => {
    if (origin === null) return;
    let live = true;
    void probeReachable(url).then((reach) => {
      if (live && reach === 'unreachable') setStatus('unreachable');
    });
    return () => {
      live = false;
    };
  }, [origin, url, attempt]);

  const [shownAttempt, setShownAttempt] = useState(attempt);
  if (shownAttempt !== attempt) {
    setShownAttempt(attempt);
    setStatus('loading');
  }

  if (origin === null) return <NotEmbeddable title={title} />;

  return (
    <div className="dapp-frame" data-status={shown}>
      <iframe
        key={attempt}
        ref={iframeRef}
        className="dapp-frame-iframe"
        src={url}
        title={title}
        sandbox={APP_FRAME_SANDBOX}
        referrerPolicy={APP_FRAME_REFERRER_POLICY}
        allow={frameAllowAttribute(app.allow)}
        style={frameStyle}
        onLoad={() => {
          setStatus((current) => (current === 'unreachable' ? current : 'loaded'));
          setSubscriptions(NO_SUBSCRIPTIONS);
          handleRef.current?.loaded();
        }}
      />
      {givenAttempt === undefined ? (
        <FrameState
          title={title}
          url={url}
          status={shown}
          onRetry={() => setOwnAttempt((n) => n + 1)}
        />
      ) : null}
    </div>
  );
}
