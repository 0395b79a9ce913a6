import type { Webhook } from '@bevatel/protocol';
import { useState } from 'react';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { showToast } from '../../lib/toasts';
import { ConfirmDialog } from '../dashboard-apps-settings/ConfirmDialog';
import { SecretDialog } from '../dashboard-apps-settings/SecretDialog';
import '../dashboard-apps-settings/dashboard-apps-settings.css';
import { useAccount, useIsAdmin } from '../session/account';
import { useWebhooksT } from './i18n';
import { useDeleteWebhook, useRotateWebhookSecret, useWebhooks } from './queries';
import { WebhookFormDialog } from './WebhookFormDialog';
import './webhooks-settings.css';

type OpenDialog =
  | { kind: 'form'; webhook: Webhook | null }
  | { kind: 'delete'; webhook: Webhook }
  | { kind: 'rotate'; webhook: Webhook }
  | { kind: 'secret'; webhook: Webhook; secret: string };

/** What a webhook is called in the page: its name, else its host. */
export function webhookLabel(webhook: Webhook): string {
  if (webhook.name) return webhook.name;
  try {
    return new URL(webhook.url).host;
  } catch {
    return webhook.url;
  }
}

/** Settings › Integrations › Webhooks (Chatwoot's deep link), for administrators. */
export function WebhooksSettingsPage() {
  const isAdmin = useIsAdmin();
  return isAdmin ? <WebhooksSettings /> : <NotAllowed />;
}

export function NotAllowed() {
  const { t } = useWebhooksT();
  return (
    <div className="page dapps-page">
      <h1 className="sr-only">{t('title')}</h1>
      <EmptyState title={t('notAllowed.title')} icon="lock">
        <p className="muted">{t('notAllowed.body')}</p>
      </EmptyState>
    </div>
  );
}

function WebhooksSettings() {
  const { t } = useWebhooksT();
  const account = useAccount();
  const hooks = useWebhooks(account.id);
  const remove = useDeleteWebhook(account.id);
  const rotate = useRotateWebhookSecret(account.id);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const open = (next: OpenDialog | null) => {
    setActionError(null);
    remove.reset();
    rotate.reset();
    setDialog(next);
  };

  return (
    <div className="page dapps-page webhooks-page">
      <p>
        <Link to={`/app/accounts/${account.id}/settings/integrations`} className="back-text-link">
          <Icon name="back" size={16} /> {t('backToIntegrations')}
        </Link>
      </p>
      <div className="page-header">
        <div>
          <h1 tabIndex={-1}>{t('title')}</h1>
          <p className="muted">{t('description')}</p>
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={() => open({ kind: 'form', webhook: null })}
        >
          <Icon name="plus" size={16} /> {t('add')}
        </button>
      </div>

      {hooks.isPending ? (
        <LoadingState label={t('loading')} />
      ) : hooks.isError ? (
        <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : hooks.data.length === 0 ? (
        <EmptyState title={t('empty.title')} icon="send">
          <p className="muted">{t('empty.body')}</p>
        </EmptyState>
      ) : (
        <ul className="webhook-list" aria-label={t('table.caption')}>
          {hooks.data.map((webhook) => {
            const name = webhookLabel(webhook);
            return (
              <li key={webhook.id} className="card webhook-card">
                <div className="webhook-card-body">
                  <h2 className="webhook-name">{name}</h2>
                  <p className="webhook-url">
                    <bdi dir="ltr">{webhook.url}</bdi>
                  </p>
                  <p className="muted webhook-events">
                    {t('table.eventsCount', { count: webhook.subscriptions.length })}
                  </p>
                  <ul className="webhook-event-chips" aria-label={t('table.events')}>
                    {webhook.subscriptions.map((event) => (
                      <li key={event} title={t(`event.${event}`)}>
                        <code dir="ltr">{event}</code>
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="webhook-actions">
                  <Link
                    className="button"
                    to={`/app/accounts/${account.id}/settings/integrations/webhook/${webhook.id}`}
                    aria-label={t('actions.logOf', { name })}
                  >
                    {t('actions.log')}
                  </Link>
                  <button
                    type="button"
                    className="button button-ghost"
                    aria-label={t('actions.editOf', { name })}
                    onClick={() => open({ kind: 'form', webhook })}
                  >
                    <Icon name="edit" size={16} /> {t('actions.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-ghost"
                    aria-label={t('actions.rotateOf', { name })}
                    onClick={() => open({ kind: 'rotate', webhook })}
                  >
                    <Icon name="retry" size={16} /> {t('actions.rotate')}
                  </button>
                  <button
                    type="button"
                    className="button button-ghost dapps-danger-text"
                    aria-label={t('actions.deleteOf', { name })}
                    onClick={() => open({ kind: 'delete', webhook })}
                  >
                    <Icon name="trash" size={16} /> {t('actions.delete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {dialog?.kind === 'form' ? (
        <WebhookFormDialog
          accountId={account.id}
          webhook={dialog.webhook}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            const name = webhookLabel(saved);
            if (!dialog.webhook && saved.secret) {
              setDialog({ kind: 'secret', webhook: saved, secret: saved.secret });
            } else {
              setDialog(null);
            }
            showToast({
              kind: 'success',
              message: t(dialog.webhook ? 'status.updated' : 'status.created', { name }),
            });
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          danger
          title={t('delete.title')}
          body={<p>{t('delete.body', { name: webhookLabel(dialog.webhook) })}</p>}
          confirmLabel={t('delete.confirm')}
          busyLabel={t('delete.deleting')}
          busy={remove.isPending}
          error={actionError}
          onConfirm={() =>
            void remove.mutateAsync(dialog.webhook.id).then(
              () => {
                setDialog(null);
                showToast({
                  kind: 'success',
                  message: t('status.deleted', { name: webhookLabel(dialog.webhook) }),
                });
              },
              () => setActionError(t('delete.failed')),
            )
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'rotate' ? (
        <ConfirmDialog
          title={t('secret.rotateTitle')}
          body={<p>{t('secret.rotateBody', { name: webhookLabel(dialog.webhook) })}</p>}
          confirmLabel={t('secret.rotateConfirm')}
          busyLabel={t('secret.working')}
          busy={rotate.isPending}
          error={actionError}
          onConfirm={() =>
            void rotate.mutateAsync(dialog.webhook.id).then(
              (rotated) =>
                setDialog({ kind: 'secret', webhook: rotated, secret: rotated.secret ?? '' }),
              () => setActionError(t('secret.failed')),
            )
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'secret' ? (
        <SecretDialog
          appName={webhookLabel(dialog.webhook)}
          title={t('secret.title', { name: webhookLabel(dialog.webhook) })}
          usage={t('secret.usage')}
          secret={dialog.secret}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
