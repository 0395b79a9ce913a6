/**
 * The website live-chat channel: the options of a `Channel::WebWidget` inbox (on the inbox JSON,
 * Chatwoot's names), and what its public API and visitor socket speak
 * (`/public/api/v1/inboxes/:inbox_identifier/…`, `/cable?pubsub_token=`).
 */
import type { Attachment } from './entities';

export type WidgetLocale = 'en' | 'ar';
export type WidgetTheme = 'auto' | 'light' | 'dark';

/** Texts an administrator writes once per language (English lives in the plain fields). */
export interface WidgetTexts {
  welcome_title?: string | null;
  welcome_tagline?: string | null;
  greeting_message?: string | null;
  out_of_office_message?: string | null;
}

export interface PreChatField {
  name: 'fullName' | 'emailAddress';
  enabled: boolean;
  required: boolean;
  label?: string;
  type?: string;
  field_type?: string;
}

export interface PreChatFormOptions {
  pre_chat_message?: string | null;
  pre_chat_fields?: PreChatField[];
}

/** One day of business hours (0 = Sunday) in the inbox's time zone. */
export interface WorkingHours {
  day_of_week: number;
  closed_all_day: boolean;
  open_all_day: boolean;
  open_hour: number | null;
  open_minutes: number | null;
  close_hour: number | null;
  close_minutes: number | null;
}

/** The website options of an inbox, flat on its JSON as Chatwoot's are. */
export interface WebWidgetChannel {
  website_token: string;
  inbox_identifier: string;
  /** The snippet to paste into the site. */
  web_widget_script: string;
  website_url: string | null;
  widget_color: string;
  widget_theme: WidgetTheme;
  locale: WidgetLocale;
  welcome_title: string | null;
  welcome_tagline: string | null;
  greeting_enabled: boolean;
  out_of_office_message: string | null;
  translations: { ar?: WidgetTexts };
  pre_chat_form_enabled: boolean;
  pre_chat_form_options: PreChatFormOptions;
  working_hours_enabled: boolean;
  timezone: string;
  working_hours: WorkingHours[];
  /** Comma-separated host patterns; empty: any site may embed the widget. */
  allowed_domains: string;
  hmac_mandatory: boolean;
  /** Administrators only: the identity-verification secret. */
  hmac_token?: string;
}

/** What the launcher and the chat frame need to start (`GET /public/api/v1/widget/:token`). */
export interface WidgetConfig {
  website_token: string;
  inbox_identifier: string;
  name: string;
  widget_color: string;
  widget_theme: WidgetTheme;
  locale: WidgetLocale;
  texts: Record<WidgetLocale, WidgetTexts>;
  greeting_enabled: boolean;
  pre_chat_form_enabled: boolean;
  pre_chat_form_options: PreChatFormOptions;
  /** Business hours are on and the team is out now: show the away message. */
  away: boolean;
  hmac_mandatory: boolean;
}

/** The visitor, as the public API answers (Chatwoot's shape). */
export interface PublicContact {
  id: number;
  /** The contact identifier of the public API's paths: keep it, it is the visitor's key. */
  source_id: string;
  /** The visitor socket's token (`/cable?pubsub_token=`). */
  pubsub_token: string;
  name: string | null;
  email: string | null;
  phone_number: string | null;
  identifier: string | null;
  hmac_verified: boolean;
}

export interface PublicSender {
  id: number;
  name: string;
  type: 'contact' | 'user';
  avatar_url: string | null;
}

export interface PublicMessage {
  id: number;
  content: string | null;
  message_type: 0 | 1 | 2 | 3;
  content_type: string;
  content_attributes: Record<string, unknown>;
  created_at: number;
  conversation_id: number;
  sender: PublicSender | null;
  echo_id?: string;
  /** Present only when the message has files (Chatwoot's shape; links signed, expiring). */
  attachments?: Attachment[];
}

export interface PublicConversation {
  id: number;
  inbox_id: number;
  status: string;
  contact_last_seen_at: number;
  agent_last_seen_at: number;
  messages: PublicMessage[];
  contact: { id: number; name: string | null; email: string | null };
}

/** Events on a visitor socket: only that visitor's conversations, never private notes. */
export type VisitorEvent =
  | { event: 'visitor.message.created'; data: PublicMessage }
  | { event: 'visitor.message.updated'; data: PublicMessage }
  | {
      event: 'visitor.typing';
      data: { conversation_id: number; typing: boolean; name: string | null };
    }
  | { event: 'visitor.conversation.status_changed'; data: { id: number; status: string } };
