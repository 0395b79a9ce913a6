import {
  APP_PERMISSIONS,
  DEFAULT_APP_LOCATIONS,
  type AppSettingValue,
  type DashboardApp,
  type DashboardAppManifest,
} from '@bevatel/protocol';
import { useId, useState } from 'react';
import { ApiError } from '../../lib/api';
import { appTitle } from '../../dashboard-apps/placed-apps';
import type { AppFormErrors } from './form';
import { useSay } from './FormParts';
import { useDashboardAppsT } from './i18n';
import { manifestOrigin } from './manifest-read';
import { Modal } from './Modal';
import { permissionWords } from './permission-words';
import { useInstallManifest } from './queries';
import { SettingValue } from './SettingCard';
import {
  readDraftValue,
  settingDraftOf,
  settingProblems,
  type SettingDraft,
} from './setting-drafts';

/**
 * The one consent screen before a manifest is installed: who serves the app, where it will
 * appear, what it will see and may do in plain words, the hosts the server will call for it,
 * and its settings to fill in (secure ones hidden as they are typed, never shown again).
 */
export function ManifestConsent({
  accountId,
  manifest,
  onBack,
  onClose,
  onBusy,
  onRefused,
  onInstalled,
}: {
  accountId: number;
  manifest: DashboardAppManifest;
  onBack: () => void;
  onClose: () => void;
  onBusy: (busy: boolean) => void;
  onRefused: (error: ApiError) => void;
  onInstalled: (app: DashboardApp) => void;
}) {
  const { t, i18n } = useDashboardAppsT();
  const say = useSay();
  const id = useId();
  const install = useInstallManifest(accountId);
  const [drafts, setDrafts] = useState<SettingDraft[]>(() =>
    (manifest.settings ?? []).map((setting) =>
      settingDraftOf({
        ...setting,
        required: setting.required ?? false,
        secure: setting.secure ?? false,
      }),
    ),
  );
  const [errors, setErrors] = useState<AppFormErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const locations = manifest.locations ?? [...DEFAULT_APP_LOCATIONS];
  const granted = APP_PERMISSIONS.filter((p) => (manifest.permissions ?? []).includes(p));
  const language = i18n.language.startsWith('ar') ? 'ar' : 'en';
  const name = appTitle({ title: manifest.name, title_ar: manifest.name_ar ?? null }, language);
  const sees = [
    locations.some((l) => l.startsWith('conversation.')) ? t('manifest.seesConversation') : null,
    locations.includes('contact.page') ? t('manifest.seesContact') : null,
    locations.includes('navigation.page') ? t('manifest.seesPage') : null,
  ].filter((line): line is string => line !== null);

  const submit = async () => {
    const found = settingProblems(drafts);
    setErrors(found);
    setFailed(null);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0] ?? '';
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"]`)?.focus();
      return;
    }
    const settings: Record<string, AppSettingValue> = {};
    for (const draft of drafts) {
      const value = readDraftValue(draft);
      if (value.kind === 'set') settings[draft.name] = value.value;
    }
    onBusy(true);
    try {
      onInstalled(await install.mutateAsync({ manifest, settings }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const setting = /^settings\.(\w+)$/.exec(error.field ?? '');
        const index = setting ? drafts.findIndex((d) => d.name === setting[1]) : -1;
        if (index >= 0) setErrors({ [`setting.${index}.value`]: { text: error.message } });
        else onRefused(error);
      } else {
        setFailed(t('manifest.failed'));
      }
    } finally {
      onBusy(false);
    }
  };

  return (
    <Modal
      title={t('manifest.consentTitle', { name })}
      description={manifest.description ? <p dir="auto">{manifest.description}</p> : undefined}
      closeLabel={t('form.close')}
      onClose={onClose}
      busy={install.isPending}
      size="wide"
    >
      <form
        className="dapps-form dapps-consent"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <dl className="dapps-consent-facts">
          <div>
            <dt>{t('manifest.from')}</dt>
            <dd>
              <bdi dir="ltr" className="dapps-origin">
                {manifestOrigin(manifest)}
              </bdi>
            </dd>
          </div>
        </dl>

        <section aria-labelledby={`${id}-where`}>
          <h3 id={`${id}-where`} className="dapps-consent-title">
            {t('manifest.where')}
          </h3>
          <ul className="dapps-consent-list">
            {locations.map((location) => (
              <li key={location}>
                <strong>{t(`where.${location}.title`)}</strong> — {t(`where.${location}.body`)}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby={`${id}-sees`}>
          <h3 id={`${id}-sees`} className="dapps-consent-title">
            {t('manifest.sees')}
          </h3>
          <ul className="dapps-consent-list">
            {sees.map((line) => (
              <li key={line}>{line}</li>
            ))}
            <li>{t('manifest.seesNotes')}</li>
          </ul>
        </section>

        <section aria-labelledby={`${id}-does`}>
          <h3 id={`${id}-does`} className="dapps-consent-title">
            {t('manifest.does')}
          </h3>
          {granted.length === 0 ? (
            <p className="muted">{t('manifest.doesNothing')}</p>
          ) : (
            <ul className="dapps-consent-list">
              {granted.map((permission) => (
                <li key={permission}>
                  {permissionWords(permission, i18n.language).long}{' '}
                  <code dir="ltr">{permission}</code>
                </li>
              ))}
            </ul>
          )}
          {(manifest.allow ?? []).length > 0 ? (
            <>
              <h4 className="dapps-consent-subtitle">{t('manifest.browser')}</h4>
              <ul className="dapps-chips">
                {(manifest.allow ?? []).map((feature) => (
                  <li key={feature} className="dapps-chip">
                    {t(`permission.${feature}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {(manifest.proxy_allowlist ?? []).length > 0 ? (
            <>
              <h4 className="dapps-consent-subtitle">{t('manifest.calls')}</h4>
              <ul className="dapps-chips">
                {(manifest.proxy_allowlist ?? []).map((host) => (
                  <li key={host} className="dapps-chip">
                    <bdi dir="ltr">{host}</bdi>
                  </li>
                ))}
              </ul>
              <p className="dapps-field-hint">{t('manifest.callsHint')}</p>
            </>
          ) : null}
        </section>

        <section aria-labelledby={`${id}-settings`}>
          <h3 id={`${id}-settings`} className="dapps-consent-title">
            {t('manifest.settings')}
          </h3>
          {drafts.length === 0 ? <p className="muted">{t('manifest.noSettings')}</p> : null}
          <div className="dapps-consent-settings">
            {drafts.map((draft, index) => {
              const label =
                (language === 'ar' && draft.labelAr.trim()) || draft.label.trim() || draft.name;
              return (
                <SettingValue
                  key={draft.key}
                  id={`${id}-${draft.key}`}
                  label={label}
                  draft={draft}
                  index={index}
                  error={say(errors[`setting.${index}.value`])}
                  onChange={(patch) =>
                    setDrafts((current) =>
                      current.map((d, i) => (i === index ? { ...d, ...patch } : d)),
                    )
                  }
                />
              );
            })}
          </div>
        </section>

        <p className="dapps-warning" role="note">
          {t('manifest.everyone')}
        </p>

        <div className="dapps-modal-actions dapps-form-actions">
          {failed ? (
            <p className="form-error dapps-form-error" role="alert">
              {failed}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-ghost"
            onClick={onBack}
            disabled={install.isPending}
          >
            {t('manifest.back')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            aria-busy={install.isPending || undefined}
          >
            {install.isPending ? t('manifest.installing') : t('manifest.installNow')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
