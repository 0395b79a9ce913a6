import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ErrorState } from '../components/States';

/** Last resort for errors thrown while rendering a route (a failed chunk load, a bug). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <main className="page-center">
      <h1 className="sr-only">{t('errors.generic')}</h1>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}
