/**
 * The website channel's options as the inbox API takes them: Chatwoot's fields (on the inbox:
 * greeting, away message, time zone, working hours; on `channel`: website URL, colour, welcome
 * texts, pre-chat form, allowed domains, hmac_mandatory) plus the additive ones (`translations`
 * for Arabic, `widget_theme`, `locale`). One schema for create and update.
 */
import { Type, type Static } from 'typebox';
import { invalid } from '../../lib/errors';
import { Nullable, Text } from '../../lib/schemas';
import { isValidTimeZone, type WorkingHours } from './business-hours';
import { normaliseDomain } from './domains';

const Message = Nullable(Text({ maxLength: 10_000 }));
const Short = Nullable(Text({ maxLength: 255 }));
const Tagline = Nullable(Text({ maxLength: 1000 }));

const TranslatedTexts = Type.Object(
  {
    welcome_title: Type.Optional(Short),
    welcome_tagline: Type.Optional(Tagline),
    greeting_message: Type.Optional(Message),
    out_of_office_message: Type.Optional(Message),
  },
  { additionalProperties: false },
);

export const WIDGET_LOCALES = ['en', 'ar'] as const;
export type WidgetLocale = (typeof WIDGET_LOCALES)[number];
export const WIDGET_THEMES = ['auto', 'light', 'dark'] as const;
export type WidgetTheme = (typeof WIDGET_THEMES)[number];
export const PRE_CHAT_FIELDS = ['fullName', 'emailAddress'] as const;

const PreChatField = Type.Object(
  {
    name: Type.Union(PRE_CHAT_FIELDS.map((name) => Type.Literal(name))),
    enabled: Type.Boolean(),
    required: Type.Boolean(),
    label: Type.Optional(Text({ maxLength: 255 })),
    type: Type.Optional(Text({ maxLength: 32 })),
    field_type: Type.Optional(Text({ maxLength: 32 })),
  },
  { additionalProperties: false },
);

const PreChatFormOptions = Type.Object(
  {
    pre_chat_message: Type.Optional(Message),
    pre_chat_fields: Type.Optional(Type.Array(PreChatField, { maxItems: PRE_CHAT_FIELDS.length })),
  },
  { additionalProperties: false },
);

const Hour = Nullable(Type.Integer({ minimum: 0, maximum: 24 }));
const Minutes = Nullable(Type.Integer({ minimum: 0, maximum: 59 }));
const WorkingHoursEntry = Type.Object(
  {
    day_of_week: Type.Integer({ minimum: 0, maximum: 6 }),
    closed_all_day: Type.Boolean(),
    open_all_day: Type.Optional(Type.Boolean()),
    open_hour: Type.Optional(Hour),
    open_minutes: Type.Optional(Minutes),
    close_hour: Type.Optional(Hour),
    close_minutes: Type.Optional(Minutes),
  },
  { additionalProperties: false },
);

/** What `channel: {…}` may carry for a website inbox (besides `type`). */
export const WidgetChannelFields = {
  website_url: Type.Optional(Nullable(Text({ maxLength: 2048 }))),
  widget_color: Type.Optional(Text({ maxLength: 7 })),
  welcome_title: Type.Optional(Short),
  welcome_tagline: Type.Optional(Tagline),
  widget_theme: Type.Optional(Type.Union(WIDGET_THEMES.map((t) => Type.Literal(t)))),
  locale: Type.Optional(Type.Union(WIDGET_LOCALES.map((l) => Type.Literal(l)))),
  translations: Type.Optional(
    Type.Object({ ar: Type.Optional(TranslatedTexts) }, { additionalProperties: false }),
  ),
  pre_chat_form_enabled: Type.Optional(Type.Boolean()),
  pre_chat_form_options: Type.Optional(PreChatFormOptions),
  allowed_domains: Type.Optional(
    Type.Union([Text({ maxLength: 4000 }), Type.Array(Text({ maxLength: 255 }), { maxItems: 50 })]),
  ),
  hmac_mandatory: Type.Optional(Type.Boolean()),
};

/** The website options Chatwoot keeps on the inbox itself. */
export const WidgetInboxFields = {
  greeting_enabled: Type.Optional(Type.Boolean()),
  out_of_office_message: Type.Optional(Message),
  working_hours_enabled: Type.Optional(Type.Boolean()),
  timezone: Type.Optional(Text({ maxLength: 64 })),
  working_hours: Type.Optional(Type.Array(WorkingHoursEntry, { maxItems: 7 })),
};

export const WidgetChannelSchema = Type.Object(WidgetChannelFields);
export const WidgetInboxSchema = Type.Object(WidgetInboxFields);
export type WidgetChannelInput = Static<typeof WidgetChannelSchema>;
export type WidgetInboxInput = Static<typeof WidgetInboxSchema>;

/** Column values of `web_widgets` (a subset: what the request changes). */
export interface WidgetColumns {
  website_url?: string | null;
  widget_color?: string;
  widget_theme?: WidgetTheme;
  locale?: WidgetLocale;
  welcome_title?: string | null;
  welcome_tagline?: string | null;
  greeting_enabled?: number;
  out_of_office_message?: string | null;
  translations?: string;
  pre_chat_form_enabled?: number;
  pre_chat_form_options?: string;
  working_hours_enabled?: number;
  timezone?: string;
  working_hours?: string;
  allowed_domains?: string;
  hmac_mandatory?: number;
}

export const WIDGET_CHANNEL_KEYS = Object.keys(WidgetChannelFields);
export const WIDGET_INBOX_KEYS = Object.keys(WidgetInboxFields);

const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);

function websiteUrl(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null || value.trim() === '') {
    return value === undefined ? undefined : null;
  }
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  throw invalid('channel.website_url', 'website_url must be an http(s) URL');
}

/** Chatwoot sends "a.com, b.com"; lists are accepted too. Each entry must be a host pattern. */
export function parseAllowedDomains(value: string | readonly string[]): string[] {
  const entries = typeof value === 'string' ? value.split(/[,\n]+/) : value;
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.trim() === '') continue;
    const domain = normaliseDomain(entry);
    if (!domain) {
      throw invalid('channel.allowed_domains', `"${entry.slice(0, 80)}" is not a domain`);
    }
    if (!out.includes(domain)) out.push(domain);
  }
  return out;
}

function workingHours(entries: WidgetInboxInput['working_hours']): string | undefined {
  if (entries === undefined) return undefined;
  const days = new Set<number>();
  const normalised: WorkingHours[] = entries.map((entry) => {
    if (days.has(entry.day_of_week)) {
      throw invalid('working_hours', `day_of_week ${entry.day_of_week} is given twice`);
    }
    days.add(entry.day_of_week);
    const openAllDay = entry.open_all_day === true;
    const hours: WorkingHours = {
      day_of_week: entry.day_of_week,
      closed_all_day: entry.closed_all_day,
      open_all_day: openAllDay,
      open_hour: entry.open_hour ?? null,
      open_minutes: entry.open_minutes ?? null,
      close_hour: entry.close_hour ?? null,
      close_minutes: entry.close_minutes ?? null,
    };
    if (!hours.closed_all_day && !openAllDay) {
      if (hours.open_hour === null || hours.close_hour === null) {
        throw invalid('working_hours', 'an open day needs open_hour and close_hour');
      }
      const open = hours.open_hour * 60 + (hours.open_minutes ?? 0);
      const close = hours.close_hour * 60 + (hours.close_minutes ?? 0);
      if (close <= open || close > 24 * 60) {
        throw invalid('working_hours', 'close time must be after open time, within the day');
      }
    }
    return hours;
  });
  return JSON.stringify(normalised.sort((a, b) => a.day_of_week - b.day_of_week));
}

/**
 * Checks and converts the website options of a request to column values. `translations` and
 * `pre_chat_form_options` are merged over what is stored (`stored`: the current JSON).
 */
export function widgetColumns(
  channel: WidgetChannelInput,
  inbox: WidgetInboxInput,
  stored: { translations: string } | null,
): WidgetColumns {
  if (channel.widget_color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(channel.widget_color)) {
    throw invalid('channel.widget_color', 'widget_color must be a colour like #1f93ff');
  }
  if (inbox.timezone !== undefined && !isValidTimeZone(inbox.timezone)) {
    throw invalid('timezone', 'timezone must be an IANA time zone such as Asia/Riyadh');
  }
  const fields = channel.pre_chat_form_options?.pre_chat_fields ?? [];
  if (new Set(fields.map((f) => f.name)).size !== fields.length) {
    throw invalid('channel.pre_chat_form_options', 'each pre-chat field may appear once');
  }
  let translations: string | undefined;
  if (channel.translations !== undefined) {
    const current = stored ? (JSON.parse(stored.translations) as Record<string, object>) : {};
    translations = JSON.stringify({
      ...current,
      ...(channel.translations.ar ? { ar: { ...current.ar, ...channel.translations.ar } } : {}),
    });
  }
  const columns: WidgetColumns = {
    website_url: websiteUrl(channel.website_url),
    widget_color: channel.widget_color?.toLowerCase(),
    widget_theme: channel.widget_theme,
    locale: channel.locale,
    welcome_title: channel.welcome_title,
    welcome_tagline: channel.welcome_tagline,
    translations,
    pre_chat_form_enabled: flag(channel.pre_chat_form_enabled),
    pre_chat_form_options:
      channel.pre_chat_form_options === undefined
        ? undefined
        : JSON.stringify(channel.pre_chat_form_options),
    allowed_domains:
      channel.allowed_domains === undefined
        ? undefined
        : JSON.stringify(parseAllowedDomains(channel.allowed_domains)),
    hmac_mandatory: flag(channel.hmac_mandatory),
    greeting_enabled: flag(inbox.greeting_enabled),
    out_of_office_message: inbox.out_of_office_message,
    working_hours_enabled: flag(inbox.working_hours_enabled),
    timezone: inbox.timezone,
    working_hours: workingHours(inbox.working_hours),
  };
  return Object.fromEntries(
    Object.entries(columns).filter(([, value]) => value !== undefined),
  ) as WidgetColumns;
}

/** A request body that may carry website options: on `channel` and on the inbox itself. */
export interface WidgetOptionsBody {
  channel?: Partial<WidgetChannelInput> & { type?: string };
  [key: string]: unknown;
}

/**
 * The website options a create or update request carries, split by where Chatwoot puts them;
 * null when it carries none. Refused (naming the field) on an inbox of another channel.
 */
export function widgetOptionsOf(
  body: WidgetOptionsBody,
  isWidget: boolean,
): { channel: WidgetChannelInput; inbox: WidgetInboxInput } | null {
  const channel: Record<string, unknown> = {};
  const inbox: Record<string, unknown> = {};
  for (const key of WIDGET_CHANNEL_KEYS) {
    const value = (body.channel as Record<string, unknown> | undefined)?.[key];
    if (value !== undefined) channel[key] = value;
  }
  for (const key of WIDGET_INBOX_KEYS) if (body[key] !== undefined) inbox[key] = body[key];
  const given = [...Object.keys(channel).map((key) => `channel.${key}`), ...Object.keys(inbox)];
  if (given.length === 0) return null;
  if (!isWidget) throw invalid(given[0]!, 'only website inboxes (web_widget) have this option');
  return { channel: channel as WidgetChannelInput, inbox: inbox as WidgetInboxInput };
}
