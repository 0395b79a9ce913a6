/**
 * Every REST endpoint and the schema of its success answer, keyed `METHOD /path/:param`. The
 * server's routes declare exactly these schemas (its route-walk test checks that each route is
 * here with the same schema), and the web client takes its response types from this map.
 */
import type { Static, TSchema } from 'typebox';
import {
  AgentSchema,
  ConversationSchema,
  DashboardAppSchema,
  InboxSchema,
  LabelSchema,
  MessageSchema,
  ProfileSchema,
  TeamSchema,
} from './entities';
import {
  AccountDetailsSchema,
  AgentListSchema,
  AppSecretSchema,
  AssignmentResponseSchema,
  AuditLogPageSchema,
  ContactInboxListSchema,
  ContactListSchema,
  ContactResponseSchema,
  ContextTokenSchema,
  HealthSchema,
  OpenApiDocumentSchema,
  InvitationListSchema,
  InvitationResponseSchema,
  ReadySchema,
  SearchResponseSchema,
  ConversationListSchema,
  ConversationMetaResponseSchema,
  ConversationPayloadListSchema,
  CreatedAgentSchema,
  CreatedContactSchema,
  CustomAttributesResponseSchema,
  DashboardAppListSchema,
  InboxListSchema,
  InboxMembersSchema,
  LabelListSchema,
  LabelTitlesSchema,
  MessageListSchema,
  NoContentSchema,
  ProfileWithTokensSchema,
  SessionResponseSchema,
  SignInResponseSchema,
  TeamListSchema,
  ToggleStatusResponseSchema,
  UrlRulesSchema,
} from './responses';
import {
  IssuedPasswordResetSchema,
  PasswordResetLinkSchema,
  PasswordResetRequestedSchema,
} from './password-resets';
import {
  WebhookDeliveryDetailResponseSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryResponseSchema,
  WebhookListResponseSchema,
  WebhookResponseSchema,
} from './webhooks';
import { CannedResponseListSchema, CannedResponseSchema } from './canned-responses';
import {
  NotificationListSchema,
  NotificationSchema,
  ReadAllSchema,
  UnreadCountSchema,
} from './notifications';
import {
  CustomAttributeDefinitionListSchema,
  CustomAttributeDefinitionSchema,
} from './custom-attributes';

import {
  AppRequestResultSchema,
  DashboardAppManifestSchema,
  IntegrationAppListSchema,
  IntegrationAppSchema,
  UrlCheckResultSchema,
} from './dashboard-apps';
import {
  PublicContactSchema,
  PublicConversationListSchema,
  PublicConversationSchema,
  PublicInboxSchema,
  PublicMessageListSchema,
  PublicMessageSchema,
  WidgetConfigSchema,
} from './web-widget';

const A = '/api/v1/accounts/:account_id';
const P = '/public/api/v1';
const VISITOR = `${P}/inboxes/:inbox_identifier/contacts/:contact_identifier`;

export const API_ENDPOINTS = {
  'GET /health': HealthSchema,
  'GET /ready': ReadySchema,
  'GET /api/openapi.json': OpenApiDocumentSchema,

  'POST /auth/sign_in': SignInResponseSchema,
  'DELETE /auth/sign_out': NoContentSchema,
  'GET /auth/session': SessionResponseSchema,
  'GET /auth/invitations/:token': InvitationResponseSchema,
  'POST /auth/invitations/:token/accept': SignInResponseSchema,
  'GET /api/v1/profile': ProfileWithTokensSchema,
  'PUT /api/v1/profile': ProfileSchema,
  'POST /api/v1/profile/availability': ProfileSchema,
  'POST /api/v1/profile/avatar': ProfileSchema,
  'DELETE /api/v1/profile/avatar': ProfileSchema,
  'POST /api/v1/profile/reset_access_token': ProfileWithTokensSchema,
  'GET /api/v1/profile/invitations': InvitationListSchema,
  'POST /api/v1/profile/invitations/:id/accept': ProfileWithTokensSchema,
  'POST /api/v1/profile/invitations/:id/decline': ProfileWithTokensSchema,
  'POST /auth/password_resets': PasswordResetRequestedSchema,
  'GET /auth/password_resets/:token': PasswordResetLinkSchema,
  'POST /auth/password_resets/:token': SignInResponseSchema,

  [`GET ${A}`]: AccountDetailsSchema,
  [`PATCH ${A}`]: AccountDetailsSchema,

  [`GET ${A}/agents`]: AgentListSchema,
  [`POST ${A}/agents`]: CreatedAgentSchema,
  [`PATCH ${A}/agents/:id`]: AgentSchema,
  [`DELETE ${A}/agents/:id`]: NoContentSchema,
  [`GET ${A}/invitations`]: InvitationListSchema,
  [`DELETE ${A}/invitations/:id`]: NoContentSchema,
  [`POST ${A}/agents/:id/password_reset`]: IssuedPasswordResetSchema,

  [`GET ${A}/inboxes`]: InboxListSchema,
  [`POST ${A}/inboxes`]: InboxSchema,
  [`GET ${A}/inboxes/:id`]: InboxSchema,
  [`PATCH ${A}/inboxes/:id`]: InboxSchema,
  [`DELETE ${A}/inboxes/:id`]: NoContentSchema,
  [`GET ${A}/inbox_members/:inbox_id`]: InboxMembersSchema,
  [`POST ${A}/inbox_members`]: InboxMembersSchema,
  [`PATCH ${A}/inbox_members`]: InboxMembersSchema,
  [`DELETE ${A}/inbox_members`]: InboxMembersSchema,

  [`GET ${A}/teams`]: TeamListSchema,
  [`POST ${A}/teams`]: TeamSchema,
  [`GET ${A}/teams/:id`]: TeamSchema,
  [`PATCH ${A}/teams/:id`]: TeamSchema,
  [`DELETE ${A}/teams/:id`]: NoContentSchema,
  [`GET ${A}/teams/:id/team_members`]: AgentListSchema,
  [`POST ${A}/teams/:id/team_members`]: AgentListSchema,
  [`PATCH ${A}/teams/:id/team_members`]: AgentListSchema,
  [`DELETE ${A}/teams/:id/team_members`]: AgentListSchema,

  [`GET ${A}/contacts`]: ContactListSchema,
  [`POST ${A}/contacts`]: CreatedContactSchema,
  [`GET ${A}/contacts/search`]: ContactListSchema,
  [`GET ${A}/contacts/:id`]: ContactResponseSchema,
  [`PUT ${A}/contacts/:id`]: ContactResponseSchema,
  [`PATCH ${A}/contacts/:id`]: ContactResponseSchema,
  [`DELETE ${A}/contacts/:id`]: NoContentSchema,
  [`POST ${A}/contacts/:id/destroy_custom_attributes`]: ContactResponseSchema,
  [`GET ${A}/contacts/:id/contact_inboxes`]: ContactInboxListSchema,
  [`GET ${A}/contacts/:id/conversations`]: ConversationPayloadListSchema,

  [`GET ${A}/labels`]: LabelListSchema,
  [`POST ${A}/labels`]: LabelSchema,
  [`GET ${A}/labels/:id`]: LabelSchema,
  [`PATCH ${A}/labels/:id`]: LabelSchema,
  [`DELETE ${A}/labels/:id`]: NoContentSchema,

  [`GET ${A}/conversations`]: ConversationListSchema,
  [`POST ${A}/conversations`]: ConversationSchema,
  [`GET ${A}/conversations/meta`]: ConversationMetaResponseSchema,
  [`GET ${A}/conversations/:id`]: ConversationSchema,
  [`PATCH ${A}/conversations/:id`]: ConversationSchema,
  [`POST ${A}/conversations/:id/toggle_status`]: ToggleStatusResponseSchema,
  [`POST ${A}/conversations/:id/toggle_priority`]: ConversationSchema,
  [`POST ${A}/conversations/:id/assignments`]: AssignmentResponseSchema,
  [`GET ${A}/conversations/:id/labels`]: LabelTitlesSchema,
  [`POST ${A}/conversations/:id/labels`]: LabelTitlesSchema,
  [`POST ${A}/conversations/:id/custom_attributes`]: CustomAttributesResponseSchema,
  [`POST ${A}/conversations/:id/update_last_seen`]: ConversationSchema,
  [`POST ${A}/conversations/:id/mute`]: ConversationSchema,
  [`POST ${A}/conversations/:id/unmute`]: ConversationSchema,
  [`POST ${A}/conversations/:id/toggle_typing_status`]: NoContentSchema,

  [`GET ${A}/conversations/:id/messages`]: MessageListSchema,
  [`POST ${A}/conversations/:id/messages`]: MessageSchema,
  [`DELETE ${A}/conversations/:id/messages/:message_id`]: MessageSchema,

  [`GET ${A}/dashboard_apps`]: DashboardAppListSchema,
  [`POST ${A}/dashboard_apps`]: DashboardAppSchema,
  [`GET ${A}/dashboard_apps/url_rules`]: UrlRulesSchema,
  [`POST ${A}/dashboard_apps/url_check`]: UrlCheckResultSchema,
  [`POST ${A}/dashboard_apps/manifest`]: DashboardAppSchema,
  [`PUT ${A}/dashboard_apps/order`]: DashboardAppListSchema,
  [`GET ${A}/dashboard_apps/:id/manifest`]: DashboardAppManifestSchema,
  [`GET ${A}/dashboard_apps/:id`]: DashboardAppSchema,
  [`PATCH ${A}/dashboard_apps/:id`]: DashboardAppSchema,
  [`PUT ${A}/dashboard_apps/:id`]: DashboardAppSchema,
  [`DELETE ${A}/dashboard_apps/:id`]: NoContentSchema,
  [`POST ${A}/dashboard_apps/:id/secret`]: AppSecretSchema,
  [`DELETE ${A}/dashboard_apps/:id/secret`]: NoContentSchema,
  [`POST ${A}/dashboard_apps/:id/context_token`]: ContextTokenSchema,
  [`POST ${A}/dashboard_apps/:id/request`]: AppRequestResultSchema,
  [`GET ${A}/integrations/apps`]: IntegrationAppListSchema,
  [`GET ${A}/integrations/apps/:id`]: IntegrationAppSchema,
  [`GET ${A}/search`]: SearchResponseSchema,
  [`GET ${A}/audit_logs`]: AuditLogPageSchema,

  [`GET ${A}/webhooks`]: WebhookListResponseSchema,
  [`POST ${A}/webhooks`]: WebhookResponseSchema,
  [`GET ${A}/webhooks/:id`]: WebhookResponseSchema,
  [`PATCH ${A}/webhooks/:id`]: WebhookResponseSchema,
  [`PUT ${A}/webhooks/:id`]: WebhookResponseSchema,
  [`DELETE ${A}/webhooks/:id`]: NoContentSchema,
  [`POST ${A}/webhooks/:id/rotate_secret`]: WebhookResponseSchema,
  [`GET ${A}/webhooks/:id/deliveries`]: WebhookDeliveryPageSchema,
  [`GET ${A}/webhooks/:id/deliveries/:delivery_id`]: WebhookDeliveryDetailResponseSchema,
  [`POST ${A}/webhooks/:id/deliveries/:delivery_id/redeliver`]: WebhookDeliveryResponseSchema,

  [`GET ${A}/canned_responses`]: CannedResponseListSchema,
  [`POST ${A}/canned_responses`]: CannedResponseSchema,
  [`PATCH ${A}/canned_responses/:id`]: CannedResponseSchema,
  [`PUT ${A}/canned_responses/:id`]: CannedResponseSchema,
  [`DELETE ${A}/canned_responses/:id`]: NoContentSchema,

  [`GET ${A}/custom_attribute_definitions`]: CustomAttributeDefinitionListSchema,
  [`POST ${A}/custom_attribute_definitions`]: CustomAttributeDefinitionSchema,
  [`GET ${A}/custom_attribute_definitions/:id`]: CustomAttributeDefinitionSchema,
  [`PATCH ${A}/custom_attribute_definitions/:id`]: CustomAttributeDefinitionSchema,
  [`PUT ${A}/custom_attribute_definitions/:id`]: CustomAttributeDefinitionSchema,
  [`DELETE ${A}/custom_attribute_definitions/:id`]: NoContentSchema,

  [`GET ${A}/notifications`]: NotificationListSchema,
  [`GET ${A}/notifications/unread_count`]: UnreadCountSchema,
  [`POST ${A}/notifications/read_all`]: ReadAllSchema,
  [`PATCH ${A}/notifications/:id`]: NotificationSchema,

  [`GET ${P}/widget/:website_token`]: WidgetConfigSchema,
  [`GET ${P}/inboxes/:inbox_identifier`]: PublicInboxSchema,
  [`POST ${P}/inboxes/:inbox_identifier/contacts`]: PublicContactSchema,
  [`GET ${VISITOR}`]: PublicContactSchema,
  [`PATCH ${VISITOR}`]: PublicContactSchema,
  [`GET ${VISITOR}/conversations`]: PublicConversationListSchema,
  [`POST ${VISITOR}/conversations`]: PublicConversationSchema,
  [`GET ${VISITOR}/conversations/:conversation_id`]: PublicConversationSchema,
  [`GET ${VISITOR}/conversations/:conversation_id/messages`]: PublicMessageListSchema,
  [`POST ${VISITOR}/conversations/:conversation_id/messages`]: PublicMessageSchema,
  [`POST ${VISITOR}/conversations/:conversation_id/toggle_typing`]: NoContentSchema,
  [`POST ${VISITOR}/conversations/:conversation_id/update_last_seen`]: NoContentSchema,
} as const satisfies Record<string, TSchema>;

/** `METHOD /path/:param` of every endpoint. */
export type ApiEndpoint = keyof typeof API_ENDPOINTS;

/** What an endpoint answers on success (`null`: no content). */
export type ApiResponse<E extends ApiEndpoint> = Static<(typeof API_ENDPOINTS)[E]>;

/** The endpoints under one account, as paths after `/api/v1/accounts/:account_id`. */
export type AccountEndpoint = ApiEndpoint extends infer E
  ? E extends `${infer M} ${typeof A}${infer Rest}`
    ? `${M} ${Rest}`
    : never
  : never;
