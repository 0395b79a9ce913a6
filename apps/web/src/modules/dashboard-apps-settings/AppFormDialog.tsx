import { DASHBOARD_APP_PERMISSIONS, type DashboardApp } from '@bevatel/protocol';
import { useId, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField';
import { ApiError } from '../../lib/api';
import {
  EMPTY_FORM,
  formValuesOf,
  requestBodyOf,
  serverErrorToFormErrors,
  validateAppForm,
  type AppFormErrors,
  type FieldMessage,
  type UrlRules,
} from './form';
import { useDashboardAppsT } from './i18n';
import { Modal } from './Modal';
import { useSaveApp } from './queries';

/** Add (app null) or edit an app: Name, Endpoint, optional iframe permissions. */
export function AppFormDialog({
  accountId,
  app,
  rules,
  onClose,
  onSaved,
}: {
  accountId: number;
  app: DashboardApp | null;
  rules: UrlRules;
  onClose: () => void;
  onSaved: (saved: DashboardApp) => void;
}) {
  const { t } = useDashboardAppsT();
  const [values, setValues] = useState(app ? formValuesOf(app) : EMPTY_FORM);
  const [errors, setErrors] = useState<AppFormErrors>({});
  // Judged on submit, then live while corrected: judging on blur would move the buttons
  // under the pointer (the error line appears) and swallow the click on Create.
  const [submitted, setSubmitted] = useState(false);
  // Shown open when the app already has permissions; otherwise one line, out of the way.
  const [permissionsOpen] = useState(() => values.allow.length > 0);
  const save = useSaveApp(accountId);
  const ids = { title: useId(), url: useId(), allow: useId(), form: useId() };
  const titleRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  const say = (message: FieldMessage | undefined) =>
    !message ? '' : 'text' in message ? message.text : t(message.key, message.values);

  const change = (field: 'title' | 'url', value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (submitted || errors[field]) {
      const local = validateAppForm(next, rules);
      setErrors((current) => ({ ...current, form: undefined, [field]: local[field] }));
    }
  };

  const toggle = (permission: string, on: boolean) =>
    setValues((current) => ({
      ...current,
      allow: on
        ? DASHBOARD_APP_PERMISSIONS.filter((p) => p === permission || current.allow.includes(p))
        : current.allow.filter((p) => p !== permission),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const local = validateAppForm(values, rules);
    setSubmitted(true);
    if (Object.keys(local).length > 0) {
      setErrors({ ...local, form: { key: 'form.fixErrors' } });
      (local.title ? titleRef : urlRef).current?.focus();
      return;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync({
        id: app?.id ?? null,
        body: requestBodyOf(values, app ?? undefined),
      });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const mapped = serverErrorToFormErrors(error, values, rules);
        setErrors({ ...mapped, ...(mapped.form ? {} : { form: { key: 'form.fixErrors' } }) });
        if (mapped.title) titleRef.current?.focus();
        else if (mapped.url) urlRef.current?.focus();
      } else {
        setErrors({ form: { key: 'form.failed' } });
      }
    }
  };

  return (
    <Modal
      title={t(app ? 'form.editTitle' : 'form.addTitle')}
      description={<p>{t('form.intro')}</p>}
      closeLabel={t('form.close')}
      onClose={onClose}
      busy={save.isPending}
    >
      <form
        className="dapps-form"
        noValidate
        onSubmit={submit}
        aria-describedby={errors.form ? ids.form : undefined}
      >
        <TextField
          fieldClass="dapps-field"
          ref={titleRef}
          id={ids.title}
          label={t('form.name')}
          error={errors.title ? say(errors.title) : null}
          name="title"
          type="text"
          autoComplete="off"
          required
          maxLength={1000}
          placeholder={t('form.namePlaceholder')}
          value={values.title}
          onChange={(event) => change('title', event.target.value)}
          data-autofocus
        />

        <TextField
          fieldClass="dapps-field"
          ref={urlRef}
          id={ids.url}
          label={t('form.endpoint')}
          hint={t('form.endpointHint')}
          error={errors.url ? say(errors.url) : null}
          name="url"
          type="url"
          inputMode="url"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          required
          placeholder={t('form.endpointPlaceholder')}
          value={values.url}
          onChange={(event) => change('url', event.target.value)}
        />

        <details className="dapps-permissions" open={permissionsOpen}>
          <summary>
            {t('form.permissions')} <span className="muted">({t('form.optional')})</span>
          </summary>
          <fieldset aria-describedby={`${ids.allow}-hint`}>
            <legend className="sr-only">{t('form.permissions')}</legend>
            <p id={`${ids.allow}-hint`} className="dapps-field-hint">
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
                    onChange={(event) => toggle(permission, event.target.checked)}
                  />
                  <span className="dapps-permission-text">
                    <span>{t(`permission.${permission}`)}</span>
                    <code dir="ltr">{permission}</code>
                  </span>
                </label>
              ))}
            </div>
            {errors.allow ? <p className="dapps-field-error">{say(errors.allow)}</p> : null}
          </fieldset>
        </details>

        {errors.form ? (
          <p id={ids.form} className="form-error dapps-form-error" role="alert">
            {say(errors.form)}
          </p>
        ) : null}

        <div className="dapps-modal-actions">
          <button
            type="button"
            className="button button-ghost"
            onClick={onClose}
            disabled={save.isPending}
          >
            {t('form.cancel')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            aria-busy={save.isPending || undefined}
          >
            {save.isPending ? t('form.saving') : t(app ? 'form.save' : 'form.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
