import {
  ACCOUNT,
  anyMember,
  apiInboxMembers,
  nobody,
  type AccessCase,
  type Actor,
} from '../../test/access';
import { fixtureConversation, foreignConversation } from '../../test/conversations';

const CONVERSATIONS = `${ACCOUNT}/conversations`;
const CONVERSATION = `${CONVERSATIONS}/:id`;

/** A fresh conversation of the API inbox (the agent's, not the outsider's) per actor. */
const inApiInbox: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await fixtureConversation(app, world, 'api') },
});
const inWebsiteInbox: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await fixtureConversation(app, world, 'web') },
});
const ofAnotherAccount: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await foreignConversation(app, world) },
});

/** Conversations of an inbox the agent is not in: administrators only, others find nothing. */
const adminsThroughAllInboxes: Record<Actor, number> = {
  anonymous: 401,
  agent: 404,
  outsider: 404,
  admin: 200,
  stranger: 404,
};

const withBody =
  (body: unknown): NonNullable<AccessCase['input']> =>
  async (ctx, actor) => ({ ...(await inApiInbox(ctx, actor)), body });

/** Each action on a conversation: members of its inbox and administrators. */
const actions: [AccessCase['method'], string, NonNullable<AccessCase['input']>][] = [
  ['GET', CONVERSATION, inApiInbox],
  ['PATCH', CONVERSATION, withBody({ priority: 'low' })],
  ['POST', `${CONVERSATION}/toggle_status`, withBody({ status: 'resolved' })],
  ['POST', `${CONVERSATION}/toggle_priority`, withBody({ priority: 'high' })],
  ['GET', `${CONVERSATION}/labels`, inApiInbox],
  ['POST', `${CONVERSATION}/labels`, withBody({ labels: [] })],
  ['POST', `${CONVERSATION}/custom_attributes`, withBody({ custom_attributes: { a: 1 } })],
  ['POST', `${CONVERSATION}/update_last_seen`, inApiInbox],
  ['POST', `${CONVERSATION}/mute`, inApiInbox],
  ['POST', `${CONVERSATION}/unmute`, inApiInbox],
];

export const conversationAccessCases: AccessCase[] = [
  { method: 'GET', route: CONVERSATIONS, expect: anyMember() },
  { method: 'GET', route: `${CONVERSATIONS}/meta`, expect: anyMember() },
  {
    method: 'POST',
    route: CONVERSATIONS,
    note: 'in the API inbox',
    input: ({ world }) => ({ body: { inbox_id: world.apiInboxId, contact_id: world.contactId } }),
    expect: apiInboxMembers(),
  },
  ...actions.map(([method, route, input]): AccessCase => ({
    method,
    route,
    input,
    expect: apiInboxMembers(),
  })),
  {
    method: 'POST',
    route: `${CONVERSATION}/assignments`,
    note: 'to an administrator (always eligible)',
    input: async (ctx, actor) => ({
      ...(await inApiInbox(ctx, actor)),
      body: { assignee_id: ctx.world.admin.id },
    }),
    expect: apiInboxMembers(),
  },
  {
    method: 'GET',
    route: CONVERSATION,
    note: 'of an inbox the agent is not in',
    input: inWebsiteInbox,
    expect: adminsThroughAllInboxes,
  },
  {
    method: 'POST',
    route: `${CONVERSATION}/toggle_status`,
    note: 'of an inbox the agent is not in',
    input: async (ctx, actor) => ({ ...(await inWebsiteInbox(ctx, actor)), body: {} }),
    expect: adminsThroughAllInboxes,
  },
  {
    method: 'GET',
    route: CONVERSATION,
    note: "another account's conversation",
    input: ofAnotherAccount,
    expect: nobody(),
  },
  {
    method: 'POST',
    route: `${CONVERSATION}/assignments`,
    note: "another account's conversation",
    input: async (ctx, actor) => ({
      ...(await ofAnotherAccount(ctx, actor)),
      body: { assignee_id: null },
    }),
    expect: nobody(),
  },
];
