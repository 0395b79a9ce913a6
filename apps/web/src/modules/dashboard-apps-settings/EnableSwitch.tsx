import { useDashboardAppsT } from './i18n';

/** The on/off switch of one app (WAI-ARIA switch): Space or Enter flips it. */
export function EnableSwitch({
  name,
  enabled,
  onChange,
}: {
  name: string;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}) {
  const { t } = useDashboardAppsT();
  return (
    <button
      type="button"
      role="switch"
      className="dapps-switch"
      aria-checked={enabled}
      aria-label={t('toggle.label', { name })}
      onClick={() => onChange(!enabled)}
    >
      <span className="dapps-switch-track" aria-hidden="true">
        <span className="dapps-switch-thumb" />
      </span>
      <span className="dapps-switch-text" aria-hidden="true">
        {t(enabled ? 'toggle.on' : 'toggle.off')}
      </span>
    </button>
  );
}
