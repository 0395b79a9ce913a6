/**
 * JSON shapes of the entities, as the REST API, the realtime events and the appContext payload
 * all present them (one presenter per entity on the server). Field names follow the product
 * document and Chatwoot's API. Times are Unix seconds.
 */
import type { WebWidgetChannel } from './web-widget';
import type {
  AttachmentFileType,
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
import type { AppSettingView } from './app-settings';
import type { AppPermission } from './level2/permissions';
import type { DashboardAppLocation, DashboardAppVisibility } from './placements';

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
  /** Agents: the name they go by. */
  available_name?: string;
  availability_status?: AvailabilityStatus;
  /** Contacts: as the contact itself shows them. */
  last_activity_at?: number;
  created_at?: number;
}

/**
 * A file attached to a message, in Chatwoot's shape. `data_url` and `thumb_url` are signed and
 * expire (hours): they work without signing in, so an `<img>` or an app can load them, and a
 * fresh copy of the message carries fresh ones. `thumb_url` is `""` for anything not an image.
 */
export interface Attachment {
  id: number;
  message_id: number;
  file_type: AttachmentFileType;
  account_id: number;
  /** From the sniffed content (`png`, `pdf`…), null when the content is not recognised. */
  extension: string | null;
  /** The name the sender gave the file, cleaned (additive: Chatwoot has it only in the URL). */
  file_name: string;
  data_url: string;
  thumb_url: string;
  /** Bytes. */
  file_size: number;
  /** Images only; null otherwise. */
  width: number | null;
  height: number | null;
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
  /** The client's own id, handed back on the answer to the create and on its event. */
  echo_id?: string;
  /** Present only when the message has files, as on Chatwoot. */
  attachments?: Attachment[];
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

/** An inbox; a `Channel::WebWidget` one also carries its website options (Chatwoot's names). */
export interface Inbox extends Partial<WebWidgetChannel> {
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
  /** The person's availability in this account (each account keeps its own). */
  availability_status: AvailabilityStatus;
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

/** An invitation to join an account (Settings › Agents, the invitee's banner, the one-time link). */
export interface Invitation {
  id: number;
  account_id: number;
  email: string;
  /** The name the administrator typed; a new user may choose another when accepting. */
  name: string;
  role: UserRole;
  status: 'pending' | 'accepted' | 'declined' | 'revoked';
  expired: boolean;
  created_at: number;
  expires_at: number;
  /** Only in the answer that created it: the token itself is never stored. */
  invite_url?: string;
  /** Only in the answer that created it: whether the link was e-mailed too (SMTP_URL is set). */
  emailed?: boolean;
  /** In the invitee's own views. */
  account_name?: string;
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
  /** What the admin lets the app do through the level-2 protocol, e.g. "labels:write". */
  permissions: AppPermission[];
  /** Agents may send anyway when the app's `composer.beforeSend` objects to a reply. */
  allow_send_anyway: boolean;
  has_secret: boolean;
  created_at: number;
  updated_at: number;
  user_id: number | null;
  /** The title in the Arabic dashboard; `title` when null. */
  title_ar: string | null;
  description: string | null;
  /** An https:// image shown beside the title. */
  icon_url: string | null;
  /** Where the app appears (one or several). */
  locations: DashboardAppLocation[];
  /** Who sees it; empty lists do not restrict. */
  visibility: DashboardAppVisibility;
  /** Whether the rule lets the caller see it (the list shows agents only these). */
  visible_to_me: boolean;
  /** A disabled app keeps its configuration but appears nowhere. */
  enabled: boolean;
  /** Order of the account's apps (tabs, panels, navigation): ascending. */
  position: number;
  /** Per-install settings: definitions and plain values; secure values never. */
  settings: AppSettingView[];
  /** Hosts the request proxy may call for this app. */
  proxy_allowlist: string[];
}
