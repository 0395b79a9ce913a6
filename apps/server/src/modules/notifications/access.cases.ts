import { ACCOUNT, apiInboxMembers, anyMember, nobody, type AccessCase } from '../../test/access';
import { insertAgent, insertInbox } from '../../test/factories';
import { insertNotification } from './testing';

const ONE = `${ACCOUNT}/notifications/:id`;

/** The acting person's own notification, about a conversation of the API inbox. */
const own: AccessCase['input'] = async ({ app, world }, actor) => {
  const userId =
    actor === 'agent'
      ? world.agent.id
      : actor === 'outsider'
        ? world.outsider.id
        : actor === 'stranger'
          ? world.stranger.id
          : world.admin.id;
  const id = await insertNotification(app.db, {
    accountId: world.accountId,
    inboxId: world.apiInboxId,
    contactId: world.contactId,
    userId,
  });
  return { params: { id } };
};

/** Someone else's notification in the same account: nobody else reads or marks it. */
const someoneElses: AccessCase['input'] = async ({ app, world }) => {
  const other = await insertAgent(app.db, world.accountId, 'administrator');
  const id = await insertNotification(app.db, {
    accountId: world.accountId,
    inboxId: world.apiInboxId,
    contactId: world.contactId,
    userId: other.id,
  });
  return { params: { id } };
};

/** The acting stranger's own notification in their own account, asked for through ours. */
const otherAccount: AccessCase['input'] = async ({ app, world }) => {
  const inboxId = await insertInbox(app.db, world.otherAccountId);
  const id = await insertNotification(app.db, {
    accountId: world.otherAccountId,
    inboxId,
    contactId: world.otherAccountContactId,
    userId: world.stranger.id,
  });
  return { params: { id } };
};

export const notificationAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/notifications`, expect: anyMember() },
  {
    method: 'GET',
    route: `${ACCOUNT}/notifications`,
    note: 'page 2',
    input: () => ({ query: 'page=2' }),
    expect: anyMember(),
  },
  { method: 'GET', route: `${ACCOUNT}/notifications/unread_count`, expect: anyMember() },
  { method: 'POST', route: `${ACCOUNT}/notifications/read_all`, expect: anyMember() },
  {
    method: 'POST',
    route: `${ACCOUNT}/notifications/read_all`,
    note: 'one conversation',
    input: () => ({ body: { primary_actor_type: 'Conversation', primary_actor_id: 1 } }),
    expect: anyMember(),
  },
  {
    method: 'PATCH',
    route: ONE,
    // The outsider sees no inbox, so not what a notification of one says either.
    note: 'their own notification',
    input: own,
    expect: apiInboxMembers(),
  },
  {
    method: 'PATCH',
    route: ONE,
    note: "someone else's notification",
    input: someoneElses,
    expect: nobody(),
  },
  {
    method: 'PATCH',
    route: ONE,
    note: "another account's notification",
    input: otherAccount,
    expect: nobody(),
  },
];
