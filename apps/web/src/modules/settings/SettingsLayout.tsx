import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Icon, type IconName } from '../../components/Icon';
import { EmptyState } from '../../components/States';
import { useAccount, useIsAdmin } from '../session/account';

const SECTIONS: { path: string; key: string; icon: IconName }[] = [
  { path: 'agents', key: 'settings.agents.title', icon: 'user' },
  { path: 'inboxes', key: 'settings.inboxes.title', icon: 'inbox' },
  { path: 'teams', key: 'settings.teams.title', icon: 'team' },
  { path: 'labels', key: 'settings.labels.title', icon: 'tag' },
  // Chatwoot's deep links.
  { path: 'canned-response/list', key: 'settings.cannedResponses.title', icon: 'chat' },
  { path: 'custom-attributes/list', key: 'settings.customAttributes.title', icon: 'flag' },
  { path: 'integrations', key: 'settings.integrations.title', icon: 'puzzle' },
];

/** Settings are for administrators; agents do not see the entry and get a plain refusal here. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const account = useAccount();
  const isAdmin = useIsAdmin();
  if (!isAdmin) {
    return (
      <div className="page">
        <h1 className="sr-only">{t('nav.settings')}</h1>
        <EmptyState title={t('settings.adminsOnly')} icon="lock" />
      </div>
    );
  }
  return (
    <div className="settings-layout">
      <nav className="settings-nav" aria-label={t('nav.settings')}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.path}>
              <NavLink to={`/app/accounts/${account.id}/settings/${section.path}`}>
                <Icon name={section.icon} size={16} />
                <span>{t(section.key)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-content">
        <Outlet />
      </div>
    </div>
  );
}
