import { OPEN_VISIBILITY, type DashboardApp } from '@bevatel/protocol';
import { useId, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField';
import { ApiError } from '../../lib/api';
import { useInboxes, useTeams } from '../account-data/queries';
import {
  EMPTY_FORM,
  firstErrorField,
  formValuesOf,
  requestBodyOf,
  serverErrorToFormErrors,
  validateAppForm,
  type AppFormErrors,
  type AppFormValues,
  type UrlRules,
} from './form';
import { FormSection, latin, TextAreaField, useSay } from './FormParts';
import { useDashboardAppsT } from './i18n';
import { LocationsField } from './LocationsField';
import { Modal } from './Modal';
import { PermissionsFields } from './PermissionsFields';
import { useSaveApp } from './queries';
import { ruleInWords } from './rule-words';
import { SettingsEditor } from './SettingsEditor';
import { UrlTemplateHelp } from './UrlTemplateHelp';
import { VisibilityField } from './VisibilityField';

/** Moves focus to a field by its `data-field` (a group: its first control). */
export function focusField(root: HTMLElement | null, field: string): void {
  const target = root?.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  if (!target) return;
  const control =
    target instanceof HTMLFieldSetElement
      ? target.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button')
      : target;
  control?.focus();
}

/**
 * Add (app null) or edit an app: what it is, where it appears, who sees it, its settings and
 * what it may do.
 */
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
  const { t, i18n } = useDashboardAppsT();
  const say = useSay();
  const [values, setValues] = useState<AppFormValues>(() =>
    app ? formValuesOf(app) : { ...EMPTY_FORM, settings: [] },
  );
  const [errors, setErrors] = useState<AppFormErrors>({});
  // Judged on submit, then live while corrected: judging on blur would move the buttons
  // under the pointer (the error line appears) and swallow the click on Create.
  const [submitted, setSubmitted] = useState(false);
  const save = useSaveApp(accountId);
  const inboxes = useInboxes(accountId);
  const teams = useTeams(accountId);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const id = (name: string) => `${base}-${name}`;

  const change = (patch: Partial<AppFormValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    if (submitted) setErrors(validateAppForm(next, rules));
  };

  const focusFirst = (found: AppFormErrors) => {
    const field = firstErrorField(found);
    // After the render that shows the errors (and opens a folded definition).
    if (field) requestAnimationFrame(() => focusField(formRef.current, field));
  };

  const insertPlaceholder = (text: string, caretFromEnd: number) => {
    const input = urlRef.current;
    const start = input?.selectionStart ?? values.url.length;
    const end = input?.selectionEnd ?? start;
    const url = values.url.slice(0, start) + text + values.url.slice(end);
    change({ url });
    requestAnimationFrame(() => {
      const caret = start + text.length - caretFromEnd;
      input?.focus();
      input?.setSelectionRange(caret, caret);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const local = validateAppForm(values, rules);
    setSubmitted(true);
    if (Object.keys(local).length > 0) {
      setErrors({ ...local, form: { key: 'form.fixErrors' } });
      focusFirst(local);
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
        focusFirst(mapped);
      } else {
        setErrors({ form: { key: 'form.failed' } });
      }
    }
  };

  const inboxItems = (inboxes.data ?? []).map(({ id: inboxId, name }) => ({ id: inboxId, name }));
  const teamItems = (teams.data ?? []).map(({ id: teamId, name }) => ({ id: teamId, name }));
  const summary = ruleInWords(
    values.audience === 'some'
      ? { roles: values.roles, inbox_ids: values.inboxIds, team_ids: values.teamIds }
      : OPEN_VISIBILITY,
    {
      inbox: (inboxId) => inboxItems.find((item) => item.id === inboxId)?.name,
      team: (teamId) => teamItems.find((item) => item.id === teamId)?.name,
    },
    t,
    i18n.language,
  );

  return (
    <Modal
      title={t(app ? 'form.editTitle' : 'form.addTitle')}
      description={<p>{t('form.intro')}</p>}
      closeLabel={t('form.close')}
      onClose={onClose}
      busy={save.isPending}
      size="wide"
    >
      <form
        ref={formRef}
        className="dapps-form"
        noValidate
        onSubmit={submit}
        aria-describedby={errors.form ? id('form-error') : undefined}
      >
        <FormSection id={id('about')} title={t('form.about')}>
          <TextField
            fieldClass="dapps-field"
            id={id('title')}
            label={t('form.name')}
            error={say(errors.title) || null}
            name="title"
            type="text"
            data-field="title"
            autoComplete="off"
            required
            maxLength={1000}
            placeholder={t('form.namePlaceholder')}
            value={values.title}
            onChange={(event) => change({ title: event.target.value })}
            data-autofocus
          />
          <TextField
            fieldClass="dapps-field"
            id={id('title-ar')}
            label={t('form.nameAr')}
            hint={t('form.nameArHint')}
            error={say(errors.titleAr) || null}
            name="title_ar"
            type="text"
            data-field="titleAr"
            dir="rtl"
            lang="ar"
            autoComplete="off"
            value={values.titleAr}
            onChange={(event) => change({ titleAr: event.target.value })}
          />
          <TextAreaField
            id={id('description')}
            data-field="description"
            label={t('form.descriptionLabel')}
            hint={t('form.descriptionHint')}
            error={say(errors.description) || null}
            name="description"
            rows={2}
            dir="auto"
            value={values.description}
            onChange={(event) => change({ description: event.target.value })}
          />
          <TextField
            fieldClass="dapps-field"
            id={id('icon')}
            label={t('form.iconUrl')}
            hint={t('form.iconHint')}
            error={say(errors.iconUrl) || null}
            name="icon_url"
            type="url"
            data-field="iconUrl"
            inputMode="url"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://apps.example.com/icon.png"
            value={values.iconUrl}
            onChange={(event) => change({ iconUrl: event.target.value })}
          />
          <div className="dapps-url-field">
            <TextField
              fieldClass="dapps-field"
              ref={urlRef}
              id={id('url')}
              label={t('form.endpoint')}
              hint={t('form.endpointHint', { example: latin(i18n.language, '{{contact.email}}') })}
              error={say(errors.url) || null}
              name="url"
              type="url"
              data-field="url"
              inputMode="url"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              required
              placeholder={t('form.endpointPlaceholder')}
              value={values.url}
              onChange={(event) => change({ url: event.target.value })}
            />
            <UrlTemplateHelp onInsert={insertPlaceholder} />
          </div>
        </FormSection>

        <LocationsField
          id={id('locations')}
          value={values.locations}
          error={say(errors.locations)}
          onChange={(locations) => change({ locations })}
        />

        <VisibilityField
          id={id('visibility')}
          value={values}
          inboxes={inboxItems}
          teams={teamItems}
          loading={inboxes.isPending || teams.isPending}
          summary={summary}
          error={say(errors.visibility)}
          onChange={change}
        />

        <FormSection id={id('settings')} title={t('settings.legend')}>
          <SettingsEditor
            id={id('setting')}
            drafts={values.settings}
            errors={errors}
            onChange={(settings) => change({ settings })}
          />
        </FormSection>

        <PermissionsFields
          id={id('grants')}
          values={values}
          errors={{
            permissions: say(errors.permissions),
            proxyAllowlist: say(errors.proxyAllowlist),
            allow: say(errors.allow),
          }}
          onChange={change}
        />

        <div className="dapps-modal-actions dapps-form-actions">
          {errors.form ? (
            <p id={id('form-error')} className="form-error dapps-form-error" role="alert">
              {say(errors.form)}
            </p>
          ) : null}
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
