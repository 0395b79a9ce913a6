/**
 * What each REST endpoint answers, by status code: routes declare these (Fastify serializes
 * with them), the web client's `api.ts` takes its response types from them.
 */
import { Type, type Static } from 'typebox';
import { CONVERSATION_STATUSES, LOCALES, USER_ROLES } from '../enums';
import { Bool, Document, Int, Nullable, NullableInt, NullableStr, OneOf, Str } from './build';
import {
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

/** No body (204). */
export const NoContentSchema = Type.Null();

/** A 204 answer. */
export const NoContent = { 204: NoContentSchema } as const;

/** A 200 answer of `schema`. */
export const ok = <T extends object>(schema: T) => ({ 200: schema }) as const;

export const ConversationCountsSchema = Type.Object({
  mine_count: Int(),
  unassigned_count: Int(),
  all_count: Int(),
});

export const ConversationListSchema = Type.Object({
  data: Type.Object({
    meta: ConversationCountsSchema,
    payload: Type.Array(ConversationSchema),
  }),
});

export const ConversationMetaResponseSchema = Type.Object({ meta: ConversationCountsSchema });

export const ToggleStatusResponseSchema = Type.Object({
  payload: Type.Object({
    success: Bool(),
    current_status: OneOf(CONVERSATION_STATUSES),
    conversation_id: Int(),
    snoozed_until: NullableInt(),
  }),
});

/** `POST …/assignments`: the assignee, or the team, or null after unassigning. */
export const AssignmentResponseSchema = Type.Union([AgentSchema, TeamSchema, Type.Null()]);

export const LabelTitlesSchema = Type.Object({ payload: Type.Array(Str()) });

export const CustomAttributesResponseSchema = Type.Object({ custom_attributes: Document() });

export const MessageListSchema = Type.Object({
  meta: Type.Object({
    contact: Nullable(ContactSchema),
    assignee: Nullable(AgentSchema),
    labels: Type.Array(Str()),
    agent_last_seen_at: Int(),
    assignee_last_seen_at: Int(),
  }),
  payload: Type.Array(MessageSchema),
});

export const ContactListSchema = Type.Object({
  meta: Type.Object({ count: Int(), current_page: Int() }),
  payload: Type.Array(ContactSchema),
});

export const ContactResponseSchema = Type.Object({ payload: ContactSchema });

export const ContactInboxSchema = Type.Object({
  source_id: Str(),
  hmac_verified: Bool(),
  inbox: InboxSchema,
});

export const CreatedContactSchema = Type.Object({
  payload: Type.Object({ contact: ContactSchema, contact_inbox: Nullable(ContactInboxSchema) }),
});

export const ContactInboxListSchema = Type.Object({ payload: Type.Array(ContactInboxSchema) });

export const ConversationPayloadListSchema = Type.Object({
  payload: Type.Array(ConversationSchema),
});

export const AccountDetailsSchema = Type.Object({
  id: Int(),
  name: Str(),
  locale: OneOf(LOCALES),
  role: OneOf(USER_ROLES),
  created_at: Int(),
  /** Agents see only the contacts of their inboxes' conversations (default false). */
  contacts_by_inbox: Bool(),
});

export const AgentListSchema = Type.Array(AgentSchema);

/**
 * `POST agents`: an invitation, in Chatwoot's agent shape (`confirmed: false`, no user id yet)
 * whether or not the e-mail has an account, plus the invitation with its one-time link.
 */
export const CreatedAgentSchema = Type.Object({
  ...AgentSchema.properties,
  id: Type.Null(),
  invitation: InvitationSchema,
});

export const InvitationListSchema = Type.Object({ payload: Type.Array(InvitationSchema) });

/** The one-time link's page: the invitation it opens. */
export const InvitationResponseSchema = Type.Object({ data: InvitationSchema });

export const InboxListSchema = Type.Object({ payload: Type.Array(InboxSchema) });
export const InboxMembersSchema = Type.Object({ payload: Type.Array(AgentSchema) });

export const LabelListSchema = Type.Object({ payload: Type.Array(LabelSchema) });

export const TeamListSchema = Type.Array(TeamSchema);

export const DashboardAppListSchema = Type.Array(DashboardAppSchema);

export const UrlRulesSchema = Type.Object({
  dashboard_origins: Type.Array(Str()),
  allowed_http_hosts: Type.Array(Str()),
});

export const AppSecretSchema = Type.Object({ secret: Str() });

export const ContextTokenSchema = Type.Object({ token: Str(), expires_at: Int() });

export const AuditLogEntrySchema = Type.Object({
  id: Int(),
  account_id: Int(),
  action: Str(),
  auditable_type: Str(),
  auditable_id: Int(),
  user_id: NullableInt(),
  user_type: OneOf(['User'] as const),
  username: NullableStr(),
  audited_changes: Document(),
  created_at: Int(),
});

export const AuditLogPageSchema = Type.Object({
  per_page: Int(),
  total_entries: Int(),
  current_page: Int(),
  audit_logs: Type.Array(AuditLogEntrySchema),
});

/**
 * The signed-in profile with the caller's tokens: csrf_token null for token access,
 * access_token null when the stored token cannot be revealed (SECRET_KEY_BASE changed).
 */
export const ProfileWithTokensSchema = Type.Object({
  ...ProfileSchema.properties,
  access_token: NullableStr(),
  csrf_token: NullableStr(),
});

/** Sign-in and accepting an invitation with a new account: the new session's profile. */
export const SignInResponseSchema = Type.Object({ data: ProfileWithTokensSchema });

export const SessionResponseSchema = Type.Object({ data: Nullable(ProfileWithTokensSchema) });

/** `GET search?q=`: everything the caller may see that matches. */
export const SearchResponseSchema = Type.Object({
  payload: Type.Object({
    conversations: Type.Array(ConversationSchema),
    contacts: Type.Array(ContactSchema),
    messages: Type.Array(MessageSchema),
  }),
});

const CheckState = () => OneOf(['ok', 'unavailable', 'not_configured'] as const);

export const HealthSchema = Type.Object({ status: OneOf(['ok'] as const) });

const ReadyChecksSchema = Type.Object({ database: CheckState(), redis: CheckState() });

/** `GET /ready` when it is. */
export const ReadySchema = Type.Object({
  status: OneOf(['ready'] as const),
  checks: ReadyChecksSchema,
});

/** `GET /ready` when it is not (503): the error body with the same checks. */
export const NotReadySchema = Type.Object({
  error: Str(),
  message: Str(),
  statusCode: Int(),
  /** Absent while the server shuts down (`shutting_down`: every route answers that). */
  checks: Type.Optional(ReadyChecksSchema),
});

/** `GET /api/openapi.json`: the OpenAPI 3.1 description, generated from these schemas. */
export const OpenApiDocumentSchema = Document<Record<string, unknown>>({ openapi: Str() });

export type ConversationListResponse = Static<typeof ConversationListSchema>;
export type ConversationMetaResponse = Static<typeof ConversationMetaResponseSchema>;
export type ToggleStatusResponse = Static<typeof ToggleStatusResponseSchema>;
export type AssignmentResponse = Static<typeof AssignmentResponseSchema>;
export type LabelTitlesResponse = Static<typeof LabelTitlesSchema>;
export type CustomAttributesResponse = Static<typeof CustomAttributesResponseSchema>;
export type MessageListResponse = Static<typeof MessageListSchema>;
export type ContactListResponse = Static<typeof ContactListSchema>;
export type ContactResponse = Static<typeof ContactResponseSchema>;
export type ContactInbox = Static<typeof ContactInboxSchema>;
export type CreatedContactResponse = Static<typeof CreatedContactSchema>;
export type ContactInboxListResponse = Static<typeof ContactInboxListSchema>;
export type ConversationPayloadListResponse = Static<typeof ConversationPayloadListSchema>;
export type AccountDetails = Static<typeof AccountDetailsSchema>;
export type CreatedAgent = Static<typeof CreatedAgentSchema>;
export type InboxListResponse = Static<typeof InboxListSchema>;
export type InboxMembersResponse = Static<typeof InboxMembersSchema>;
export type LabelListResponse = Static<typeof LabelListSchema>;
export type UrlRules = Static<typeof UrlRulesSchema>;
export type AppSecret = Static<typeof AppSecretSchema>;
export type ContextTokenResponse = Static<typeof ContextTokenSchema>;
export type AuditLogEntry = Static<typeof AuditLogEntrySchema>;
export type AuditLogPage = Static<typeof AuditLogPageSchema>;
export type ProfileWithTokens = Static<typeof ProfileWithTokensSchema>;
export type SignInResponse = Static<typeof SignInResponseSchema>;
export type SessionResponse = Static<typeof SessionResponseSchema>;
export type InvitationListResponse = Static<typeof InvitationListSchema>;
export type InvitationResponse = Static<typeof InvitationResponseSchema>;
export type SearchResponse = Static<typeof SearchResponseSchema>;
export type ConversationCounts = Static<typeof ConversationCountsSchema>;
