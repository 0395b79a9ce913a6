import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/States';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page-center">
      <EmptyState title={t('errors.pageNotFound')} icon="alert">
        <Link to="/app" className="button">
          {t('common.goHome')}
        </Link>
      </EmptyState>
    </div>
  );
}
