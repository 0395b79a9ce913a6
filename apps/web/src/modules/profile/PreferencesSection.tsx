import { AVAILABILITY_STATUSES, LOCALES, THEMES, type Profile } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { myAvailability, useSetAvailability } from '../availability/availability';
import { usePreferences } from '../preferences/preferences';
import { useAccount } from '../session/account';

/** Language, theme and availability: the same choices as the header's menu, in one place. */
export function PreferencesSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const account = useAccount();
  const { locale, theme, setLocale, setTheme } = usePreferences();
  const setAvailability = useSetAvailability(account.id);
  const availability = myAvailability(profile, account.id);
  return (
    <section className="settings-section" aria-labelledby="profile-preferences">
      <h2 id="profile-preferences">{t('profile.preferences')}</h2>
      <div className="profile-form">
        <div className="field">
          <label htmlFor="profile-language">{t('userMenu.language')}</label>
          <select
            id="profile-language"
            value={locale}
            onChange={(e) => setLocale(e.target.value as (typeof LOCALES)[number])}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="profile-theme">{t('userMenu.theme')}</label>
          <select
            id="profile-theme"
            value={theme}
            onChange={(e) => setTheme(e.target.value as (typeof THEMES)[number])}
          >
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`userMenu.${th}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="profile-availability">
            {t('userMenu.availability')} · {account.name}
          </label>
          <select
            id="profile-availability"
            value={availability}
            disabled={setAvailability.isPending}
            onChange={(e) =>
              setAvailability.mutate(e.target.value as (typeof AVAILABILITY_STATUSES)[number])
            }
          >
            {AVAILABILITY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`availability.${status}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}
