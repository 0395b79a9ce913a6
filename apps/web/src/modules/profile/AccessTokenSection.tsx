import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useAccessToken } from './api';

/**
 * The personal access token for scripts (`api_access_token`): shown only on request, never
 * kept in the page's caches; Reset makes the old one stop working everywhere at once.
 */
export function AccessTokenSection() {
  const { t } = useTranslation();
  const token = useAccessToken();
  const [copied, setCopied] = useState(false);
  const value = token.data ?? null;
  const reset = () => {
    if (window.confirm(t('profile.resetConfirm'))) token.mutate('reset');
  };
  const copy = async (value: string) => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  return (
    <section className="settings-section" aria-labelledby="profile-token">
      <h2 id="profile-token">{t('profile.token')}</h2>
      <p className="muted">{t('profile.tokenIntro')}</p>
      {value ? (
        <div className="token-row">
          <input
            className="token-value"
            readOnly
            dir="ltr"
            aria-label={t('profile.token')}
            value={value}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button" onClick={() => void copy(value)}>
            {copied ? t('profile.copied') : t('profile.copy')}
          </button>
        </div>
      ) : null}
      {token.error ? (
        <p className="form-error" role="alert">
          <Icon name="alert" /> {token.error.message}
        </p>
      ) : null}
      <div className="token-actions">
        {value ? null : (
          <button
            type="button"
            className="button"
            disabled={token.isPending}
            onClick={() => token.mutate('show')}
          >
            {t('profile.showToken')}
          </button>
        )}
        <button
          type="button"
          className="button button-danger"
          disabled={token.isPending}
          onClick={reset}
        >
          {t('profile.resetToken')}
        </button>
      </div>
    </section>
  );
}
