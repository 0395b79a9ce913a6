import { useId, useState } from 'react';
import { useProfileQuery } from '../session/session';
import { browserNotificationsSupported } from './alerts';
import { useNotificationsT } from './i18n';
import { alertPreferencesOf, useSaveAlertPreferences } from './queries';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission =>
  browserNotificationsSupported() ? window.Notification.permission : 'unsupported';

/** Sound and browser notifications, each the agent's own choice, saved to their profile. */
export function AlertSettings() {
  const { t } = useNotificationsT();
  const { data: profile } = useProfileQuery();
  const preferences = alertPreferencesOf(profile);
  const save = useSaveAlertPreferences();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const id = useId();

  const toggleBrowser = async (on: boolean) => {
    save.mutate({ browser: on });
    // Asked here only: the agent just turned it on, from this visible control.
    if (on && permission === 'default') {
      setPermission(await window.Notification.requestPermission());
    }
  };

  return (
    <fieldset className="notification-settings">
      <legend>{t('panel.settings')}</legend>
      <label className="notification-setting">
        <input
          type="checkbox"
          checked={preferences.sound}
          onChange={(e) => save.mutate({ sound: e.target.checked })}
        />
        {t('panel.sound')}
      </label>
      <label className="notification-setting">
        <input
          type="checkbox"
          checked={preferences.browser && permission !== 'unsupported'}
          disabled={permission === 'unsupported'}
          aria-describedby={
            permission === 'denied' || permission === 'unsupported' ? `${id}-why` : undefined
          }
          onChange={(e) => void toggleBrowser(e.target.checked)}
        />
        {t('panel.browser')}
      </label>
      {preferences.browser && permission === 'default' ? (
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            void window.Notification.requestPermission().then((answer) => setPermission(answer))
          }
        >
          {t('panel.browserAsk')}
        </button>
      ) : null}
      {permission === 'denied' || permission === 'unsupported' ? (
        <p id={`${id}-why`} className="muted small">
          {permission === 'denied' ? t('panel.browserDenied') : t('panel.browserUnsupported')}
        </p>
      ) : null}
    </fieldset>
  );
}
