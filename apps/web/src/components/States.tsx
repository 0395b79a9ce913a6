import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { Icon } from './Icon';

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <span className="spinner" role="status">
      <span className="spinner-ring" aria-hidden="true" />
      <span className="sr-only">{label ?? t('common.loading')}</span>
    </span>
  );
}

export function LoadingState({ label }: { label?: string }) {
  return (
    <div className="state state-loading">
      <Spinner label={label} />
    </div>
  );
}

export function EmptyState({
  title,
  children,
  icon = 'chat',
}: {
  title: string;
  children?: ReactNode;
  icon?: Parameters<typeof Icon>[0]['name'];
}) {
  return (
    <div className="state state-empty">
      <Icon name={icon} size={32} />
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/** Says what failed in the agent's language; offers Retry when there is something to retry. */
export function errorMessageKey(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'errors.network';
    if (error.status === 401) return 'errors.unauthorized';
    if (error.status === 403) return 'errors.forbidden';
    if (error.status === 404) return 'errors.notFound';
    if (error.status === 429) return 'errors.rateLimited';
    if (error.status === 400 || error.status === 409 || error.status === 422) {
      return 'errors.validation';
    }
    if (error.status >= 500) return 'errors.server';
  }
  return 'errors.generic';
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <Icon name="alert" size={28} />
      <p className="state-title">{t(errorMessageKey(error))}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          <Icon name="retry" /> {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
