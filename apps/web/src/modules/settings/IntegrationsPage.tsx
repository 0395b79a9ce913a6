import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { useAccount } from '../session/account';

/** Integrations an administrator can configure: Dashboard Apps and webhooks. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const account = useAccount();
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('settings.integrations.title')}</h1>
          <p className="muted">{t('settings.integrations.description')}</p>
        </div>
      </div>
      <ul className="integration-list">
        <li className="card integration">
          <Icon name="puzzle" size={28} />
          <div className="integration-body">
            <h2>{t('settings.integrations.dashboardApps')}</h2>
            <p className="muted">{t('settings.integrations.dashboardAppsDescription')}</p>
          </div>
          <Link
            className="button"
            to={`/app/accounts/${account.id}/settings/integrations/dashboard_apps`}
            aria-label={t('settings.integrations.configure', {
              name: t('settings.integrations.dashboardApps'),
            })}
          >
            {t('settings.integrations.configureShort')}
            <Icon name="chevronEnd" size={16} />
          </Link>
        </li>
        <li className="card integration">
          <Icon name="send" size={28} />
          <div className="integration-body">
            <h2>{t('settings.integrations.webhooks')}</h2>
            <p className="muted">{t('settings.integrations.webhooksDescription')}</p>
          </div>
          <Link
            className="button"
            to={`/app/accounts/${account.id}/settings/integrations/webhook`}
            aria-label={t('settings.integrations.configure', {
              name: t('settings.integrations.webhooks'),
            })}
          >
            {t('settings.integrations.configureShort')}
            <Icon name="chevronEnd" size={16} />
          </Link>
        </li>
      </ul>
    </div>
  );
}
