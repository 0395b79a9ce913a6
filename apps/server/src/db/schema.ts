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
  created_at: Millis;
}

export interface UsersTable {
  id: Id;
  name: string;
  display_name: string | null;
  email: string;
  password_hash: string;
  /** For scripts: the `api_access_token` header. */
  access_token: string;
  avatar_url: string | null;
  ui_settings: JsonText;
  availability: string;
  created_at: Millis;
  updated_at: Millis;
}

export interface AccountUsersTable {
  id: Id;
  account_id: number;
  user_id: number;
  role: string;
  auto_offline: Flag;
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
  sender_type: string | null;
  sender_id: number | null;
  created_at: Millis;
  updated_at: Millis;
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
  /** Signing secret, AES-256-GCM with a key derived from SECRET_KEY_BASE; null when none. */
  secret_ciphertext: string | null;
  created_at: Millis;
  updated_at: Millis;
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

export interface Database {
  accounts: AccountsTable;
  users: UsersTable;
  account_users: AccountUsersTable;
  sessions: SessionsTable;
  inboxes: InboxesTable;
  inbox_members: InboxMembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  contacts: ContactsTable;
  contact_inboxes: ContactInboxesTable;
  conversations: ConversationsTable;
  conversation_labels: ConversationLabelsTable;
  messages: MessagesTable;
  labels: LabelsTable;
  dashboard_apps: DashboardAppsTable;
  audit_logs: AuditLogsTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type UserRow = Selectable<UsersTable>;
export type InboxRow = Selectable<InboxesTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type NewConversation = Insertable<ConversationsTable>;
export type ConversationUpdate = Updateable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type LabelRow = Selectable<LabelsTable>;
export type DashboardAppRow = Selectable<DashboardAppsTable>;
export type AuditLogRow = Selectable<AuditLogsTable>;
