import type { Profile } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AVAILABILITY_STATUSES } from '@bevatel/protocol';
import { Avatar } from '../components/Avatar';
import { AvailabilityDot } from '../components/AvailabilityDot';
import { Icon } from '../components/Icon';
import { Menu } from '../components/Menu';
import { myAvailability, useSetAvailability } from '../modules/availability/availability';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { usePreferences } from '../modules/preferences/preferences';
import type { ConnectionState } from '../modules/realtime/useRealtime';
import { useAccount } from '../modules/session/account';
import { useSignOut } from '../modules/session/session';

export function AppHeader({ profile, realtime }: { profile: Profile; realtime: ConnectionState }) {
  const { t } = useTranslation();
  const account = useAccount();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { locale, theme, setLocale, setTheme } = usePreferences();
  const otherAccounts = profile.accounts.filter((a) => a.id !== account.id);
  const availability = myAvailability(profile, account.id);
  const setAvailability = useSetAvailability(account.id);

  return (
    <header className="app-header">
      <Link to={`/app/accounts/${account.id}/conversations`} className="brand">
        <span className="brand-mark" aria-hidden="true">
          B
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <span className="header-account">{account.name}</span>
      <span className="header-spacer" />
      <span className="realtime-status" role="status">
        {realtime !== 'down' ? null : (
          <span className="pill pill-warning">{t('realtime.reconnecting')}</span>
        )}
      </span>
      <NotificationBell />
      <Menu
        label={t('userMenu.label')}
        buttonLabel={t('userMenu.buttonLabel', { name: profile.name })}
        buttonClassName="user-button"
        buttonContent={
          <>
            <span className="avatar-with-status">
              <Avatar name={profile.name} src={profile.avatar_url || null} size={28} />
              <AvailabilityDot status={availability} />
            </span>
            <span className="user-name">{profile.name}</span>
          </>
        }
        sections={[
          {
            key: 'availability',
            label: t('userMenu.availability'),
            items: AVAILABILITY_STATUSES.map((status) => ({
              key: `availability-${status}`,
              label: (
                <>
                  <AvailabilityDot status={status} decorative /> {t(`availability.${status}`)}
                </>
              ),
              checked: availability === status,
              onSelect: () => setAvailability.mutate(status),
            })),
          },
          {
            key: 'language',
            label: t('userMenu.language'),
            items: [
              {
                key: 'en',
                label: t('languages.en'),
                lang: 'en',
                checked: locale === 'en',
                onSelect: () => setLocale('en'),
              },
              {
                key: 'ar',
                label: t('languages.ar'),
                lang: 'ar',
                checked: locale === 'ar',
                onSelect: () => setLocale('ar'),
              },
            ],
          },
          {
            key: 'theme',
            label: t('userMenu.theme'),
            items: [
              {
                key: 'light',
                label: t('userMenu.light'),
                checked: theme === 'light',
                onSelect: () => setTheme('light'),
              },
              {
                key: 'dark',
                label: t('userMenu.dark'),
                checked: theme === 'dark',
                onSelect: () => setTheme('dark'),
              },
            ],
          },
          ...(otherAccounts.length
            ? [
                {
                  key: 'accounts',
                  label: t('userMenu.switchAccount'),
                  items: otherAccounts.map((a) => ({
                    key: `account-${a.id}`,
                    label: a.name,
                    onSelect: () => navigate(`/app/accounts/${a.id}/conversations`),
                  })),
                },
              ]
            : []),
          {
            key: 'session',
            items: [
              {
                key: 'profile',
                label: t('userMenu.profileSettings'),
                onSelect: () => navigate(`/app/accounts/${account.id}/profile/settings`),
              },
              {
                key: 'sign-out',
                label: (
                  <>
                    <Icon name="logout" /> {t('userMenu.signOut')}
                  </>
                ),
                onSelect: () =>
                  signOut.mutate(undefined, {
                    onSettled: () => navigate('/app/login', { replace: true }),
                  }),
              },
            ],
          },
        ]}
      />
    </header>
  );
}
