import { ACCOUNT, apiInboxMembers, nobody, type AccessCase, type Actor } from '../../test/access';
import { fixtureConversation, fixtureMessage, foreignConversation } from '../../test/conversations';

const MESSAGES = `${ACCOUNT}/conversations/:id/messages`;
const MESSAGE = `${MESSAGES}/:message_id`;

const inApiInbox: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await fixtureConversation(app, world, 'api') },
});

/** A message of the API inbox written by `sender` (an administrator unless said). */
const messageBy =
  (sender: (actor: Actor) => 'admin' | 'agent' | 'outsider'): NonNullable<AccessCase['input']> =>
  async ({ app, world }, actor) => {
    const id = await fixtureConversation(app, world, 'api');
    const messageId = await fixtureMessage(app, world, id, world[sender(actor)].id);
    return { params: { id, message_id: messageId } };
  };

export const messageAccessCases: AccessCase[] = [
  { method: 'GET', route: MESSAGES, input: inApiInbox, expect: apiInboxMembers() },
  {
    method: 'POST',
    route: MESSAGES,
    input: async (ctx, actor) => ({ ...(await inApiInbox(ctx, actor)), body: { content: 'Hi' } }),
    expect: apiInboxMembers(),
  },
  {
    method: 'GET',
    route: MESSAGES,
    note: "another account's conversation",
    input: async ({ app, world }) => ({ params: { id: await foreignConversation(app, world) } }),
    expect: nobody(),
  },
  {
    method: 'DELETE',
    route: MESSAGE,
    note: 'one’s own message',
    input: messageBy((actor) =>
      actor === 'agent' || actor === 'outsider' || actor === 'admin' ? actor : 'admin',
    ),
    expect: apiInboxMembers(),
  },
  {
    method: 'DELETE',
    route: MESSAGE,
    note: 'an administrator’s message',
    input: messageBy(() => 'admin'),
    expect: { anonymous: 401, agent: 403, outsider: 404, admin: 200, stranger: 404 },
  },
];
