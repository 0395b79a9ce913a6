import { useId } from 'react';
import { AlertSettings } from './AlertSettings';
import { useNotificationsT } from './i18n';

/** The profile page's notification preferences: the same controls as the bell's panel. */
export function NotificationSettingsSection() {
  const { t } = useNotificationsT();
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h2 id={id}>{t('panel.title')}</h2>
      <AlertSettings />
    </section>
  );
}
