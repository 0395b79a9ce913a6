import { DASHBOARD_APP_LOCATIONS, type DashboardAppLocation } from '@bevatel/protocol';
import { toggled } from './form';
import { FieldError } from './FormParts';
import { useDashboardAppsT } from './i18n';

/** Where the app appears: one or several places, each with what it means in plain words. */
export function LocationsField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: DashboardAppLocation[];
  error: string;
  onChange: (next: DashboardAppLocation[]) => void;
}) {
  const { t } = useDashboardAppsT();
  return (
    <fieldset
      className="dapps-group"
      data-field="locations"
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim()}
      aria-invalid={error ? true : undefined}
    >
      <legend className="dapps-group-legend">{t('where.legend')}</legend>
      <p id={`${id}-hint`} className="dapps-field-hint">
        {t('where.hint')}
      </p>
      <div className="dapps-choice-grid">
        {DASHBOARD_APP_LOCATIONS.map((location) => (
          <label key={location} className="dapps-choice">
            <input
              type="checkbox"
              name="locations"
              value={location}
              checked={value.includes(location)}
              onChange={(event) =>
                onChange(toggled(DASHBOARD_APP_LOCATIONS, value, location, event.target.checked))
              }
            />
            <span className="dapps-choice-text">
              <span className="dapps-choice-title">{t(`where.${location}.title`)}</span>
              <span className="dapps-field-hint">{t(`where.${location}.body`)}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}
