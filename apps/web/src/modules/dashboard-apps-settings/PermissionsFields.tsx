import { APP_PERMISSIONS, DASHBOARD_APP_PERMISSIONS, type AppPermission } from '@bevatel/protocol';
import { useState } from 'react';
import { withPermission, type AppFormValues } from './form';
import { TextAreaField } from './FormParts';
import { useDashboardAppsT } from './i18n';
import { permissionWords } from './permission-words';

type Values = Pick<AppFormValues, 'permissions' | 'allowSendAnyway' | 'proxyAllowlist' | 'allow'>;

/**
 * What the app may do (level-2 grants, always shown: this is the consent), whether agents may
 * send anyway, the hosts the server may call for it, and its frame's browser features (folded).
 */
export function PermissionsFields({
  id,
  values,
  errors,
  onChange,
}: {
  id: string;
  values: Values;
  errors: { permissions: string; proxyAllowlist: string; allow: string };
  onChange: (patch: Partial<Values>) => void;
}) {
  const { t, i18n } = useDashboardAppsT();
  // Shown open when the app already has iframe permissions; otherwise one line, out of the way.
  const [frameOpen] = useState(() => values.allow.length > 0);
  const toggleAllow = (permission: string, on: boolean) =>
    onChange({
      allow: DASHBOARD_APP_PERMISSIONS.filter((p) =>
        p === permission ? on : values.allow.includes(p),
      ),
    });
  return (
    <>
      <fieldset className="dapps-grants" aria-describedby={`${id}-grants-hint`}>
        <legend className="dapps-grants-legend">{t('form.grants')}</legend>
        <p id={`${id}-grants-hint`} className="dapps-field-hint">
          {t('form.grantsHint')}
        </p>
        <div className="dapps-permission-grid dapps-grant-list">
          {APP_PERMISSIONS.map((permission: AppPermission) => (
            <label key={permission} className="dapps-permission">
              <input
                type="checkbox"
                name="permissions"
                value={permission}
                checked={values.permissions.includes(permission)}
                onChange={(event) =>
                  onChange({
                    permissions: withPermission(
                      values.permissions,
                      permission,
                      event.target.checked,
                    ),
                  })
                }
              />
              <span className="dapps-permission-text">
                <span>{permissionWords(permission, i18n.language).long}</span>
                <code dir="ltr">{permission}</code>
              </span>
            </label>
          ))}
        </div>
        <label className="dapps-permission dapps-send-anyway">
          <input
            type="checkbox"
            name="allow_send_anyway"
            checked={values.allowSendAnyway}
            onChange={(event) => onChange({ allowSendAnyway: event.target.checked })}
          />
          <span className="dapps-permission-text">
            <span>{t('form.sendAnyway')}</span>
            <span className="dapps-field-hint">{t('form.sendAnywayHint')}</span>
          </span>
        </label>
        {errors.permissions ? <p className="dapps-field-error">{errors.permissions}</p> : null}
      </fieldset>

      <TextAreaField
        id={`${id}-proxy`}
        data-field="proxyAllowlist"
        label={t('proxy.label')}
        hint={t('proxy.hint')}
        error={errors.proxyAllowlist || null}
        name="proxy_allowlist"
        rows={3}
        dir="ltr"
        spellCheck={false}
        autoComplete="off"
        placeholder="api.example.com"
        value={values.proxyAllowlist}
        onChange={(event) => onChange({ proxyAllowlist: event.target.value })}
      />

      <details className="dapps-permissions" open={frameOpen}>
        <summary>
          {t('form.permissions')} <span className="muted">({t('form.optional')})</span>
        </summary>
        <fieldset aria-describedby={`${id}-allow-hint`}>
          <legend className="sr-only">{t('form.permissions')}</legend>
          <p id={`${id}-allow-hint`} className="dapps-field-hint">
            {t('form.permissionsHint')}
          </p>
          <div className="dapps-permission-grid">
            {DASHBOARD_APP_PERMISSIONS.map((permission) => (
              <label key={permission} className="dapps-permission">
                <input
                  type="checkbox"
                  name="allow"
                  value={permission}
                  checked={values.allow.includes(permission)}
                  onChange={(event) => toggleAllow(permission, event.target.checked)}
                />
                <span className="dapps-permission-text">
                  <span>{t(`permission.${permission}`)}</span>
                  <code dir="ltr">{permission}</code>
                </span>
              </label>
            ))}
          </div>
          {errors.allow ? <p className="dapps-field-error">{errors.allow}</p> : null}
        </fieldset>
      </details>
    </>
  );
}
