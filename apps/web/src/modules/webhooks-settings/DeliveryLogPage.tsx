import type { WebhookDelivery } from '@bevatel/protocol';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Icon } from '../../components/Icon';
import { EmptyState, ErrorState, LoadingState, errorMessageKey } from '../../components/States';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { showToast } from '../../lib/toasts';
import '../dashboard-apps-settings/dashboard-apps-settings.css';
import { usePreferences } from '../preferences/preferences';
import { useAccount, useIsAdmin } from '../session/account';
import { useWebhooksT } from './i18n';
import { useDeliveries, useDeliveryDetail, useRedeliver, useWebhooks } from './queries';
import { NotAllowed, webhookLabel } from './WebhooksSettingsPage';
import './webhooks-settings.css';

/** One webhook's delivery log: what was sent, how the receiver answered, Redeliver. */
export function DeliveryLogPage() {
  const isAdmin = useIsAdmin();
  return isAdmin ? <DeliveryLog /> : <NotAllowed />;
}

function DeliveryLog() {
  const { t } = useWebhooksT();
  const account = useAccount();
  const webhookId = Number(useParams().webhookId);
  const hooks = useWebhooks(account.id);
  const webhook = hooks.data?.find((h) => h.id === webhookId);
  const [pages, setPages] = useState(1);

  return (
    <div className="page dapps-page webhooks-page">
      <p>
        <Link
          to={`/app/accounts/${account.id}/settings/integrations/webhook`}
          className="back-text-link"
        >
          <Icon name="back" size={16} /> {t('log.back')}
        </Link>
      </p>
      <div className="page-header">
        <div>
          <h1 tabIndex={-1}>{t('log.title')}</h1>
          {webhook ? (
            <p className="muted">
              {t('log.description', { name: webhookLabel(webhook) })}{' '}
              <bdi dir="ltr" className="webhook-url">
                {webhook.url}
              </bdi>
            </p>
          ) : null}
        </div>
      </div>
      {hooks.isPending ? (
        <LoadingState label={t('log.loading')} />
      ) : hooks.isError ? (
        <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : !webhook ? (
        <ErrorState error={new ApiError(404, 'not_found', 'Webhook not found')} />
      ) : (
        <section aria-label={t('log.caption')}>
          {Array.from({ length: pages }, (_, i) => (
            <DeliveryPage
              key={i}
              webhookId={webhookId}
              page={i + 1}
              last={i + 1 === pages}
              onMore={() => setPages(pages + 1)}
            />
          ))}
        </section>
      )}
    </div>
  );
}

function DeliveryPage({
  webhookId,
  page,
  last,
  onMore,
}: {
  webhookId: number;
  page: number;
  last: boolean;
  onMore: () => void;
}) {
  const { t } = useWebhooksT();
  const account = useAccount();
  const log = useDeliveries(account.id, webhookId, page);
  if (log.isPending) return <LoadingState label={t('log.loading')} />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  if (page === 1 && log.data.payload.length === 0) {
    return <EmptyState title={t('log.empty')} icon="clock" />;
  }
  return (
    <>
      <ol className="delivery-list">
        {log.data.payload.map((delivery) => (
          <DeliveryRow key={delivery.id} webhookId={webhookId} delivery={delivery} />
        ))}
      </ol>
      {last ? (
        <div className="delivery-more">
          <button type="button" className="button button-ghost" onClick={() => void log.refetch()}>
            <Icon name="retry" size={16} /> {t('log.refresh')}
          </button>
          {log.data.meta.has_more ? (
            <button type="button" className="button" onClick={onMore}>
              {t('log.more')}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function DeliveryRow({ webhookId, delivery }: { webhookId: number; delivery: WebhookDelivery }) {
  const { t } = useWebhooksT();
  const { locale } = usePreferences();
  const [open, setOpen] = useState(false);
  const answer =
    delivery.last_status_code !== null
      ? `HTTP ${delivery.last_status_code}`
      : delivery.last_error
        ? delivery.last_error.split(':')[0]
        : t('log.noAnswer');
  const detailsId = `delivery-${delivery.id}-details`;
  return (
    <li className={`card delivery-row delivery-${delivery.status}`}>
      <div className="delivery-summary">
        <span className={`delivery-status delivery-status-${delivery.status}`}>
          {t(`log.statusValue.${delivery.status}`)}
        </span>
        <code dir="ltr" className="delivery-event">
          {delivery.event}
        </code>
        <span className="muted">
          <time dateTime={new Date(delivery.created_at * 1000).toISOString()}>
            {formatDateTime(locale, delivery.created_at)}
          </time>
        </span>
        <span className="muted">{t('log.attempts', { count: delivery.attempts })}</span>
        {delivery.attempts > 0 ? (
          <span className="muted">
            <bdi dir="ltr">{answer}</bdi>
            {delivery.last_duration_ms !== null
              ? ` · ${t('log.duration', { ms: formatNumber(locale, delivery.last_duration_ms) })}`
              : ''}
          </span>
        ) : null}
        {delivery.status === 'pending' && delivery.next_attempt_at ? (
          <span className="muted">
            {t('log.nextTry', { time: formatDateTime(locale, delivery.next_attempt_at) })}
          </span>
        ) : null}
        <button
          type="button"
          className="button button-ghost delivery-toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={
            open ? t('log.hideDetails') : t('log.detailsOf', { id: delivery.uuid.slice(0, 8) })
          }
          onClick={() => setOpen(!open)}
        >
          {open ? t('log.hideDetails') : t('log.details')}
        </button>
      </div>
      {delivery.last_response ? (
        // Scrollable: focusable so a keyboard can scroll it too.
        <pre className="delivery-excerpt" dir="ltr" tabIndex={0} aria-label={t('log.response')}>
          {delivery.last_response}
        </pre>
      ) : null}
      {open ? <DeliveryDetails id={detailsId} webhookId={webhookId} delivery={delivery} /> : null}
    </li>
  );
}

function DeliveryDetails({
  id,
  webhookId,
  delivery,
}: {
  id: string;
  webhookId: number;
  delivery: WebhookDelivery;
}) {
  const { t } = useWebhooksT();
  const { locale } = usePreferences();
  const account = useAccount();
  const detail = useDeliveryDetail(account.id, webhookId, delivery.id);
  const redeliver = useRedeliver(account.id, webhookId);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async () => {
    setFailure(null);
    try {
      await redeliver.mutateAsync(delivery.id);
      void detail.refetch();
      showToast({ kind: 'success', message: t('status.redelivered') });
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : t(errorMessageKey(error));
      setFailure(t('log.redeliverFailed', { reason }));
    }
  };

  return (
    <div id={id} className="delivery-details">
      <p className="delivery-uuid">
        <span className="muted">{t('log.deliveryId')}</span>
        <code dir="ltr">{delivery.uuid}</code>
      </p>
      {detail.isPending ? (
        <LoadingState />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <>
          <h3 className="delivery-heading">{t('log.tries')}</h3>
          <ol className="delivery-attempts">
            {detail.data.attempt_log.map((attempt, index) => (
              <li key={index}>
                <span>{formatDateTime(locale, attempt.attempted_at)}</span>
                <bdi dir="ltr">
                  {attempt.status_code !== null ? `HTTP ${attempt.status_code}` : attempt.error}
                </bdi>
                <span className="muted">
                  {t('log.duration', { ms: formatNumber(locale, attempt.duration_ms) })}
                </span>
              </li>
            ))}
          </ol>
          <h3 className="delivery-heading">{t('log.payload')}</h3>
          <pre className="delivery-payload" dir="ltr" tabIndex={0} aria-label={t('log.payload')}>
            {JSON.stringify(detail.data.payload, null, 2)}
          </pre>
        </>
      )}
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
      <button
        type="button"
        className="button button-primary"
        aria-label={t('log.redeliverOf', { id: delivery.uuid.slice(0, 8) })}
        aria-busy={redeliver.isPending || undefined}
        disabled={redeliver.isPending}
        onClick={() => void send()}
      >
        {redeliver.isPending ? t('log.redelivering') : t('log.redeliver')}
      </button>
    </div>
  );
}
