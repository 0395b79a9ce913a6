import { FRAME_LOAD_TIMEOUT_MS } from '@bevatel/protocol';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Spinner } from '../components/States';
import type { FrameContext, FrameHandle } from './bridge/host-bridge';
import { embeddableOrigin } from './bridge/origin';
import { sharedHostBridge } from './bridge/shared';
import {
  APP_FRAME_REFERRER_POLICY,
  APP_FRAME_SANDBOX,
  frameAllowAttribute,
} from './frame-attributes';
import { useHostT } from './i18n';

type LoadStatus = 'loading' | 'loaded' | 'timeout';

export interface AppFrameProps {
  appId: number;
  title: string;
  url: string;
  allow: readonly string[];
  /** The conversation this frame is for; a new conversation means a new AppFrame. */
  conversationKey: string;
  context: FrameContext | null;
}

/**
 * One iframe of a dashboard app, registered with the host bridge for as long as it exists: the
 * context goes to it on every `load`, in answer to its fetch-info requests, and (throttled)
 * whenever `context` changes. Retry makes a new iframe element, so the app loads from scratch.
 */
export function AppFrame({ appId, title, url, allow, conversationKey, context }: AppFrameProps) {
  const { t } = useHostT();
  const origin = useMemo(() => embeddableOrigin(url, window.location.origin), [url]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const iframeRef = useRef<HTMLIFrameElement>(null);
  const handleRef = useRef<FrameHandle | null>(null);
  const contextRef = useRef(context);

  // Registered before the browser can fire `load` (layout effects run before it gets a turn).
  useLayoutEffect(() => {
    const iframe = iframeRef.current;
    if (!iframe || origin === null) return;
    const handle = sharedHostBridge().register({ appId, origin, frame: iframe, conversationKey });
    handle.update(contextRef.current);
    handleRef.current = handle;
    return () => {
      handle.unregister();
      handleRef.current = null;
    };
  }, [appId, origin, conversationKey, attempt]);

  useEffect(() => {
    contextRef.current = context;
    handleRef.current?.update(context);
  }, [context]);

  useEffect(() => {
    if (status !== 'loading') return;
    const timer = setTimeout(() => setStatus('timeout'), FRAME_LOAD_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [status, attempt]);

  if (origin === null) {
    return (
      <div className="dapp-frame-state" role="alert">
        <p className="dapp-frame-state-title">{t('notEmbeddable', { title })}</p>
      </div>
    );
  }

  return (
    <div className="dapp-frame" data-status={status}>
      <iframe
        key={attempt}
        ref={iframeRef}
        className="dapp-frame-iframe"
        src={url}
        title={title}
        sandbox={APP_FRAME_SANDBOX}
        referrerPolicy={APP_FRAME_REFERRER_POLICY}
        allow={frameAllowAttribute(allow)}
        onLoad={() => {
          setStatus('loaded');
          handleRef.current?.loaded();
        }}
      />
      {status === 'loading' ? (
        <div className="dapp-frame-overlay">
          <Spinner label={t('loading', { title })} />
          <span aria-hidden="true">{t('loading', { title })}</span>
        </div>
      ) : null}
      {status === 'timeout' ? (
        <div className="dapp-frame-overlay dapp-frame-state" role="alert">
          <p className="dapp-frame-state-title">{t('timeoutTitle', { title })}</p>
          <p className="dapp-frame-state-body">{t('timeoutBody')}</p>
          <div className="dapp-frame-state-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setStatus('loading');
                setAttempt((n) => n + 1);
              }}
            >
              {t('retry')}
            </button>
            <a className="button" href={url} target="_blank" rel="noopener noreferrer">
              {t('openInNewTab')}
            </a>
          </div>
        </div>
      ) : null}
    </div>
  );
}
