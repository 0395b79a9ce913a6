import type { Webhook } from '@bevatel/protocol';
import { useId, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField';
import { ApiError } from '../../lib/api';
import { Modal } from '../dashboard-apps-settings/Modal';
import {
  EMPTY_WEBHOOK_FORM,
  OFFERED_EVENTS,
  formValuesOf,
  requestBodyOf,
  serverUrlProblem,
  validateWebhookForm,
  type WebhookFormErrors,
} from './form';
import { useWebhooksT } from './i18n';
import { useSaveWebhook } from './queries';

/** Add (webhook null) or edit: URL, an optional name, the events to send. */
export function WebhookFormDialog({
  accountId,
  webhook,
  onClose,
  onSaved,
}: {
  accountId: number;
  webhook: Webhook | null;
  onClose: () => void;
  onSaved: (saved: Webhook) => void;
}) {
  const { t } = useWebhooksT();
  const [values, setValues] = useState(webhook ? formValuesOf(webhook) : EMPTY_WEBHOOK_FORM);
  const [errors, setErrors] = useState<WebhookFormErrors & { form?: string }>({});
  const [submitted, setSubmitted] = useState(false);
  const save = useSaveWebhook(accountId);
  const ids = { url: useId(), name: useId(), events: useId(), form: useId() };
  const urlRef = useRef<HTMLInputElement>(null);

  const localErrors = (next: typeof values): WebhookFormErrors => {
    const problems = validateWebhookForm(next);
    return {
      ...(problems.url ? { url: t(`url.${problems.url}`) } : {}),
      ...(problems.subscriptions ? { subscriptions: t('form.noEvents') } : {}),
    };
  };

  const update = (next: typeof values) => {
    setValues(next);
    if (submitted) setErrors(localErrors(next));
  };

  const toggle = (event: (typeof OFFERED_EVENTS)[number], on: boolean) =>
    update({
      ...values,
      subscriptions: on
        ? [...values.subscriptions, event]
        : values.subscriptions.filter((e) => e !== event),
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSubmitted(true);
    const local = localErrors(values);
    if (Object.keys(local).length > 0) {
      setErrors({ ...local, form: t('form.fixErrors') });
      if (local.url) urlRef.current?.focus();
      return;
    }
    setErrors({});
    try {
      onSaved(await save.mutateAsync({ id: webhook?.id ?? null, body: requestBodyOf(values) }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.field === 'url') {
        const problem = serverUrlProblem(error.message);
        setErrors({
          url: problem ? t(`url.${problem}`) : error.message,
          form: t('form.fixErrors'),
        });
        urlRef.current?.focus();
      } else {
        setErrors({ form: t('form.failed') });
      }
    }
  };

  const allOn = OFFERED_EVENTS.every((e) => values.subscriptions.includes(e));

  return (
    <Modal
      title={t(webhook ? 'form.editTitle' : 'form.addTitle')}
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
          ref={urlRef}
          id={ids.url}
          label={t('form.url')}
          hint={t('form.urlHint')}
          error={errors.url ?? null}
          name="url"
          type="url"
          inputMode="url"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          required
          placeholder={t('form.urlPlaceholder')}
          value={values.url}
          onChange={(e) => update({ ...values, url: e.target.value })}
          data-autofocus
        />
        <TextField
          fieldClass="dapps-field"
          id={ids.name}
          label={`${t('form.name')} (${t('form.optional')})`}
          name="name"
          type="text"
          autoComplete="off"
          maxLength={255}
          placeholder={t('form.namePlaceholder')}
          value={values.name}
          onChange={(e) => update({ ...values, name: e.target.value })}
        />
        <fieldset
          className="dapps-grants"
          aria-describedby={`${ids.events}-hint${errors.subscriptions ? ` ${ids.events}-error` : ''}`}
        >
          <legend className="dapps-grants-legend">{t('form.events')}</legend>
          <p id={`${ids.events}-hint`} className="dapps-field-hint">
            {t('form.eventsHint')}
          </p>
          <label className="dapps-permission">
            <input
              type="checkbox"
              checked={allOn}
              onChange={(e) =>
                update({ ...values, subscriptions: e.target.checked ? [...OFFERED_EVENTS] : [] })
              }
            />
            <span className="dapps-permission-text">
              <span>{t('form.all')}</span>
            </span>
          </label>
          <div className="dapps-permission-grid">
            {OFFERED_EVENTS.map((name) => (
              <label key={name} className="dapps-permission">
                <input
                  type="checkbox"
                  name="subscriptions"
                  value={name}
                  checked={values.subscriptions.includes(name)}
                  onChange={(e) => toggle(name, e.target.checked)}
                />
                <span className="dapps-permission-text">
                  <span>{t(`event.${name}`)}</span>
                  <code dir="ltr">{name}</code>
                </span>
              </label>
            ))}
          </div>
          {errors.subscriptions ? (
            <p id={`${ids.events}-error`} className="dapps-field-error">
              {errors.subscriptions}
            </p>
          ) : null}
        </fieldset>
        {errors.form ? (
          <p id={ids.form} className="form-error dapps-form-error" role="alert">
            {errors.form}
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
            {save.isPending ? t('form.saving') : t(webhook ? 'form.save' : 'form.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
