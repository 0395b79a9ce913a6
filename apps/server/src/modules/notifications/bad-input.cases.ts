import { ACCOUNT } from '../../test/access';
import { standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { insertNotification } from './testing';

const LIST = `${ACCOUNT}/notifications`;
const ONE = `${LIST}/:id`;

const adminsNotification = async ({
  app,
  world,
}: Parameters<NonNullable<BadInputCase['input']>>[0]) => ({
  id: await insertNotification(app.db, {
    accountId: world.accountId,
    inboxId: world.apiInboxId,
    contactId: world.contactId,
    userId: world.admin.id,
  }),
});

const badQuery = (note: string, query: string, field?: string): BadInputCase => ({
  method: 'GET',
  route: LIST,
  note,
  input: () => ({ query }),
  expect: 422,
  ...(field ? { field } : {}),
});

export const notificationBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'PATCH',
    route: ONE,
    params: adminsNotification,
    body: { read_at: 1_700_000_000 },
  }),
  ...standardBadInputs({
    method: 'POST',
    route: `${LIST}/read_all`,
    body: { primary_actor_type: 'Conversation', primary_actor_id: 1 },
  }),
  badQuery('unknown query key', 'zz_unknown=1'),
  badQuery('page zero', 'page=0', 'page'),
  badQuery('page not a number', 'page=abc', 'page'),
  badQuery('page beyond range', 'page=99999999999', 'page'),
  {
    method: 'POST',
    route: `${LIST}/read_all`,
    note: 'primary actor of another type',
    input: () => ({ body: { primary_actor_type: 'Message', primary_actor_id: 1 } }),
    expect: 422,
    field: 'primary_actor_type',
  },
  {
    method: 'PATCH',
    route: ONE,
    note: 'read_at negative',
    input: async (ctx) => ({ params: await adminsNotification(ctx), body: { read_at: -1 } }),
    expect: 422,
    field: 'read_at',
  },
  {
    method: 'PATCH',
    route: ONE,
    note: "another agent's notification",
    as: 'agent',
    input: async (ctx) => ({ params: await adminsNotification(ctx), body: {} }),
    expect: 404,
  },
];
