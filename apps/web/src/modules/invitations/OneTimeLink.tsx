import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A one-time link (invitation, password reset) shown once to pass on, with Copy: the server
 * keeps only its digest, so it cannot be shown again.
 */
export function OneTimeLink({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="invitation-link">
      <code dir="ltr" aria-label={label}>
        {url}
      </code>
      <button
        type="button"
        className="button"
        onClick={() =>
          void navigator.clipboard?.writeText(url).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? t('common.copied') : t('common.copy')}
      </button>
    </div>
  );
}
