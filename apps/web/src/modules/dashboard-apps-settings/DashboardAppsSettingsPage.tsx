import type { DashboardApp } from '@bevatel/protocol';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { dismissToast, showToast, type ToastKind } from '../../lib/toasts';
import { useInboxes, useTeams } from '../account-data/queries';
import { useApi } from '../../lib/api-context';
import type { UrlCheck } from '../../dashboard-apps/url-check';
import { useAccount, useIsAdmin } from '../session/account';
import { AppFormDialog } from './AppFormDialog';
import { AppsTable } from './AppsTable';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadJson } from './download';
import { manifestFileName } from './manifest-read';
import { ManifestInstallDialog } from './ManifestInstallDialog';
import { useDashboardAppsT } from './i18n';
import { movedBy } from './order';
import {
  useDashboardApps,
  useDeleteApp,
  useExportManifest,
  useReorderApps,
  useRotateSecret,
  useToggleApp,
  useUrlRules,
} from './queries';
import { ruleInWords } from './rule-words';
import { SecretDialog } from './SecretDialog';
import './dashboard-apps-settings.css';

type OpenDialog =
  | { kind: 'form'; app: DashboardApp | null }
  | { kind: 'manifest' }
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
  const { t, i18n } = useDashboardAppsT();
  const account = useAccount();
  const apps = useDashboardApps(account.id);
  const rules = useUrlRules(account.id);
  const inboxes = useInboxes(account.id);
  const teams = useTeams(account.id);
  const remove = useDeleteApp(account.id);
  const rotate = useRotateSecret(account.id);
  const toggle = useToggleApp(account.id);
  const reorder = useReorderApps(account.id);
  const exportManifest = useExportManifest(account.id);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  // Every outcome of this page is said in the dashboard's toasts (announced, and visible).
  // A new word on the same matter (the order, one app's switch) replaces the last one.
  const lastToast = useRef(new Map<string, number>());
  const notify = (kind: ToastKind, message: string, topic?: string) => {
    const previous = topic ? lastToast.current.get(topic) : undefined;
    if (previous !== undefined) dismissToast(previous);
    const id = showToast({ message, kind });
    if (topic) lastToast.current.set(topic, id);
  };

  const [urlWarning, setUrlWarning] = useState<{ name: string; check: UrlCheck } | null>(null);
  const api = useApi();

  /** After a save: warn when the server finds the URL unreachable or refusing to be framed. */
  const checkSavedUrl = async (saved: DashboardApp) => {
    setUrlWarning(null);
    const url = saved.content[0]?.url;
    if (!url) return;
    try {
      const check = await api.post(api.account(account.id, 'dashboard_apps/url_check'), {
        url,
      });
      if (check.problem === 'unreachable' || check.problem === 'refuses_framing') {
        setUrlWarning({ name: saved.title, check });
      }
    } catch {
      // The check is advice: the app is saved whatever it says, and a failed check says nothing.
    }
  };

  const open = (next: OpenDialog | null) => {
    setActionError(null);
    remove.reset();
    rotate.reset();
    setDialog(next);
  };

  const makeSecret = async (app: DashboardApp) => {
    setActionError(null);
    try {
      const { secret } = await rotate.mutateAsync(app.id);
      setDialog({ kind: 'secret', app, secret });
    } catch {
      // From the rotate confirmation the error shows there; from the row, as a toast.
      if (dialog?.kind === 'rotate') setActionError(t('secret.failed'));
      else notify('error', t('secret.failed'));
    }
  };

  const confirmDelete = async (app: DashboardApp) => {
    try {
      await remove.mutateAsync(app.id);
      setDialog(null);
      notify('success', t('status.deleted', { name: app.title }));
    } catch {
      setActionError(t('delete.failed'));
    }
  };

  const switchApp = (app: DashboardApp, enabled: boolean) =>
    toggle.mutate(
      { id: app.id, enabled },
      {
        onSuccess: () =>
          notify(
            'success',
            t(enabled ? 'toggle.enabled' : 'toggle.disabled', { name: app.title }),
            `switch-${app.id}`,
          ),
        onError: () => notify('error', t('toggle.failed', { name: app.title }), `switch-${app.id}`),
      },
    );

  const saveOrder = (ids: number[], movedId: number) => {
    const name = apps.data?.find((app) => app.id === movedId)?.title ?? '';
    reorder.mutate(
      { ids, movedId },
      {
        onSuccess: () =>
          notify(
            'success',
            t('order.saved', { name, position: ids.indexOf(movedId) + 1, total: ids.length }),
            'order',
          ),
        onError: () => notify('error', t('order.failed'), 'order'),
      },
    );
  };

  const exportApp = (app: DashboardApp) =>
    exportManifest.mutate(app.id, {
      onSuccess: (manifest) => {
        downloadJson(manifest, manifestFileName(app.title, app.id));
        notify('success', t('manifest.exported', { name: app.title }));
      },
      onError: () => notify('error', t('manifest.exportFailed', { name: app.title })),
    });

  const ruleOf = (app: DashboardApp) =>
    ruleInWords(
      app.visibility,
      {
        inbox: (id) => inboxes.data?.find((inbox) => inbox.id === id)?.name,
        team: (id) => teams.data?.find((team) => team.id === id)?.name,
      },
      t,
      i18n.language,
    );

  return (
    <div className="page dapps-page">
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
        <div className="dapps-header-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => open({ kind: 'form', app: null })}
          >
            <Icon name="plus" size={16} /> {t('add')}
          </button>
          <button type="button" className="button" onClick={() => open({ kind: 'manifest' })}>
            <Icon name="upload" size={16} /> {t('manifest.install')}
          </button>
        </div>
      </div>

      {urlWarning ? (
        <UrlWarning
          name={urlWarning.name}
          check={urlWarning.check}
          onDismiss={() => setUrlWarning(null)}
        />
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
        <>
          <p className="muted dapps-order-hint">
            {t('order.hint')}
            {reorder.isPending ? (
              <span className="dapps-saving" aria-hidden="true">
                {' '}
                {t('order.saving')}
              </span>
            ) : null}
          </p>
          <AppsTable
            apps={apps.data}
            ruleOf={ruleOf}
            busyId={rotate.isPending ? (rotate.variables ?? null) : null}
            moving={reorder.isPending}
            onReorder={saveOrder}
            actionsOf={(app) => ({
              onEdit: () => open({ kind: 'form', app }),
              onDelete: () => open({ kind: 'delete', app }),
              onSecret: () =>
                app.has_secret ? open({ kind: 'rotate', app }) : void makeSecret(app),
              onToggle: (enabled) => switchApp(app, enabled),
              onExport: () => exportApp(app),
              onMove: (by) =>
                saveOrder(
                  movedBy(
                    apps.data.map((a) => a.id),
                    app.id,
                    by,
                  ),
                  app.id,
                ),
            })}
          />
        </>
      )}

      {dialog?.kind === 'form' ? (
        <AppFormDialog
          accountId={account.id}
          app={dialog.app}
          rules={rules}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            notify(
              'success',
              t(dialog.app ? 'status.updated' : 'status.created', { name: saved.title }),
            );
            void checkSavedUrl(saved);
          }}
        />
      ) : null}
      {dialog?.kind === 'manifest' ? (
        <ManifestInstallDialog
          accountId={account.id}
          rules={rules}
          onClose={() => setDialog(null)}
          onInstalled={(installed) => {
            setDialog(null);
            notify('success', t('manifest.installed', { name: installed.title }));
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

function UrlWarning({
  name,
  check,
  onDismiss,
}: {
  name: string;
  check: UrlCheck;
  onDismiss: () => void;
}) {
  const { t } = useDashboardAppsT();
  // The URL parser gives the host in punycode, with its port: what the admin must look for.
  const host = URL.canParse(check.url) ? new URL(check.url).host : check.url;
  const text =
    check.problem === 'refuses_framing' && check.refused_by
      ? t('urlWarning.refused', {
          name,
          host,
          dashboard: check.dashboard_origin,
          header: check.refused_by.header,
          value: check.refused_by.value,
        })
      : t('urlWarning.unreachable', { name, host });
  return (
    <div className="dapps-url-warning" role="alert">
      <Icon name="alert" size={16} />
      <p dir="auto">{text}</p>
      <button type="button" className="button button-small" onClick={onDismiss}>
        {t('urlWarning.dismiss')}
      </button>
    </div>
  );
}
