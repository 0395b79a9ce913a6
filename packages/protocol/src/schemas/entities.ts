/** Response schemas of the entities (entities.ts types them; contract.ts checks they agree). */
import { Type } from 'typebox';
import {
  AVAILABILITY_STATUSES,
  CHANNEL_TYPES,
  CONTENT_TYPES,
  CONVERSATION_PRIORITIES,
  CONVERSATION_STATUSES,
  MESSAGE_STATUSES,
  MESSAGE_TYPES,
  SENDER_TYPES,
  USER_ROLES,
} from '../enums';
import { APP_SETTING_TYPES, type AppSettingValue } from '../app-settings';
import { APP_PERMISSIONS } from '../level2/permissions';
import { DASHBOARD_APP_LOCATIONS } from '../placements';
import type {
  BrowserInfo,
  ContactAdditionalAttributes,
  ConversationAdditionalAttributes,
  Profile,
  SocialProfiles,
} from '../entities';
import { Bool, Document, Int, Nullable, NullableInt, NullableStr, OneOf, Str } from './build';
import { AttachmentSchema } from './attachment';
import { WebWidgetChannelSchema } from './web-widget';

export { AttachmentSchema };
import {
  AGENT_EXAMPLE,
  CONTACT_EXAMPLE,
  CONVERSATION_EXAMPLE,
  DASHBOARD_APP_EXAMPLE,
  INBOX_EXAMPLE,
  LABEL_EXAMPLE,
  MESSAGE_EXAMPLE,
  PROFILE_EXAMPLE,
  TEAM_EXAMPLE,
} from './examples';

const SocialProfilesDocument = Document<SocialProfiles>({
  github: NullableStr(),
  twitter: NullableStr(),
  facebook: NullableStr(),
  linkedin: NullableStr(),
});

const ContactAttributes = Document<ContactAdditionalAttributes>({
  description: NullableStr(),
  company_name: NullableStr(),
  social_profiles: SocialProfilesDocument,
});

export const ContactSchema = Type.Object(
  {
    id: Int(),
    name: NullableStr(),
    email: NullableStr(),
    phone_number: NullableStr(),
    identifier: NullableStr(),
    thumbnail: NullableStr(),
    availability_status: OneOf(AVAILABILITY_STATUSES),
    additional_attributes: ContactAttributes,
    custom_attributes: Document(),
    last_activity_at: Int(),
    created_at: Int(),
  },
  { examples: [CONTACT_EXAMPLE] },
);

export const MessageSenderSchema = Type.Object({
  id: Int(),
  name: NullableStr(),
  email: NullableStr(),
  phone_number: NullableStr(),
  identifier: NullableStr(),
  thumbnail: NullableStr(),
  additional_attributes: ContactAttributes,
  custom_attributes: Document(),
  type: OneOf(['contact', 'user', 'agent_bot'] as const),
  available_name: Type.Optional(Str()),
  availability_status: Type.Optional(OneOf(AVAILABILITY_STATUSES)),
  last_activity_at: Type.Optional(Int()),
  created_at: Type.Optional(Int()),
});

export const MessageSchema = Type.Object(
  {
    id: Int(),
    content: NullableStr(),
    inbox_id: Int(),
    conversation_id: Int(),
    account_id: Int(),
    message_type: OneOf(Object.values(MESSAGE_TYPES)),
    content_type: OneOf(CONTENT_TYPES),
    content_attributes: Document(),
    created_at: Int(),
    private: Bool(),
    status: OneOf(MESSAGE_STATUSES),
    source_id: NullableStr(),
    sender_type: Nullable(OneOf(SENDER_TYPES)),
    sender_id: NullableInt(),
    sender: Nullable(MessageSenderSchema),
    /** Present only when the message has files, as on Chatwoot. */
    attachments: Type.Optional(Type.Array(AttachmentSchema)),
    /** The client's own id, handed back on the answer to the create and on its event. */
    echo_id: Type.Optional(Str()),
  },
  { examples: [MESSAGE_EXAMPLE] },
);

export const AgentSchema = Type.Object(
  {
    id: Int(),
    account_id: Int(),
    availability_status: OneOf(AVAILABILITY_STATUSES),
    auto_offline: Bool(),
    confirmed: Bool(),
    email: Str(),
    available_name: Str(),
    name: Str(),
    role: OneOf(USER_ROLES),
    thumbnail: Str(),
  },
  { examples: [AGENT_EXAMPLE] },
);

export const TeamRefSchema = Type.Object({ id: Int(), name: Str() });

export const TeamSchema = Type.Object(
  {
    id: Int(),
    name: Str(),
    description: NullableStr(),
    allow_auto_assign: Bool(),
    account_id: Int(),
    is_member: Bool(),
  },
  { examples: [TEAM_EXAMPLE] },
);

const BrowserDocument = Document<BrowserInfo>({
  device_name: NullableStr(),
  browser_name: NullableStr(),
  platform_name: NullableStr(),
  browser_version: NullableStr(),
  platform_version: NullableStr(),
});

const ConversationAttributes = Document<ConversationAdditionalAttributes>({
  browser: BrowserDocument,
  referer: NullableStr(),
  initiated_at: Document<{ timestamp: string | null }>({ timestamp: NullableStr() }),
});

export const ConversationMetaSchema = Type.Object({
  sender: ContactSchema,
  channel: OneOf(CHANNEL_TYPES),
  assignee: Nullable(AgentSchema),
  team: Nullable(TeamRefSchema),
  hmac_verified: Bool(),
});

export const ConversationSchema = Type.Object(
  {
    id: Int(),
    uuid: Str(),
    account_id: Int(),
    inbox_id: Int(),
    meta: ConversationMetaSchema,
    messages: Type.Array(MessageSchema),
    additional_attributes: ConversationAttributes,
    custom_attributes: Document(),
    labels: Type.Array(Str()),
    status: OneOf(CONVERSATION_STATUSES),
    priority: Nullable(OneOf(CONVERSATION_PRIORITIES)),
    muted: Bool(),
    can_reply: Bool(),
    snoozed_until: NullableInt(),
    agent_last_seen_at: Int(),
    assignee_last_seen_at: Int(),
    contact_last_seen_at: Int(),
    timestamp: Int(),
    unread_count: Int(),
    created_at: Int(),
    last_activity_at: Int(),
    waiting_since: NullableInt(),
    first_reply_created_at: NullableInt(),
    last_non_activity_message: Nullable(MessageSchema),
  },
  { examples: [CONVERSATION_EXAMPLE] },
);

export const InboxSchema = Type.Object(
  {
    id: Int(),
    account_id: Int(),
    name: Str(),
    channel_type: OneOf(CHANNEL_TYPES),
    greeting_message: NullableStr(),
    created_at: Int(),
    // A website inbox carries its options flat, as Chatwoot's does.
    ...Type.Partial(WebWidgetChannelSchema).properties,
  },
  { examples: [INBOX_EXAMPLE] },
);

export const LabelSchema = Type.Object(
  {
    id: Int(),
    title: Str(),
    description: NullableStr(),
    color: Str(),
    show_on_sidebar: Bool(),
  },
  { examples: [LABEL_EXAMPLE] },
);

export const AccountRefSchema = Type.Object({
  id: Int(),
  name: Str(),
  role: OneOf(USER_ROLES),
  availability_status: OneOf(AVAILABILITY_STATUSES),
});

export const ProfileSchema = Type.Object(
  {
    id: Int(),
    name: Str(),
    display_name: NullableStr(),
    email: Str(),
    avatar_url: Str(),
    account_id: Int(),
    role: OneOf(USER_ROLES),
    accounts: Type.Array(AccountRefSchema),
    ui_settings: Document<Profile['ui_settings']>(),
    availability_status: OneOf(AVAILABILITY_STATUSES),
  },
  { examples: [PROFILE_EXAMPLE] },
);

export const InvitationSchema = Type.Object({
  id: Int(),
  account_id: Int(),
  email: Str(),
  name: Str(),
  role: OneOf(USER_ROLES),
  status: OneOf(['pending', 'accepted', 'declined', 'revoked'] as const),
  expired: Bool(),
  created_at: Int(),
  expires_at: Int(),
  /** Only in the answer that created it. */
  invite_url: Type.Optional(Str()),
  /** Only in the answer that created it: whether the link was e-mailed too. */
  emailed: Type.Optional(Bool()),
  /** In the invitee's own views. */
  account_name: Type.Optional(Str()),
});

/** A plain setting's value: text, a number or yes/no. */
const SettingValue = () => Type.Unsafe<AppSettingValue>({ type: ['string', 'number', 'boolean'] });

export const AppSettingViewSchema = Type.Object({
  name: Str(),
  label: Str(),
  label_ar: Type.Optional(Str()),
  description: Type.Optional(Str()),
  type: OneOf(APP_SETTING_TYPES),
  required: Bool(),
  secure: Bool(),
  options: Type.Optional(Type.Array(Str())),
  default: Type.Optional(SettingValue()),
  value: Type.Optional(
    Type.Unsafe<AppSettingValue | null>({ type: ['string', 'number', 'boolean', 'null'] }),
  ),
  has_value: Bool(),
});

export const DashboardAppSchema = Type.Object(
  {
    id: Int(),
    title: Str(),
    content: Type.Array(Type.Object({ type: OneOf(['frame'] as const), url: Str() })),
    allow: Type.Array(Str()),
    permissions: Type.Array(OneOf(APP_PERMISSIONS)),
    allow_send_anyway: Bool(),
    has_secret: Bool(),
    created_at: Int(),
    updated_at: Int(),
    user_id: NullableInt(),
    title_ar: NullableStr(),
    description: NullableStr(),
    icon_url: NullableStr(),
    locations: Type.Array(OneOf(DASHBOARD_APP_LOCATIONS)),
    visibility: Type.Object({
      inbox_ids: Type.Array(Int()),
      team_ids: Type.Array(Int()),
      roles: Type.Array(OneOf(USER_ROLES)),
    }),
    visible_to_me: Bool(),
    enabled: Bool(),
    position: Int(),
    settings: Type.Array(AppSettingViewSchema),
    proxy_allowlist: Type.Array(Str()),
  },
  { examples: [DASHBOARD_APP_EXAMPLE] },
);
