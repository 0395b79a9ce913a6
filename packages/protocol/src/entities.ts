/**
 * JSON shapes of the entities, as the REST API, the realtime events and the appContext payload
 * all present them (one presenter per entity on the server). Field names follow the product
 * document and Chatwoot's API. Times are Unix seconds.
 */
import type {
  AvailabilityStatus,
  ChannelType,
  ContentType,
  ConversationPriority,
  ConversationStatus,
  MessageStatus,
  MessageType,
  SenderType,
  UserRole,
} from './enums';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface SocialProfiles {
  github: string | null;
  twitter: string | null;
  facebook: string | null;
  linkedin: string | null;
  [key: string]: JsonValue;
}

export interface ContactAdditionalAttributes {
  description: string | null;
  company_name: string | null;
  social_profiles: SocialProfiles;
  [key: string]: JsonValue;
}

/** The documented contact object. */
export interface Contact {
  id: number;
  name: string | null;
  email: string | null;
  phone_number: string | null;
  identifier: string | null;
  thumbnail: string | null;
  availability_status: AvailabilityStatus;
  additional_attributes: ContactAdditionalAttributes;
  custom_attributes: JsonObject;
  /** Unix seconds; the creation time for a contact never active. */
  last_activity_at: number;
  created_at: number;
}

/** The sender of a message as the document shows it: a contact or a user, with `type`. */
export interface MessageSender {
  id: number;
  name: string | null;
  email: string | null;
  phone_number: string | null;
  identifier: string | null;
  thumbnail: string | null;
  additional_attributes: ContactAdditionalAttributes;
  custom_attributes: JsonObject;
  type: 'contact' | 'user' | 'agent_bot';
  available_name?: string;
}

export interface Message {
  id: number;
  content: string | null;
  inbox_id: number;
  conversation_id: number;
  account_id: number;
  message_type: MessageType;
  content_type: ContentType;
  content_attributes: JsonObject;
  created_at: number;
  private: boolean;
  status: MessageStatus;
  source_id: string | null;
  sender_type: SenderType | null;
  sender_id: number | null;
  sender: MessageSender | null;
}

/** A user as seen inside an account (assignee, agent list). */
export interface Agent {
  id: number;
  account_id: number;
  availability_status: AvailabilityStatus;
  auto_offline: boolean;
  confirmed: boolean;
  email: string;
  available_name: string;
  name: string;
  role: UserRole;
  thumbnail: string;
}

export interface TeamRef {
  id: number;
  name: string;
}

export interface Team extends TeamRef {
  description: string | null;
  allow_auto_assign: boolean;
  account_id: number;
  is_member: boolean;
}

export interface ConversationMeta {
  sender: Contact;
  channel: ChannelType;
  assignee: Agent | null;
  team: TeamRef | null;
  hmac_verified: boolean;
}

export interface BrowserInfo {
  device_name: string | null;
  browser_name: string | null;
  platform_name: string | null;
  browser_version: string | null;
  platform_version: string | null;
  [key: string]: JsonValue;
}

export interface ConversationAdditionalAttributes {
  browser: BrowserInfo;
  referer: string | null;
  initiated_at: { timestamp: string | null };
  [key: string]: JsonValue;
}

/** The documented conversation object as the REST API presents it. */
export interface Conversation {
  id: number;
  uuid: string;
  account_id: number;
  inbox_id: number;
  meta: ConversationMeta;
  messages: Message[];
  additional_attributes: ConversationAdditionalAttributes;
  custom_attributes: JsonObject;
  labels: string[];
  status: ConversationStatus;
  priority: ConversationPriority | null;
  muted: boolean;
  can_reply: boolean;
  snoozed_until: number | null;
  agent_last_seen_at: number;
  assignee_last_seen_at: number;
  contact_last_seen_at: number;
  timestamp: number;
  unread_count: number;
  created_at: number;
  last_activity_at: number;
  waiting_since: number | null;
  first_reply_created_at: number | null;
  last_non_activity_message: Message | null;
}

export interface Inbox {
  id: number;
  account_id: number;
  name: string;
  channel_type: ChannelType;
  greeting_message: string | null;
  created_at: number;
}

export interface Label {
  id: number;
  title: string;
  description: string | null;
  color: string;
  show_on_sidebar: boolean;
}

export interface AccountRef {
  id: number;
  name: string;
  role: UserRole;
}

export interface Profile {
  id: number;
  name: string;
  display_name: string | null;
  email: string;
  avatar_url: string;
  account_id: number;
  role: UserRole;
  accounts: AccountRef[];
  ui_settings: { locale?: string; theme?: string; [key: string]: JsonValue | undefined };
  availability_status: AvailabilityStatus;
}

export interface SignInResponse {
  data: Profile & { access_token: string; csrf_token: string };
}

export interface DashboardAppFrame {
  type: 'frame';
  url: string;
}

export interface DashboardApp {
  id: number;
  title: string;
  content: DashboardAppFrame[];
  /** Iframe permissions the admin allows, e.g. "clipboard-write". */
  allow: string[];
  has_secret: boolean;
  created_at: number;
  updated_at: number;
  user_id: number | null;
}
