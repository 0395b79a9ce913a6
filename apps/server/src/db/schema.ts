/**
 * The database as Kysely sees it. The same schema runs on SQLite and PostgreSQL, so it keeps
 * to what both store alike: times are integer Unix milliseconds (bigint), booleans are 0/1
 * integers, JSON documents are text. Presenters turn rows into the API's shapes.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = Generated<number>;
/** Unix milliseconds. */
type Millis = number;
/** 0 or 1. */
type Flag = number;
/** A JSON document stored as text. */
type JsonText = string;

export interface AccountsTable {
  id: Id;
  name: string;
  locale: string;
  /** Last display id handed out: conversations are numbered per account. */
  last_display_id: ColumnType<number, number | undefined, number>;
  /** 1: agents see only the contacts of their inboxes' conversations (default 0, as Chatwoot). */
  contacts_by_inbox: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: Millis;
}

export interface UsersTable {
  id: Id;
  name: string;
  display_name: string | null;
  email: string;
  password_hash: string;
  /** SHA-256 of the personal access token (`api_access_token` header): what requests match. */
  access_token_digest: string;
  /** The token sealed under SECRET_KEY_BASE (lib/sealed-box), for sign-in and the profile. */
  access_token_sealed: string | null;
  avatar_url: string | null;
  ui_settings: JsonText;
  /** 1 once the last socket closed and the grace period passed (realtime/presence.ts). */
  away: ColumnType<number, number | undefined, number>;
  created_at: Millis;
  updated_at: Millis;
}

/** A server process's share of a user's sockets (realtime/presence.ts). */
export interface PresenceTable {
  user_id: number;
  process_id: string;
  connections: number;
  seen_at: Millis;
}

export interface AccountUsersTable {
  id: Id;
  account_id: number;
  user_id: number;
  role: string;
  auto_offline: Flag;
  /** online | busy | offline, in this account (an admin of another account cannot change it). */
  availability: ColumnType<string, string | undefined, string>;
  created_at: Millis;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a leaked table does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Millis;
  expires_at: Millis;
}

export interface InboxesTable {
  id: Id;
  account_id: number;
  name: string;
  channel_type: string;
  greeting_message: string | null;
  created_at: Millis;
}

/** The website channel of a `Channel::WebWidget` inbox (modules/web-widget). */
export interface WebWidgetsTable {
  id: Id;
  account_id: number;
  inbox_id: number;
  /** The launcher's key (in the site's snippet). */
  website_token: string;
  /** The public API's key (`/public/api/v1/inboxes/:inbox_identifier`). */
  inbox_identifier: string;
  website_url: string | null;
  widget_color: ColumnType<string, string | undefined, string>;
  /** auto | light | dark. */
  widget_theme: ColumnType<string, string | undefined, string>;
  /** The widget's language when the site does not set one: en | ar. */
  locale: ColumnType<string, string | undefined, string>;
  welcome_title: string | null;
  welcome_tagline: string | null;
  greeting_enabled: ColumnType<Flag, Flag | undefined, Flag>;
  out_of_office_message: string | null;
  /** JSON {ar: {welcome_title, welcome_tagline, greeting_message, out_of_office_message}}. */
  translations: ColumnType<JsonText, JsonText | undefined, JsonText>;
  pre_chat_form_enabled: ColumnType<Flag, Flag | undefined, Flag>;
  /** JSON {pre_chat_message, pre_chat_fields}. */
  pre_chat_form_options: ColumnType<JsonText, JsonText | undefined, JsonText>;
  working_hours_enabled: ColumnType<Flag, Flag | undefined, Flag>;
  timezone: ColumnType<string, string | undefined, string>;
  /** JSON array of WorkingHours. */
  working_hours: ColumnType<JsonText, JsonText | undefined, JsonText>;
  /** JSON array of host patterns; empty: any site. */
  allowed_domains: ColumnType<JsonText, JsonText | undefined, JsonText>;
  /** The identity-verification secret, sealed (lib/sealed-box); administrators read it back. */
  hmac_token_sealed: string;
  hmac_mandatory: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: Millis;
  updated_at: Millis;
}

export interface InboxMembersTable {
  inbox_id: number;
  user_id: number;
}

export interface TeamsTable {
  id: Id;
  account_id: number;
  name: string;
  description: string | null;
  allow_auto_assign: Flag;
  created_at: Millis;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
}

export interface ContactsTable {
  id: Id;
  account_id: number;
  name: string | null;
  email: string | null;
  phone_number: string | null;
  identifier: string | null;
  thumbnail: string | null;
  additional_attributes: JsonText;
  custom_attributes: JsonText;
  last_activity_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ContactInboxesTable {
  id: Id;
  contact_id: number;
  inbox_id: number;
  source_id: string;
  hmac_verified: Flag;
  /** A website visitor's realtime token (Chatwoot's pubsub_token); null for other channels. */
  pubsub_token: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Millis;
}

export interface ConversationsTable {
  id: Id;
  account_id: number;
  /** The number agents see and URLs carry; unique per account. */
  display_id: number;
  uuid: string;
  inbox_id: number;
  contact_id: number;
  contact_inbox_id: number | null;
  assignee_id: number | null;
  team_id: number | null;
  status: string;
  priority: string | null;
  snoozed_until: Millis | null;
  custom_attributes: JsonText;
  additional_attributes: JsonText;
  agent_last_seen_at: Millis | null;
  assignee_last_seen_at: Millis | null;
  contact_last_seen_at: Millis | null;
  last_activity_at: Millis;
  waiting_since: Millis | null;
  first_reply_created_at: Millis | null;
  muted: Flag;
  created_at: Millis;
  updated_at: Millis;
}

export interface ConversationLabelsTable {
  conversation_id: number;
  label: string;
}

export interface MessagesTable {
  id: Id;
  account_id: number;
  inbox_id: number;
  conversation_id: number;
  content: string | null;
  message_type: number;
  content_type: string;
  content_attributes: JsonText;
  private: Flag;
  status: string;
  source_id: string | null;
  /** The client's own id for the message (idempotency key within the conversation). */
  echo_id: string | null;
  sender_type: string | null;
  sender_id: number | null;
  created_at: Millis;
  updated_at: Millis;
}

/** A file attached to a message; its bytes are in the attachment storage under `storage_key`. */
export interface AttachmentsTable {
  id: Id;
  account_id: number;
  message_id: number;
  file_type: string;
  content_type: string;
  extension: string | null;
  file_name: string;
  file_size: number;
  width: number | null;
  height: number | null;
  storage_key: string;
  thumb_key: string | null;
  created_at: Millis;
}

export interface LabelsTable {
  id: Id;
  account_id: number;
  title: string;
  description: string | null;
  color: string;
  show_on_sidebar: Flag;
  created_at: Millis;
}

export interface DashboardAppsTable {
  id: Id;
  account_id: number;
  user_id: number | null;
  title: string;
  /** JSON array of {type: "frame", url}. */
  content: JsonText;
  /** JSON array of iframe permission names. */
  allow: JsonText;
  /** JSON array of level-2 permissions the admin granted (`labels:write`…). */
  permissions: ColumnType<JsonText, JsonText | undefined, JsonText>;
  /** Agents may send anyway when the app's beforeSend objects (1) or not (0). */
  allow_send_anyway: ColumnType<Flag, Flag | undefined, Flag>;
  /** Signing secret, AES-256-GCM with a key derived from SECRET_KEY_BASE; null when none. */
  secret_ciphertext: string | null;
  created_at: Millis;
  updated_at: Millis;
  title_ar: ColumnType<string | null, string | null | undefined, string | null>;
  description: ColumnType<string | null, string | null | undefined, string | null>;
  icon_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of locations (`conversation.tab`…). */
  locations: ColumnType<JsonText, JsonText | undefined, JsonText>;
  /** JSON {inbox_ids, team_ids, roles}. */
  visibility: ColumnType<JsonText, JsonText | undefined, JsonText>;
  enabled: ColumnType<Flag, Flag | undefined, Flag>;
  position: ColumnType<number, number | undefined, number>;
  /** JSON array of setting definitions. */
  settings: ColumnType<JsonText, JsonText | undefined, JsonText>;
  /** JSON object of plain setting values. */
  setting_values: ColumnType<JsonText, JsonText | undefined, JsonText>;
  /** Sealed JSON object of secure setting values; never leaves the server. */
  secure_settings: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of hosts the request proxy may call. */
  proxy_allowlist: ColumnType<JsonText, JsonText | undefined, JsonText>;
}

/** An e-mail invited to an account: a membership exists only once the person accepts. */
export interface InvitationsTable {
  id: Id;
  account_id: number;
  email: string;
  /** The name the admin typed: used only if the invitation creates a new user. */
  name: string;
  role: string;
  invited_by: number | null;
  /** SHA-256 of the one-time link's token. */
  token_digest: string;
  status: string;
  expires_at: Millis;
  created_at: Millis;
  responded_at: Millis | null;
}

/** A one-time link that sets a user's password (admin-issued or self-service by e-mail). */
export interface PasswordResetsTable {
  id: Id;
  user_id: number;
  /** SHA-256 of the link's token. */
  token_digest: string;
  /** The administrator who issued it; null for a self-service reset. */
  issued_by: number | null;
  /** The account that administrator issued it in; null for a self-service reset. */
  account_id: number | null;
  /** pending, used or revoked (a newer link, or the password was set). */
  status: string;
  expires_at: Millis;
  created_at: Millis;
  used_at: Millis | null;
}

/** An account webhook (Chatwoot's): where to POST which events. */
export interface WebhooksTable {
  id: Id;
  account_id: number;
  name: string | null;
  url: string;
  /** JSON array of event names. */
  subscriptions: JsonText;
  /** The signing secret, sealed (lib/sealed-box) and bound to this row. */
  secret_sealed: string;
  created_at: Millis;
  updated_at: Millis;
}

/**
 * The outbox: one event on its way to one webhook, written in the transaction of the change it
 * reports. `pending` rows are claimed by a dispatcher (`locked_until`, `lease_token`).
 */
export interface WebhookDeliveriesTable {
  id: Id;
  account_id: number;
  webhook_id: number;
  /** Idempotency id (X-Bevatel-Delivery). */
  uuid: string;
  event: string;
  /** The JSON body as sent and signed. */
  payload: JsonText;
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  /** Failed tries since the schedule (re)started. */
  retries: ColumnType<number, number | undefined, number>;
  schedule_started_at: Millis;
  next_attempt_at: Millis | null;
  locked_until: Millis | null;
  lease_token: string | null;
  last_attempt_at: Millis | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  last_response: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface WebhookDeliveryAttemptsTable {
  id: Id;
  delivery_id: number;
  attempted_at: Millis;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response: string | null;
}

export interface AuditLogsTable {
  id: Id;
  account_id: number;
  user_id: number | null;
  action: string;
  auditable_type: string;
  auditable_id: number;
  /** JSON object describing what changed (never secrets). */
  changes: JsonText;
  created_at: Millis;
}

export interface CannedResponsesTable {
  id: Id;
  account_id: number;
  short_code: string;
  /** short_code lower-cased (unique per account). */
  short_code_key: string;
  content: string;
  created_by_id: number | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface CustomAttributeDefinitionsTable {
  id: Id;
  account_id: number;
  attribute_model: string;
  attribute_key: string;
  attribute_display_name: string;
  attribute_display_type: string;
  attribute_description: string | null;
  /** JSON array of strings. */
  attribute_values: JsonText;
  position: number;
  created_at: Millis;
  updated_at: Millis;
}

export interface NotificationsTable {
  id: Id;
  account_id: number;
  user_id: number;
  notification_type: string;
  /** Always 'Conversation' (Chatwoot's polymorphic name). */
  primary_actor_type: string;
  primary_actor_id: number;
  /** 'Message' when a message caused it, else null. */
  secondary_actor_type: string | null;
  secondary_actor_id: number | null;
  read_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

/** Conversations per (account, inbox, status, assignee; 0 unassigned), kept by triggers (0012). */
export interface ConversationCountsTable {
  account_id: number;
  inbox_id: number;
  status: string;
  assignee_id: number;
  count: number;
}

export interface Database {
  accounts: AccountsTable;
  users: UsersTable;
  account_users: AccountUsersTable;
  sessions: SessionsTable;
  inboxes: InboxesTable;
  inbox_members: InboxMembersTable;
  web_widgets: WebWidgetsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  contacts: ContactsTable;
  contact_inboxes: ContactInboxesTable;
  conversations: ConversationsTable;
  conversation_labels: ConversationLabelsTable;
  conversation_counts: ConversationCountsTable;
  messages: MessagesTable;
  labels: LabelsTable;
  dashboard_apps: DashboardAppsTable;
  audit_logs: AuditLogsTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
  canned_responses: CannedResponsesTable;
  custom_attribute_definitions: CustomAttributeDefinitionsTable;
  attachments: AttachmentsTable;
  presence: PresenceTable;
  notifications: NotificationsTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type UserRow = Selectable<UsersTable>;
export type PasswordResetRow = Selectable<PasswordResetsTable>;
/** A user as one account sees them: with their availability there. */
export type MemberUserRow = UserRow & { availability: string; auto_offline: number };
export type InboxRow = Selectable<InboxesTable>;
export type WebWidgetRow = Selectable<WebWidgetsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type NewConversation = Insertable<ConversationsTable>;
export type ConversationUpdate = Updateable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
export type NewMessage = Insertable<MessagesTable>;
export type LabelRow = Selectable<LabelsTable>;
export type DashboardAppRow = Selectable<DashboardAppsTable>;
export type DashboardAppUpdate = Updateable<DashboardAppsTable>;
export type AuditLogRow = Selectable<AuditLogsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type WebhookDeliveryAttemptRow = Selectable<WebhookDeliveryAttemptsTable>;
export type CannedResponseRow = Selectable<CannedResponsesTable>;
export type CustomAttributeDefinitionRow = Selectable<CustomAttributeDefinitionsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
