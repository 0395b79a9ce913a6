import { APP_VISIBILITY_ROLES, type UserRole } from '@bevatel/protocol';
import { CheckList, type CheckItem } from './CheckList';
import { toggled, type AppFormValues } from './form';
import { FieldError } from './FormParts';
import { useDashboardAppsT } from './i18n';

type Audience = Pick<AppFormValues, 'audience' | 'roles' | 'inboxIds' | 'teamIds'>;

/**
 * Who sees the app: everyone (the default), or only the roles, inboxes and teams chosen. The
 * rule is said back in words under the choices, as the apps table will say it.
 */
export function VisibilityField({
  id,
  value,
  inboxes,
  teams,
  loading,
  summary,
  error,
  onChange,
}: {
  id: string;
  value: Audience;
  inboxes: CheckItem[];
  teams: CheckItem[];
  loading: boolean;
  summary: string;
  error: string;
  onChange: (next: Partial<Audience>) => void;
}) {
  const { t } = useDashboardAppsT();
  const some = value.audience === 'some';
  return (
    <fieldset
      className="dapps-group"
      data-field="visibility"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="dapps-group-legend">{t('who.legend')}</legend>
      <div className="dapps-radios">
        {(['everyone', 'some'] as const).map((audience) => (
          <label key={audience} className="dapps-permission">
            <input
              type="radio"
              name={`${id}-audience`}
              value={audience}
              checked={value.audience === audience}
              onChange={() => onChange({ audience })}
            />
            <span>{t(audience === 'everyone' ? 'who.everyone' : 'who.some')}</span>
          </label>
        ))}
      </div>
      {some ? (
        <div className="dapps-audience">
          <p className="dapps-field-hint">{t('who.someHint')}</p>
          <fieldset className="dapps-subgroup">
            <legend className="dapps-subgroup-legend">{t('who.roles')}</legend>
            <div className="dapps-inline-choices">
              {APP_VISIBILITY_ROLES.map((role: UserRole) => (
                <label key={role} className="dapps-permission">
                  <input
                    type="checkbox"
                    checked={value.roles.includes(role)}
                    onChange={(event) =>
                      onChange({
                        roles: toggled(
                          APP_VISIBILITY_ROLES,
                          value.roles,
                          role,
                          event.target.checked,
                        ),
                      })
                    }
                  />
                  <span>{t(`who.role.${role}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {loading ? (
            <p className="muted">{t('who.loading')}</p>
          ) : (
            <div className="dapps-audience-lists">
              <CheckList
                legend={t('who.inboxes')}
                hint={t('who.inboxesHint')}
                items={inboxes}
                selected={value.inboxIds}
                empty={t('who.noInboxes')}
                onChange={(inboxIds) => onChange({ inboxIds })}
              />
              <CheckList
                legend={t('who.teams')}
                hint={t('who.teamsHint')}
                items={teams}
                selected={value.teamIds}
                empty={t('who.noTeams')}
                onChange={(teamIds) => onChange({ teamIds })}
              />
            </div>
          )}
        </div>
      ) : null}
      <p className="dapps-rule-summary" aria-live="polite">
        {t('who.summary', { rule: summary })}
      </p>
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}
