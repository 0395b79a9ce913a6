import { Spinner } from '../components/States';
import { useHostT } from './i18n';
import type { LoadStatus } from './stage/stage-store';
import { useFramingCheck } from './url-check';

/**
 * What covers a frame while it loads, or when it did not (Retry, Open in new tab): too slow,
 * its server does not answer, or (found for an administrator) it refuses to be framed.
 */
export function FrameState({
  title,
  url,
  status,
  onRetry,
}: {
  title: string;
  url: string;
  status: LoadStatus;
  onRetry: () => void;
}) {
  const { t } = useHostT();
  const framing = useFramingCheck(url, status === 'refused');
  if (status === 'loading') {
    return (
      <div className="dapp-frame-overlay">
        <Spinner label={t('loading', { title })} />
        <span aria-hidden="true">{t('loading', { title })}</span>
      </div>
    );
  }
  if (status === 'timeout' || status === 'unreachable' || status === 'refused') {
    // Titles cannot hold bidi controls (refused when saved); the sentence keeps its order.
    const name = title;
    const origin = URL.canParse(url) ? new URL(url).origin : url;
    const refusal = framing?.refused_by;
    const [heading, body] =
      status === 'timeout'
        ? [t('timeoutTitle', { title: name }), t('timeoutBody')]
        : status === 'unreachable'
          ? [t('unreachableTitle', { title: name }), t('unreachableBody', { origin })]
          : [
              t('refusedTitle', { title: name }),
              refusal
                ? t('refusedBody', {
                    header: refusal.header,
                    value: refusal.value,
                    dashboard: framing.dashboard_origin,
                  })
                : '',
            ];
    return (
      <div className="dapp-frame-overlay dapp-frame-state" role="alert" data-problem={status}>
        <p className="dapp-frame-state-title">{heading}</p>
        {body ? <p className="dapp-frame-state-body">{body}</p> : null}
        <div className="dapp-frame-state-actions">
          <button type="button" className="button" onClick={onRetry}>
            {t('retry')}
          </button>
          <a className="button" href={url} target="_blank" rel="noopener noreferrer">
            {t('openInNewTab')}
          </a>
        </div>
      </div>
    );
  }
  return null;
}

/** An app whose URL the dashboard must not embed (rule 4). */
export function NotEmbeddable({ title }: { title: string }) {
  const { t } = useHostT();
  return (
    <div className="dapp-frame-state" role="alert">
      <p className="dapp-frame-state-title">{t('notEmbeddable', { title })}</p>
    </div>
  );
}
