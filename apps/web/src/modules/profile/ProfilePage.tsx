import { useTranslation } from 'react-i18next';
import { NotificationSettingsSection } from '../notifications/NotificationSettingsSection';
import { useProfile } from '../session/session';
import { AccessTokenSection } from './AccessTokenSection';
import { DetailsForm } from './DetailsForm';
import { PasswordForm } from './PasswordForm';
import { PreferencesSection } from './PreferencesSection';

/** `…/profile/settings` (Chatwoot's deep link): what each person changes of themselves. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfile();
  return (
    <div className="page profile-page">
      <div className="page-header">
        <h1>{t('profile.title')}</h1>
        <p>{t('profile.intro')}</p>
      </div>
      <DetailsForm profile={profile} />
      <PreferencesSection profile={profile} />
      <NotificationSettingsSection />
      <PasswordForm />
      <AccessTokenSection />
    </div>
  );
}
