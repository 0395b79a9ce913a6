/**
 * The website widget's settings as the form edits them, and the PATCH body they become
 * (Chatwoot's field names: inbox-level greeting/away/hours, `channel` for the rest).
 */
import type { Inbox, WorkingHours } from '@bevatel/protocol';

export interface DayHours {
  day: number;
  open: boolean;
  from: string;
  to: string;
}

export interface WidgetForm {
  website_url: string;
  widget_color: string;
  widget_theme: 'auto' | 'light' | 'dark';
  locale: 'en' | 'ar';
  welcome_title: string;
  welcome_tagline: string;
  welcome_title_ar: string;
  welcome_tagline_ar: string;
  greeting_enabled: boolean;
  greeting_message: string;
  greeting_message_ar: string;
  out_of_office_message: string;
  out_of_office_message_ar: string;
  working_hours_enabled: boolean;
  timezone: string;
  days: DayHours[];
  pre_chat_form_enabled: boolean;
  name_field: 'off' | 'optional' | 'required';
  email_field: 'off' | 'optional' | 'required';
  allowed_domains: string;
  hmac_mandatory: boolean;
}

const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');

function dayOf(hours: WorkingHours[], day: number): DayHours {
  const entry = hours.find((h) => h.day_of_week === day);
  if (!entry) return { day, open: day >= 1 && day <= 5, from: '09:00', to: '17:00' };
  if (entry.open_all_day) return { day, open: true, from: '00:00', to: '24:00' };
  return {
    day,
    open: !entry.closed_all_day,
    from: `${pad(entry.open_hour)}:${pad(entry.open_minutes)}`,
    to: `${pad(entry.close_hour)}:${pad(entry.close_minutes)}`,
  };
}

const field = (
  options: Inbox['pre_chat_form_options'],
  name: 'fullName' | 'emailAddress',
): WidgetForm['name_field'] => {
  const entry = options?.pre_chat_fields?.find((f) => f.name === name);
  if (!entry?.enabled) return 'off';
  return entry.required ? 'required' : 'optional';
};

export function toWidgetForm(inbox: Inbox): WidgetForm {
  const ar = inbox.translations?.ar ?? {};
  return {
    website_url: inbox.website_url ?? '',
    widget_color: inbox.widget_color ?? '#1f93ff',
    widget_theme: inbox.widget_theme ?? 'auto',
    locale: inbox.locale ?? 'en',
    welcome_title: inbox.welcome_title ?? '',
    welcome_tagline: inbox.welcome_tagline ?? '',
    welcome_title_ar: ar.welcome_title ?? '',
    welcome_tagline_ar: ar.welcome_tagline ?? '',
    greeting_enabled: inbox.greeting_enabled ?? false,
    greeting_message: inbox.greeting_message ?? '',
    greeting_message_ar: ar.greeting_message ?? '',
    out_of_office_message: inbox.out_of_office_message ?? '',
    out_of_office_message_ar: ar.out_of_office_message ?? '',
    working_hours_enabled: inbox.working_hours_enabled ?? false,
    timezone: inbox.timezone ?? 'UTC',
    days: [0, 1, 2, 3, 4, 5, 6].map((day) => dayOf(inbox.working_hours ?? [], day)),
    pre_chat_form_enabled: inbox.pre_chat_form_enabled ?? false,
    name_field: field(inbox.pre_chat_form_options, 'fullName'),
    email_field: field(inbox.pre_chat_form_options, 'emailAddress'),
    allowed_domains: (inbox.allowed_domains ?? '').split(',').filter(Boolean).join('\n'),
    hmac_mandatory: inbox.hmac_mandatory ?? false,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const time = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return { hour: h ?? 0, minutes: m ?? 0 };
};

export function toWidgetBody(form: WidgetForm): Record<string, unknown> {
  return {
    greeting_enabled: form.greeting_enabled,
    greeting_message: orNull(form.greeting_message),
    out_of_office_message: orNull(form.out_of_office_message),
    working_hours_enabled: form.working_hours_enabled,
    timezone: form.timezone.trim() || 'UTC',
    working_hours: form.days.map((d) => {
      const from = time(d.from);
      const to = time(d.to);
      return d.open
        ? {
            day_of_week: d.day,
            closed_all_day: false,
            open_hour: from.hour,
            open_minutes: from.minutes,
            close_hour: to.hour,
            close_minutes: to.minutes,
          }
        : { day_of_week: d.day, closed_all_day: true };
    }),
    channel: {
      website_url: orNull(form.website_url),
      widget_color: form.widget_color,
      widget_theme: form.widget_theme,
      locale: form.locale,
      welcome_title: orNull(form.welcome_title),
      welcome_tagline: orNull(form.welcome_tagline),
      translations: {
        ar: {
          welcome_title: orNull(form.welcome_title_ar),
          welcome_tagline: orNull(form.welcome_tagline_ar),
          greeting_message: orNull(form.greeting_message_ar),
          out_of_office_message: orNull(form.out_of_office_message_ar),
        },
      },
      pre_chat_form_enabled: form.pre_chat_form_enabled,
      pre_chat_form_options: {
        pre_chat_fields: (
          [
            ['fullName', form.name_field],
            ['emailAddress', form.email_field],
          ] as const
        ).map(([name, mode]) => ({
          name,
          enabled: mode !== 'off',
          required: mode === 'required',
        })),
      },
      allowed_domains: form.allowed_domains
        .split(/[\n,]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      hmac_mandatory: form.hmac_mandatory,
    },
  };
}
