import type { Inbox } from '@bevatel/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState, errorMessageKey } from '../../components/States';
import { ApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { queryKeys } from '../../lib/query-keys';
import { showToast } from '../../lib/toasts';
import { useAccount } from '../session/account';
import { toWidgetBody, toWidgetForm, type WidgetForm } from './widget-form';

const DAYS = [0, 1, 2, 3, 4, 5, 6];

/** One website inbox: the snippet to paste (copyable) and every option of its widget. */
export function WebWidgetSettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const { inboxId } = useParams();
  const path = api.account(account.id, `inboxes/${Number(inboxId)}`);
  const inbox = useQuery({
    queryKey: [...queryKeys.inboxes(account.id), Number(inboxId)],
    queryFn: () => api.get(path),
  });
  if (inbox.isPending) return <LoadingState />;
  if (inbox.error) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  return (
    <div className="page widget-settings">
      <p>
        <Link to={`/app/accounts/${account.id}/settings/inboxes`}>{t('settings.widget.back')}</Link>
      </p>
      <h1>{t('settings.widget.title', { name: inbox.data.name })}</h1>
      <Snippet script={inbox.data.web_widget_script ?? ''} />
      <OptionsForm key={inbox.data.id} inbox={inbox.data} path={path} />
    </div>
  );
}

function Snippet({ script }: { script: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('settings.widget.snippet')}</h2>
      <p className="muted">{t('settings.widget.snippetHelp')}</p>
      <pre className="snippet" dir="ltr" tabIndex={0}>
        <code>{script}</code>
      </pre>
      <button
        type="button"
        className="button"
        onClick={() =>
          void navigator.clipboard
            .writeText(script)
            .then(() => showToast({ message: t('settings.widget.copied'), kind: 'success' }))
            .catch(() => showToast({ message: t('settings.widget.copyFailed'), kind: 'error' }))
        }
      >
        {t('settings.widget.copy')}
      </button>
    </section>
  );
}

function OptionsForm({
  inbox,
  path,
}: {
  inbox: Inbox;
  path: `/api/v1/accounts/${number}/inboxes/${number}`;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const id = useId();
  const [form, setForm] = useState<WidgetForm>(() => toWidgetForm(inbox));
  const [showSecret, setShowSecret] = useState(false);
  const set = <K extends keyof WidgetForm>(key: K, value: WidgetForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () => api.patch(path, toWidgetBody(form)),
    onSuccess: () => {
      showToast({ message: t('settings.widget.saved'), kind: 'success' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inboxes(account.id) });
    },
  });
  const badField = save.error instanceof ApiError ? save.error.field : undefined;

  const text = (
    key: keyof WidgetForm,
    label: string,
    options: { dir?: string; area?: boolean } = {},
  ) => {
    const fieldId = `${id}-${key}`;
    const props = {
      id: fieldId,
      dir: options.dir ?? 'auto',
      value: String(form[key]),
      'aria-invalid': badField?.endsWith(key) || undefined,
      onChange: (e: { target: { value: string } }) => set(key, e.target.value as never),
    };
    return (
      <div className="field">
        <label htmlFor={fieldId}>{label}</label>
        {options.area ? <textarea {...props} /> : <input type="text" {...props} />}
      </div>
    );
  };
  const check = (key: keyof WidgetForm, label: string) => (
    <div className="field field-checkbox">
      <input
        id={`${id}-${key}`}
        type="checkbox"
        checked={form[key] === true}
        onChange={(e) => set(key, e.target.checked as never)}
      />
      <label htmlFor={`${id}-${key}`}>{label}</label>
    </div>
  );
  const choice = (key: keyof WidgetForm, label: string, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={String(form[key])}
        onChange={(e) => set(key, e.target.value as never)}
      >
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
  const section = (title: string, children: ReactNode) => (
    <fieldset className="card">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
  const fieldModes: [string, string][] = [
    ['off', t('settings.widget.fieldOff')],
    ['optional', t('settings.widget.fieldOptional')],
    ['required', t('settings.widget.fieldRequired')],
  ];

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {section(
        t('settings.widget.site'),
        <>
          {text('website_url', t('settings.widget.websiteUrl'), { dir: 'ltr' })}
          <div className="field">
            <label htmlFor={`${id}-color`}>{t('settings.fields.color')}</label>
            <input
              id={`${id}-color`}
              type="color"
              value={form.widget_color}
              onChange={(e) => set('widget_color', e.target.value)}
            />
          </div>
          {choice('widget_theme', t('settings.widget.theme'), [
            ['auto', t('settings.widget.themeAuto')],
            ['light', t('settings.widget.themeLight')],
            ['dark', t('settings.widget.themeDark')],
          ])}
          {choice('locale', t('settings.widget.language'), [
            ['en', 'English'],
            ['ar', 'العربية'],
          ])}
        </>,
      )}
      {section(
        t('settings.widget.texts'),
        <>
          {text('welcome_title', t('settings.widget.welcomeTitle'))}
          {text('welcome_title_ar', t('settings.widget.welcomeTitleAr'), { dir: 'rtl' })}
          {text('welcome_tagline', t('settings.widget.welcomeTagline'))}
          {text('welcome_tagline_ar', t('settings.widget.welcomeTaglineAr'), { dir: 'rtl' })}
          {check('greeting_enabled', t('settings.widget.greetingEnabled'))}
          {text('greeting_message', t('settings.fields.greeting'), { area: true })}
          {text('greeting_message_ar', t('settings.widget.greetingAr'), { area: true, dir: 'rtl' })}
        </>,
      )}
      {section(
        t('settings.widget.hours'),
        <>
          {check('working_hours_enabled', t('settings.widget.hoursEnabled'))}
          {text('timezone', t('settings.widget.timezone'), { dir: 'ltr' })}
          <table className="table hours">
            <caption className="sr-only">{t('settings.widget.hours')}</caption>
            <tbody>
              {DAYS.map((day) => {
                const entry = form.days[day]!;
                const change = (next: Partial<typeof entry>) =>
                  set(
                    'days',
                    form.days.map((d) => (d.day === day ? { ...d, ...next } : d)),
                  );
                const name = t(`settings.widget.day${day}`);
                return (
                  <tr key={day}>
                    <th scope="row">{name}</th>
                    <td>
                      <label>
                        <input
                          type="checkbox"
                          checked={entry.open}
                          onChange={(e) => change({ open: e.target.checked })}
                        />{' '}
                        {t('settings.widget.open')}
                      </label>
                    </td>
                    <td>
                      <input
                        type="time"
                        aria-label={t('settings.widget.from', { day: name })}
                        value={entry.from}
                        disabled={!entry.open}
                        onChange={(e) => change({ from: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        type="time"
                        aria-label={t('settings.widget.to', { day: name })}
                        value={entry.to}
                        disabled={!entry.open}
                        onChange={(e) => change({ to: e.target.value })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {text('out_of_office_message', t('settings.widget.away'), { area: true })}
          {text('out_of_office_message_ar', t('settings.widget.awayAr'), {
            area: true,
            dir: 'rtl',
          })}
        </>,
      )}
      {section(
        t('settings.widget.preChat'),
        <>
          {check('pre_chat_form_enabled', t('settings.widget.preChatEnabled'))}
          {choice('name_field', t('settings.widget.nameField'), fieldModes)}
          {choice('email_field', t('settings.widget.emailField'), fieldModes)}
        </>,
      )}
      {section(
        t('settings.widget.security'),
        <>
          {text('allowed_domains', t('settings.widget.domains'), { area: true, dir: 'ltr' })}
          <p className="muted">{t('settings.widget.domainsHelp')}</p>
          {check('hmac_mandatory', t('settings.widget.hmacMandatory'))}
          {inbox.hmac_token ? (
            <div className="field">
              <span>{t('settings.widget.hmacToken')}</span>
              <code dir="ltr">{showSecret ? inbox.hmac_token : '••••••••••••••••'}</code>
              <button
                type="button"
                className="link-button"
                onClick={() => setShowSecret((s) => !s)}
              >
                {showSecret ? t('settings.widget.hide') : t('settings.widget.reveal')}
              </button>
              <p className="muted">{t('settings.widget.hmacHelp')}</p>
            </div>
          ) : null}
        </>,
      )}
      {save.error ? (
        <p className="form-error" role="alert">
          {save.error instanceof ApiError ? save.error.message : t(errorMessageKey(save.error))}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t('settings.widget.save')}
      </button>
    </form>
  );
}
