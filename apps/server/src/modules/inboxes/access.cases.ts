import {
  ACCOUNT,
  adminsOnly,
  anyMember,
  apiInboxMembers,
  type AccessCase,
} from '../../test/access';
import { insertInbox } from '../../test/factories';

const INBOX = `${ACCOUNT}/inboxes/:id`;
const MEMBERS = `${ACCOUNT}/inbox_members`;

export const inboxAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/inboxes`, expect: anyMember() },
  {
    method: 'GET',
    route: INBOX,
    input: ({ world }) => ({ params: { id: world.apiInboxId } }),
    expect: apiInboxMembers(),
  },
  {
    method: 'GET',
    route: INBOX,
    note: 'an inbox no agent is in',
    input: ({ world }) => ({ params: { id: world.widgetInboxId } }),
    expect: { anonymous: 401, agent: 404, outsider: 404, admin: 200, stranger: 404 },
  },
  {
    method: 'POST',
    route: `${ACCOUNT}/inboxes`,
    input: () => ({ body: { name: 'Matrix', channel: { type: 'api' } } }),
    expect: adminsOnly(),
  },
  {
    method: 'PATCH',
    route: INBOX,
    input: async ({ app, world }) => ({
      params: { id: await insertInbox(app.db, world.accountId) },
      body: { name: 'Renamed' },
    }),
    expect: adminsOnly(),
  },
  {
    method: 'DELETE',
    route: INBOX,
    input: async ({ app, world }) => ({
      params: { id: await insertInbox(app.db, world.accountId) },
    }),
    expect: adminsOnly(204),
  },
  {
    method: 'GET',
    route: `${MEMBERS}/:inbox_id`,
    input: ({ world }) => ({ params: { inbox_id: world.apiInboxId } }),
    expect: apiInboxMembers(),
  },
  ...(['POST', 'PATCH', 'DELETE'] as const).map((method): AccessCase => ({
    method,
    route: MEMBERS,
    input: async ({ app, world }) => ({
      body: { inbox_id: await insertInbox(app.db, world.accountId), user_ids: [world.agent.id] },
    }),
    expect: adminsOnly(),
  })),
];
