import type { ConversationFilters } from '../modules/conversations/filters';

/** Every react-query cache key, named once so realtime updates find the right entries. */
export const queryKeys = {
  profile: ['profile'] as const,
  myInvitations: ['profile', 'invitations'] as const,
  invitationLink: (token: string) => ['invitation-link', token] as const,
  resetLink: (token: string) => ['reset-link', token] as const,
  accountInvitations: (accountId: number) => ['invitations', accountId] as const,
  conversationsRoot: (accountId: number) => ['conversations', accountId] as const,
  conversationList: (accountId: number, filters: ConversationFilters) =>
    ['conversations', accountId, 'list', filters] as const,
  conversationCounts: (accountId: number, filters: Omit<ConversationFilters, 'assigneeType'>) =>
    ['conversations', accountId, 'counts', filters] as const,
  /** Every conversation detail of the account (a contact change reaches all of them). */
  conversationRoot: (accountId: number) => ['conversation', accountId] as const,
  conversation: (accountId: number, displayId: number) =>
    ['conversation', accountId, displayId] as const,
  messages: (accountId: number, displayId: number) => ['messages', accountId, displayId] as const,
  contact: (accountId: number, contactId: number) => ['contact', accountId, contactId] as const,
  contactConversations: (accountId: number, contactId: number) =>
    ['contact-conversations', accountId, contactId] as const,
  contactsRoot: (accountId: number) => ['contacts', accountId] as const,
  contacts: (accountId: number, params: { q: string; page: number }) =>
    ['contacts', accountId, params] as const,
  inboxes: (accountId: number) => ['inboxes', accountId] as const,
  agents: (accountId: number) => ['agents', accountId] as const,
  teams: (accountId: number) => ['teams', accountId] as const,
  labels: (accountId: number) => ['labels', accountId] as const,
  cannedResponses: (accountId: number) => ['canned-responses', accountId] as const,
  attributeDefinitions: (accountId: number) => ['attribute-definitions', accountId] as const,
  search: (accountId: number, q: string) => ['search', accountId, q] as const,
  /** A dashboard app's signed context for one place: a conversation's, a contact's, a page's. */
  contextToken: (
    accountId: number,
    appId: number,
    place: { location: string; conversationId?: number | null; contactId?: number | null },
  ) =>
    [
      'dashboard-app-context-token',
      accountId,
      appId,
      place.location,
      place.conversationId ?? null,
      place.contactId ?? null,
    ] as const,
};
