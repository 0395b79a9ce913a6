import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Icon, type IconName } from '../components/Icon';
import { appTitle, usePlacedApps } from '../dashboard-apps/placed-apps';
import { usePreferences } from '../modules/preferences/preferences';
import { useAccount, useIsAdmin } from '../modules/session/account';

export function SideNav() {
  const { t } = useTranslation();
  const account = useAccount();
  const isAdmin = useIsAdmin();
  const { locale } = usePreferences();
  // Apps placed as pages of their own get an entry each, in the account's order.
  const pageApps = usePlacedApps('navigation.page', null);
  const base = `/app/accounts/${account.id}`;
  const links: { to: string; label: string; icon: IconName }[] = [
    { to: `${base}/conversations`, label: t('nav.conversations'), icon: 'chat' },
    { to: `${base}/contacts`, label: t('nav.contacts'), icon: 'contacts' },
    ...pageApps.map((app) => ({
      to: `${base}/apps/${app.id}`,
      label: appTitle(app, locale),
      icon: 'puzzle' as IconName,
    })),
  ];
  if (isAdmin) links.push({ to: `${base}/settings`, label: t('nav.settings'), icon: 'settings' });
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} className="side-nav-link">
              <Icon name={link.icon} size={20} />
              <span>{link.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
