import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { currentToasts, dismissToast, subscribeToasts, type Toast } from '../lib/toasts';
import { Icon } from './Icon';

/**
 * The dashboard's toasts, at the end of the page's reading order: polite for information,
 * an alert for warnings and errors. An app's toast names the app.
 */
export function Toaster() {
  const { t } = useTranslation();
  const toasts = useSyncExternalStore(subscribeToasts, currentToasts, currentToasts);
  const urgent = (toast: Toast) => toast.kind === 'error' || toast.kind === 'warning';
  const item = (toast: Toast) => (
    <li key={toast.id} className={`toast toast-${toast.kind}`} data-kind={toast.kind}>
      <div className="toast-body">
        {toast.source ? (
          <strong className="toast-source" dir="auto">
            {toast.source}
          </strong>
        ) : null}
        <span className="toast-message" dir="auto">
          {toast.message}
        </span>
      </div>
      {toast.action ? (
        <button
          type="button"
          className="button button-small toast-action"
          onClick={() => {
            dismissToast(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        className="icon-button toast-close"
        aria-label={t('toast.dismiss')}
        onClick={() => dismissToast(toast.id)}
      >
        <Icon name="close" size={14} />
      </button>
    </li>
  );
  return (
    <div className="toaster">
      {/* The live roles sit on wrappers: on the <ul> they would replace its list role. */}
      <div role="status" aria-live="polite" aria-label={t('toast.region')}>
        <ul className="toast-list">{toasts.filter((toast) => !urgent(toast)).map(item)}</ul>
      </div>
      <div role="alert" aria-label={t('toast.urgentRegion')}>
        <ul className="toast-list">{toasts.filter(urgent).map(item)}</ul>
      </div>
    </div>
  );
}
