import { useId, useState } from 'react';
import { useProfileQuery } from '../session/session';
import { browserNotificationsSupported } from './alerts';
import { useNotificationsT } from './i18n';
import { alertPreferencesOf, useSaveAlertPreferences, type AlertPreferences } from './queries';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission =>
  browserNotificationsSupported() ? window.Notification.permission : 'unsupported';

/** Drops the choices a settled save made, unless the agent has since chosen otherwise. */
function withoutSettled(
  current: Partial<AlertPreferences>,
  settled: Partial<AlertPreferences>,
): Partial<AlertPreferences> {
  const next = { ...current };
  for (const key of ['sound', 'browser'] as const) {
    if (settled[key] !== undefined && next[key] === settled[key]) delete next[key];
  }
  return next;
}

/** Sound and browser notifications, each the agent's own choice, saved to their profile. */
export function AlertSettings() {
  const { t } = useNotificationsT();
  const { data: profile } = useProfileQuery();
  const save = useSaveAlertPreferences();
  // The agent's last choice shows at once: the cached profile follows only after the mutation's
  // onMutate and the query's batched notification, a task later, and a controlled checkbox would
  // snap back to the old value in between (a quick second click was then lost).
  const [chosen, setChosen] = useState<Partial<AlertPreferences>>({});
  const preferences = { ...alertPreferencesOf(profile), ...chosen };
  const choose = (change: Partial<AlertPreferences>) => {
    setChosen((current) => ({ ...current, ...change }));
    save.mutate(change, {
      // Once saved (or refused and refetched) the profile is the truth again.
      onSettled: () => setChosen((current) => withoutSettled(current, change)),
    });
  };
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const id = useId();

  const toggleBrowser = async (on: boolean) => {
    choose({ browser: on });
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
          onChange={(e) => choose({ sound: e.target.checked })}
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
