import { useId, useRef, useState } from 'react';
import { useDashboardAppsT } from './i18n';
import { Modal } from './Modal';

/**
 * Shows a freshly made signing secret, the only time it is ever shown, with a copy button.
 * Apps and webhooks both use it; each says whose secret it is and how it is checked.
 */
export function SecretDialog({
  appName,
  secret,
  onClose,
  title,
  usage,
}: {
  appName: string;
  secret: string;
  onClose: () => void;
  /** Instead of "Signing secret of <app>". */
  title?: string;
  /** Instead of the app's verifyContextToken hint. */
  usage?: string;
}) {
  const { t } = useDashboardAppsT();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      // Clipboard refused (permissions, insecure origin): leave the text selected for Ctrl+C.
      inputRef.current?.select();
      setCopy('failed');
    }
  };

  return (
    <Modal
      title={title ?? t('secret.title', { name: appName })}
      description={
        <p className="dapps-warning" role="note">
          {t('secret.warning')}
        </p>
      }
      closeLabel={t('form.close')}
      onClose={onClose}
    >
      <div className="dapps-field">
        <label htmlFor={id}>{t('secret.label')}</label>
        <div className="dapps-secret-row">
          <input
            ref={inputRef}
            id={id}
            className="dapps-secret"
            type="text"
            readOnly
            dir="ltr"
            spellCheck={false}
            autoComplete="off"
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={() => void copySecret()} data-autofocus>
            {t('secret.copy')}
          </button>
        </div>
        <p className="dapps-field-hint" role="status" aria-live="polite">
          {copy === 'copied' ? t('secret.copied') : copy === 'failed' ? t('secret.copyFailed') : ''}
        </p>
        <p className="dapps-field-hint">{usage ?? t('secret.usage')}</p>
      </div>
      <div className="dapps-modal-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('secret.done')}
        </button>
      </div>
    </Modal>
  );
}
