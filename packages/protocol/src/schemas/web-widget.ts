/**
 * Response schemas of the website channel: its options on the inbox JSON and what the widget's
 * public API answers (web-widget.ts types them; contract.ts checks they agree).
 */
import { Type } from 'typebox';
import { MESSAGE_TYPES } from '../enums';
import { Bool, Document, Int, Nullable, NullableInt, NullableStr, OneOf, Str } from './build';
import { AttachmentSchema } from './attachment';

const WIDGET_LOCALES = ['en', 'ar'] as const;
const WIDGET_THEMES = ['auto', 'light', 'dark'] as const;

const WidgetTextsSchema = Type.Object({
  welcome_title: Type.Optional(NullableStr()),
  welcome_tagline: Type.Optional(NullableStr()),
  greeting_message: Type.Optional(NullableStr()),
  out_of_office_message: Type.Optional(NullableStr()),
});

export const PreChatFormOptionsSchema = Type.Object({
  pre_chat_message: Type.Optional(NullableStr()),
  pre_chat_fields: Type.Optional(
    Type.Array(
      Type.Object({
        name: OneOf(['fullName', 'emailAddress'] as const),
        enabled: Bool(),
        required: Bool(),
        label: Type.Optional(Str()),
        type: Type.Optional(Str()),
        field_type: Type.Optional(Str()),
      }),
    ),
  ),
});

export const WorkingHoursSchema = Type.Object({
  day_of_week: Int(),
  closed_all_day: Bool(),
  open_all_day: Bool(),
  open_hour: NullableInt(),
  open_minutes: NullableInt(),
  close_hour: NullableInt(),
  close_minutes: NullableInt(),
});

/** The website options, flat on a `Channel::WebWidget` inbox's JSON as Chatwoot's are. */
export const WebWidgetChannelSchema = Type.Object({
  website_token: Str(),
  inbox_identifier: Str(),
  web_widget_script: Str(),
  website_url: NullableStr(),
  widget_color: Str(),
  widget_theme: OneOf(WIDGET_THEMES),
  locale: OneOf(WIDGET_LOCALES),
  welcome_title: NullableStr(),
  welcome_tagline: NullableStr(),
  greeting_enabled: Bool(),
  out_of_office_message: NullableStr(),
  translations: Type.Object({ ar: Type.Optional(WidgetTextsSchema) }),
  pre_chat_form_enabled: Bool(),
  pre_chat_form_options: PreChatFormOptionsSchema,
  working_hours_enabled: Bool(),
  timezone: Str(),
  working_hours: Type.Array(WorkingHoursSchema),
  allowed_domains: Str(),
  hmac_mandatory: Bool(),
  /** Administrators only. */
  hmac_token: Type.Optional(Str()),
});

/** `GET /public/api/v1/widget/:website_token`: what the launcher and frame start with. */
export const WidgetConfigSchema = Type.Object({
  website_token: Str(),
  inbox_identifier: Str(),
  name: Str(),
  widget_color: Str(),
  widget_theme: OneOf(WIDGET_THEMES),
  locale: OneOf(WIDGET_LOCALES),
  texts: Type.Object({ en: WidgetTextsSchema, ar: WidgetTextsSchema }),
  greeting_enabled: Bool(),
  pre_chat_form_enabled: Bool(),
  pre_chat_form_options: PreChatFormOptionsSchema,
  away: Bool(),
  hmac_mandatory: Bool(),
});

/** `GET /public/api/v1/inboxes/:inbox_identifier` (Chatwoot's public inbox). */
export const PublicInboxSchema = Type.Object({
  identifier: Str(),
  name: Str(),
  timezone: Str(),
  working_hours_enabled: Bool(),
  working_hours: Type.Array(WorkingHoursSchema),
  away: Bool(),
  greeting_enabled: Bool(),
  greeting_message: NullableStr(),
  csat_survey_enabled: Bool(),
  identity_validation_enabled: Bool(),
});

export const PublicContactSchema = Type.Object({
  id: Int(),
  source_id: Str(),
  pubsub_token: Str(),
  name: NullableStr(),
  email: NullableStr(),
  phone_number: NullableStr(),
  identifier: NullableStr(),
  hmac_verified: Bool(),
});

export const PublicSenderSchema = Type.Object({
  id: Int(),
  name: Str(),
  type: OneOf(['contact', 'user'] as const),
  avatar_url: NullableStr(),
});

export const PublicMessageSchema = Type.Object({
  id: Int(),
  content: NullableStr(),
  message_type: OneOf(Object.values(MESSAGE_TYPES)),
  content_type: Str(),
  content_attributes: Document<Record<string, unknown>>(),
  created_at: Int(),
  conversation_id: Int(),
  sender: Nullable(PublicSenderSchema),
  echo_id: Type.Optional(Str()),
  attachments: Type.Optional(Type.Array(AttachmentSchema)),
});

export const PublicConversationSchema = Type.Object({
  id: Int(),
  inbox_id: Int(),
  status: Str(),
  contact_last_seen_at: Int(),
  agent_last_seen_at: Int(),
  messages: Type.Array(PublicMessageSchema),
  contact: Type.Object({ id: Int(), name: NullableStr(), email: NullableStr() }),
});

export const PublicConversationListSchema = Type.Array(PublicConversationSchema);
export const PublicMessageListSchema = Type.Array(PublicMessageSchema);
