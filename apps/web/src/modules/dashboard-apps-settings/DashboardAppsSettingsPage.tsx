import type { DashboardApp } from '@bevatel/protocol';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useAccount, useIsAdmin } from '../session/account';
import { AppFormDialog } from './AppFormDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { useDashboardAppsT } from './i18n';
import { useDashboardApps, useDeleteApp, useRotateSecret, useUrlRules } from './queries';
import { SecretDialog } from './SecretDialog';
import './dashboard-apps-settings.css';

type OpenDialog =
  | { kind: 'form'; app: DashboardApp | null }
  | { kind: 'delete'; app: DashboardApp }
  | { kind: 'rotate'; app: DashboardApp }
  | { kind: 'secret'; app: DashboardApp; secret: string };

/** Settings › Integrations › Dashboard Apps, for administrators. */
export function DashboardAppsSettingsPage() {
  const isAdmin = useIsAdmin();
  return isAdmin ? <DashboardAppsSettings /> : <NotAllowed />;
}

function NotAllowed() {
  const { t } = useDashboardAppsT();
  return (
    <div className="page dapps-page">
      <h1 className="sr-only" tabIndex={-1}>
        {t('title')}
      </h1>
      <EmptyState title={t('notAllowed.title')} icon="lock">
        <p className="muted">{t('notAllowed.body')}</p>
      </EmptyState>
    </div>
  );
}

function DashboardAppsSettings() {
  const { t } = useDashboardAppsT();
  const account = useAccount();
  const apps = useDashboardApps(account.id);
  const rules = useUrlRules(account.id);
  const remove = useDeleteApp(account.id);
  const rotate = useRotateSecret(account.id);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);

  const open = (next: OpenDialog | null) => {
    setActionError(null);
    setPageError(null);
    remove.reset();
    rotate.reset();
    setDialog(next);
  };

  const makeSecret = async (app: DashboardApp) => {
    setActionError(null);
    setPageError(null);
    try {
      const { secret } = await rotate.mutateAsync(app.id);
      setDialog({ kind: 'secret', app, secret });
    } catch {
      // From the rotate confirmation the error shows there; from the row, above the table.
      if (dialog?.kind === 'rotate') setActionError(t('secret.failed'));
      else setPageError(t('secret.failed'));
    }
  };

  const confirmDelete = async (app: DashboardApp) => {
    try {
      await remove.mutateAsync(app.id);
      setDialog(null);
      setStatus(t('status.deleted', { name: app.title }));
    } catch {
      setActionError(t('delete.failed'));
    }
  };

  return (
    <div className="page dapps-page">
      <div className="page-header">
        <div>
          <h1 tabIndex={-1}>{t('title')}</h1>
          <p className="muted">{t('description')}</p>
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={() => open({ kind: 'form', app: null })}
        >
          <Icon name="plus" size={16} /> {t('add')}
        </button>
      </div>

      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {pageError ? (
        <p className="form-error dapps-form-error" role="alert">
          {pageError}
        </p>
      ) : null}

      {apps.isPending ? (
        <LoadingState label={t('loading')} />
      ) : apps.isError ? (
        <ErrorState error={apps.error} onRetry={() => void apps.refetch()} />
      ) : apps.data.length === 0 ? (
        <EmptyState title={t('empty.title')} icon="puzzle">
          <p className="muted">{t('empty.body')}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table dapps-table">
            <caption className="sr-only">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.name')}</th>
                <th scope="col">{t('table.endpoint')}</th>
                <th scope="col">
                  <span className="sr-only">{t('table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {apps.data.map((app) => (
                <AppRow
                  key={app.id}
                  app={app}
                  busy={rotate.isPending && rotate.variables === app.id}
                  onEdit={() => open({ kind: 'form', app })}
                  onDelete={() => open({ kind: 'delete', app })}
                  onSecret={() =>
                    app.has_secret ? open({ kind: 'rotate', app }) : void makeSecret(app)
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {dialog?.kind === 'form' ? (
        <AppFormDialog
          accountId={account.id}
          app={dialog.app}
          rules={rules}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            setStatus(t(dialog.app ? 'status.updated' : 'status.created', { name: saved.title }));
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          danger
          title={t('delete.title')}
          body={<p>{t('delete.body', { name: dialog.app.title })}</p>}
          confirmLabel={t('delete.confirm')}
          busyLabel={t('delete.deleting')}
          busy={remove.isPending}
          error={actionError}
          onConfirm={() => void confirmDelete(dialog.app)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'rotate' ? (
        <ConfirmDialog
          title={t('secret.rotateTitle')}
          body={<p>{t('secret.rotateBody', { name: dialog.app.title })}</p>}
          confirmLabel={t('secret.rotateConfirm')}
          busyLabel={t('secret.working')}
          busy={rotate.isPending}
          error={actionError}
          onConfirm={() => void makeSecret(dialog.app)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'secret' ? (
        <SecretDialog
          appName={dialog.app.title}
          secret={dialog.secret}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}

function AppRow({
  app,
  busy,
  onEdit,
  onDelete,
  onSecret,
}: {
  app: DashboardApp;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onSecret: () => void;
}) {
  const { t } = useDashboardAppsT();
  const url = app.content[0]?.url ?? '';
  const more = app.content.length - 1;
  const name = app.title;
  return (
    <tr>
      <th scope="row" className="dapps-name">
        <span>{name}</span>
        {app.has_secret ? (
          <span className="dapps-badge" title={t('table.signedHint')}>
            <Icon name="lock" size={12} /> {t('table.signed')}
          </span>
        ) : null}
      </th>
      <td className="dapps-endpoint">
        <bdi dir="ltr" title={url}>
          {url}
        </bdi>
        {more > 0 ? (
          <bdi
            dir="ltr"
            className="dapps-more"
            aria-label={t('table.moreFramesLabel', { count: more })}
          >
            {t('table.moreFrames', { count: more })}
          </bdi>
        ) : null}
      </td>
      <td className="row-actions dapps-actions">
        <button
          type="button"
          className="button button-small"
          aria-label={t('actions.editApp', { name })}
          onClick={onEdit}
        >
          <Icon name="edit" size={14} /> <span aria-hidden="true">{t('actions.edit')}</span>
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={t(app.has_secret ? 'actions.rotateSecretApp' : 'actions.generateSecretApp', {
            name,
          })}
          aria-busy={busy || undefined}
          disabled={busy}
          onClick={onSecret}
        >
          <Icon name="lock" size={14} />{' '}
          <span aria-hidden="true">
            {t(app.has_secret ? 'actions.rotateSecret' : 'actions.generateSecret')}
          </span>
        </button>
        <button
          type="button"
          className="button button-small dapps-danger-text"
          aria-label={t('actions.deleteApp', { name })}
          onClick={onDelete}
        >
          <Icon name="trash" size={14} /> <span aria-hidden="true">{t('actions.delete')}</span>
        </button>
      </td>
    </tr>
  );
}
