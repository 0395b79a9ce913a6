import type { ReactNode } from 'react';
import { useDashboardAppsT } from './i18n';
import { Modal } from './Modal';

/** Are you sure? Focus starts on Cancel, so Enter never destroys by accident. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  busyLabel,
  busy,
  error,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  error: string | null;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useDashboardAppsT();
  return (
    <Modal
      role="alertdialog"
      title={title}
      description={body}
      closeLabel={t('form.close')}
      onClose={onClose}
      busy={busy}
    >
      {error ? (
        <p className="form-error dapps-form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dapps-modal-actions">
        <button
          type="button"
          className="button button-ghost"
          onClick={onClose}
          disabled={busy}
          data-autofocus
        >
          {t('form.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'button button-danger' : 'button button-primary'}
          onClick={onConfirm}
          aria-busy={busy || undefined}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
