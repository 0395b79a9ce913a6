import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState, LoadingState } from '../components/States';
import { useCurrentAccount } from '../modules/conversations/hooks';
import { useDashboardApps } from '../modules/dashboard-apps-settings/queries';
import { usePreferences } from '../modules/preferences/preferences';
import { PageAppFrame } from './PageAppFrame';
import { appTitle, appsPlacedIn } from './placed-apps';
import './dashboard-apps.css';

const NO_SUBJECT = { contact: null, conversations: null };

/** `/app/accounts/:id/apps/:appId`: an app placed as a page of its own (navigation.page). */
export function AppPage() {
  const { t } = useTranslation();
  const { appId } = useParams();
  const account = useCurrentAccount();
  const { locale } = usePreferences();
  const { data, isPending } = useDashboardApps(account.id);
  if (isPending) return <LoadingState />;
  const app = appsPlacedIn(data ?? [], 'navigation.page', null).find(
    (candidate) => candidate.id === Number(appId),
  );
  if (!app) {
    return (
      <div className="page">
        <EmptyState title={t('apps.notFound')} icon="alert" />
      </div>
    );
  }
  const title = appTitle(app, locale);
  return (
    <div className="dapp-page">
      <h1 className="dapp-page-title" dir="auto">
        {title}
      </h1>
      <PageAppFrame
        key={app.id}
        app={app}
        location="navigation.page"
        subject={NO_SUBJECT}
        title={title}
      />
    </div>
  );
}
