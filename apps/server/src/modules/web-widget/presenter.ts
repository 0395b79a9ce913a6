import type {
  Inbox,
  PreChatFormOptions,
  WebWidgetChannel,
  WidgetConfig,
  WidgetLocale,
  WidgetTexts,
  WidgetTheme,
  WorkingHours,
} from '@bevatel/protocol';
import type { InboxRow, WebWidgetRow } from '../../db/schema';
import { parseJsonObject } from '../../lib/json';
import { isOpenAt } from './business-hours';
import { widgetScript } from './snippet';
import { unsealHmacToken } from '../../lib/widget-tokens';

export interface WidgetPresentation {
  publicUrl: string;
  secretKeyBase: string;
  /** Administrators see the HMAC secret; agents never do. */
  admin: boolean;
}

const jsonArray = <T>(text: string): T[] => {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
};

export const workingHoursOf = (row: Pick<WebWidgetRow, 'working_hours'>): WorkingHours[] =>
  jsonArray<WorkingHours>(row.working_hours);

export const allowedDomainsOf = (row: Pick<WebWidgetRow, 'allowed_domains'>): string[] =>
  jsonArray<string>(row.allowed_domains);

export const translationsOf = (row: Pick<WebWidgetRow, 'translations'>): { ar?: WidgetTexts } =>
  parseJsonObject(row.translations) as { ar?: WidgetTexts };

export function presentWidgetChannel(
  row: WebWidgetRow,
  options: WidgetPresentation,
): WebWidgetChannel {
  const channel: WebWidgetChannel = {
    website_token: row.website_token,
    inbox_identifier: row.inbox_identifier,
    web_widget_script: widgetScript(options.publicUrl, row.website_token),
    website_url: row.website_url,
    widget_color: row.widget_color,
    widget_theme: row.widget_theme as WidgetTheme,
    locale: row.locale as WidgetLocale,
    welcome_title: row.welcome_title,
    welcome_tagline: row.welcome_tagline,
    greeting_enabled: row.greeting_enabled === 1,
    out_of_office_message: row.out_of_office_message,
    translations: translationsOf(row),
    pre_chat_form_enabled: row.pre_chat_form_enabled === 1,
    pre_chat_form_options: parseJsonObject(row.pre_chat_form_options) as PreChatFormOptions,
    working_hours_enabled: row.working_hours_enabled === 1,
    timezone: row.timezone,
    working_hours: workingHoursOf(row),
    allowed_domains: allowedDomainsOf(row).join(','),
    hmac_mandatory: row.hmac_mandatory === 1,
  };
  if (options.admin) {
    const token = unsealHmacToken(row.hmac_token_sealed, row.inbox_id, options.secretKeyBase);
    if (token !== null) channel.hmac_token = token;
  }
  return channel;
}

/** The inbox JSON, with the website options flat on it when it has them (as Chatwoot's). */
export function withWidgetChannel(
  inbox: Inbox,
  widget: WebWidgetRow | undefined,
  options: WidgetPresentation,
): Inbox {
  return widget ? { ...inbox, ...presentWidgetChannel(widget, options) } : inbox;
}

export function isAway(row: WebWidgetRow, now = new Date()): boolean {
  if (row.working_hours_enabled !== 1) return false;
  return !isOpenAt(jsonArray<WorkingHours>(row.working_hours), row.timezone, now);
}

/** What the launcher and the frame start with: public, no secrets. */
export function presentWidgetConfig(
  row: WebWidgetRow,
  inbox: Pick<InboxRow, 'name' | 'greeting_message'>,
): WidgetConfig {
  const ar = translationsOf(row).ar ?? {};
  const en: WidgetTexts = {
    welcome_title: row.welcome_title,
    welcome_tagline: row.welcome_tagline,
    greeting_message: inbox.greeting_message,
    out_of_office_message: row.out_of_office_message,
  };
  return {
    website_token: row.website_token,
    inbox_identifier: row.inbox_identifier,
    name: inbox.name,
    widget_color: row.widget_color,
    widget_theme: row.widget_theme as WidgetTheme,
    locale: row.locale as WidgetLocale,
    // An Arabic text left empty falls back to the English one, never to nothing.
    texts: {
      en,
      ar: {
        welcome_title: ar.welcome_title || en.welcome_title,
        welcome_tagline: ar.welcome_tagline || en.welcome_tagline,
        greeting_message: ar.greeting_message || en.greeting_message,
        out_of_office_message: ar.out_of_office_message || en.out_of_office_message,
      },
    },
    greeting_enabled: row.greeting_enabled === 1,
    pre_chat_form_enabled: row.pre_chat_form_enabled === 1,
    pre_chat_form_options: parseJsonObject(row.pre_chat_form_options) as PreChatFormOptions,
    away: isAway(row),
    hmac_mandatory: row.hmac_mandatory === 1,
  };
}
