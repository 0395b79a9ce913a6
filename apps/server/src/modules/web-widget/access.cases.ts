import { ACCOUNT, apiInboxMembers, type AccessCase, type Actor } from '../../test/access';
import { WORLD_WIDGET } from '../../test/fixtures';
import { fixtureConversation } from '../../test/conversations';
import {
  PUBLIC,
  PUBLIC_CONTACT,
  PUBLIC_CONVERSATION,
  PUBLIC_INBOX,
  visitorWithConversation,
} from './testing';

/**
 * The public widget routes answer the visitor the path names, whoever else is signed in: a
 * dashboard session or token neither opens nor closes them. Another visitor's conversation is
 * "not found" for everyone.
 */
const everyone = (status = 200): Record<Actor, number> => ({
  anonymous: status,
  agent: status,
  outsider: status,
  admin: status,
  stranger: status,
});

const own: AccessCase['input'] = async ({ app, world }) => ({
  params: await visitorWithConversation(app, world),
});

/** Visitor B addressing visitor A's conversation. */
const someoneElses: AccessCase['input'] = async ({ app, world }) => {
  const mine = await visitorWithConversation(app, world);
  const theirs = await visitorWithConversation(app, world);
  return { params: { ...mine, conversation_id: theirs.conversation_id } };
};

const routes: [AccessCase['method'], string, unknown, number][] = [
  ['GET', PUBLIC_CONVERSATION, undefined, 200],
  ['GET', `${PUBLIC_CONVERSATION}/messages`, undefined, 200],
  ['POST', `${PUBLIC_CONVERSATION}/messages`, { content: 'Hello' }, 200],
  ['POST', `${PUBLIC_CONVERSATION}/toggle_typing`, { typing_status: 'on' }, 204],
  ['POST', `${PUBLIC_CONVERSATION}/update_last_seen`, undefined, 204],
];

export const webWidgetAccessCases: AccessCase[] = [
  {
    method: 'GET',
    route: `${PUBLIC}/widget/:website_token`,
    input: () => ({ params: { website_token: WORLD_WIDGET.websiteToken } }),
    expect: everyone(),
  },
  {
    method: 'GET',
    route: PUBLIC_INBOX,
    input: () => ({ params: { inbox_identifier: WORLD_WIDGET.inboxIdentifier } }),
    expect: everyone(),
  },
  {
    method: 'POST',
    route: `${PUBLIC_INBOX}/contacts`,
    input: () => ({ params: { inbox_identifier: WORLD_WIDGET.inboxIdentifier }, body: {} }),
    expect: everyone(),
  },
  { method: 'GET', route: PUBLIC_CONTACT, input: own, expect: everyone() },
  {
    method: 'PATCH',
    route: PUBLIC_CONTACT,
    input: async (ctx, actor) => ({ ...(await own(ctx, actor)), body: { name: 'Nadia' } }),
    expect: everyone(),
  },
  { method: 'GET', route: `${PUBLIC_CONTACT}/conversations`, input: own, expect: everyone() },
  {
    method: 'POST',
    route: `${PUBLIC_CONTACT}/conversations`,
    input: async (ctx, actor) => ({ ...(await own(ctx, actor)), body: {} }),
    expect: everyone(),
  },
  ...routes.flatMap(([method, route, body, ok]): AccessCase[] => [
    {
      method,
      route,
      input: async (ctx, actor) => ({ ...(await own(ctx, actor)), body }),
      expect: everyone(ok),
    },
    {
      method,
      route,
      note: 'another visitor’s conversation',
      input: async (ctx, actor) => ({ ...(await someoneElses(ctx, actor)), body }),
      expect: everyone(404),
    },
  ]),
  {
    method: 'POST',
    route: `${ACCOUNT}/conversations/:id/toggle_typing_status`,
    input: async ({ app, world }) => ({
      params: { id: await fixtureConversation(app, world, 'api') },
      body: { typing_status: 'on' },
    }),
    expect: apiInboxMembers(204),
  },
];
