/**
 * Compile-time proof that each entity schema and its protocol type describe the same JSON:
 * a field missing from a schema would silently be dropped by the serializer.
 */
import type { Static } from 'typebox';
import type { AppRequestResult } from '../app-request';
import type {
  Agent,
  Contact,
  Conversation,
  DashboardApp,
  Inbox,
  Invitation,
  Label,
  Message,
  Profile,
  Team,
} from '../entities';
import type {
  PublicContact,
  PublicConversation,
  PublicMessage,
  WebWidgetChannel,
  WidgetConfig,
} from '../web-widget';
import type { Webhook, WebhookDelivery, WebhookDeliveryDetail } from '../webhooks';
import type { CannedResponse } from '../canned-responses';
import type { Notification } from '../notifications';
import type { NotificationSchema } from './notifications';
import type { CustomAttributeDefinition } from '../custom-attributes';
import type { CannedResponseSchema } from './canned-responses';
import type { CustomAttributeDefinitionSchema } from './custom-attributes';
import type {
  AgentSchema,
  ContactSchema,
  ConversationSchema,
  DashboardAppSchema,
  InboxSchema,
  InvitationSchema,
  LabelSchema,
  MessageSchema,
  ProfileSchema,
  TeamSchema,
} from './entities';
import type { AppRequestResultSchema } from './dashboard-apps';
import type {
  PublicContactSchema,
  PublicConversationSchema,
  PublicMessageSchema,
  WebWidgetChannelSchema,
  WidgetConfigSchema,
} from './web-widget';
import type { WebhookDeliveryDetailSchema, WebhookDeliverySchema, WebhookSchema } from './webhooks';

type Assignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Mutually assignable with the same keys: an optional field the schema lacks fails too. */
type Same<A, B> = Assignable<A, B> extends true ? Assignable<keyof A, keyof B> : false;

/** Every entry must be `true`; tsc fails on the first that is not. */
export type SchemasMatchEntities = [
  Same<Static<typeof ContactSchema>, Contact>,
  Same<Static<typeof MessageSchema>, Message>,
  Same<Static<typeof AgentSchema>, Agent>,
  Same<Static<typeof TeamSchema>, Team>,
  Same<Static<typeof ConversationSchema>, Conversation>,
  Same<Static<typeof InboxSchema>, Inbox>,
  Same<Static<typeof LabelSchema>, Label>,
  Same<Static<typeof ProfileSchema>, Profile>,
  Same<Static<typeof DashboardAppSchema>, DashboardApp>,
  Same<Static<typeof WebhookSchema>, Webhook>,
  Same<Static<typeof WebhookDeliverySchema>, WebhookDelivery>,
  Same<Static<typeof WebhookDeliveryDetailSchema>, WebhookDeliveryDetail>,
  Same<Static<typeof CannedResponseSchema>, CannedResponse>,
  Same<Static<typeof NotificationSchema>, Notification>,
  Same<Static<typeof CustomAttributeDefinitionSchema>, CustomAttributeDefinition>,
  Same<Static<typeof InvitationSchema>, Invitation>,
  Same<Static<typeof WebWidgetChannelSchema>, WebWidgetChannel>,
  Same<Static<typeof WidgetConfigSchema>, WidgetConfig>,
  Same<Static<typeof PublicContactSchema>, PublicContact>,
  Same<Static<typeof PublicMessageSchema>, PublicMessage>,
  Same<Static<typeof PublicConversationSchema>, PublicConversation>,
  Same<Static<typeof AppRequestResultSchema>, AppRequestResult>,
] extends true[]
  ? true
  : never;

export const schemasMatchEntities: SchemasMatchEntities = true;
