import { ACCOUNT } from '../../test/access';
import { SQL_LOOKING, standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { insertInbox } from '../../test/factories';

const INBOXES = `${ACCOUNT}/inboxes`;
const INBOX = `${INBOXES}/:id`;
const MEMBERS = `${ACCOUNT}/inbox_members`;

export const inboxBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: INBOXES,
    body: { name: 'Bad', channel: { type: 'api' }, greeting_message: 'Hi' },
    required: ['name'],
  }),
  ...standardBadInputs({
    method: 'GET',
    route: INBOX,
    params: ({ world }) => ({ id: world.apiInboxId }),
  }),
  ...standardBadInputs({
    method: 'PATCH',
    route: INBOX,
    params: ({ world }) => ({ id: world.apiInboxId }),
    body: { name: 'API', greeting_message: 'Hello' },
  }),
  ...standardBadInputs({
    method: 'DELETE',
    route: INBOX,
    params: ({ world }) => ({ id: world.apiInboxId }),
  }),
  ...standardBadInputs({
    method: 'GET',
    route: `${MEMBERS}/:inbox_id`,
    params: ({ world }) => ({ inbox_id: world.apiInboxId }),
  }),
  ...(['POST', 'PATCH', 'DELETE'] as const).flatMap((method): BadInputCase[] => [
    ...standardBadInputs({
      method,
      route: MEMBERS,
      body: ({ world }) => ({ inbox_id: world.apiInboxId, user_ids: [world.agent.id] }),
      bodyKeys: ['inbox_id', 'user_ids'],
      required: ['inbox_id', 'user_ids'],
    }),
    {
      method,
      route: MEMBERS,
      note: 'unknown inbox_id',
      input: ({ world }) => ({ body: { inbox_id: 2_147_483_647, user_ids: [world.agent.id] } }),
      expect: 404,
    },
    {
      method,
      route: MEMBERS,
      note: "another account's inbox",
      input: async ({ app, world }) => {
        const theirsId = await insertInbox(app.db, world.otherAccountId);
        return { body: { inbox_id: theirsId, user_ids: [] } };
      },
      expect: 404,
    },
    {
      method,
      route: MEMBERS,
      note: 'a user of another account among the ids (nothing changes)',
      input: ({ world }) => ({
        body: { inbox_id: world.apiInboxId, user_ids: [world.outsider.id, world.stranger.id] },
      }),
      expect: 422,
      field: 'user_ids',
    },
    {
      method,
      route: MEMBERS,
      note: 'a user id twice',
      input: ({ world }) => ({
        body: { inbox_id: world.apiInboxId, user_ids: [world.agent.id, world.agent.id] },
      }),
      expect: 422,
      field: 'user_ids',
    },
  ]),
  ...(
    [
      [{ name: 'X' }, 'channel'],
      [{ name: 'X', channel: { type: 'fax' } }, 'channel.type'],
      [{ name: 'X', channel: { type: 'api', secret: 1 } }, 'channel.secret'],
      [{ name: 'X', channel_type: 'Channel::Email' }, 'channel_type'],
      [{ name: 'X', channel: { type: 'api' }, channel_type: 'Channel::WebWidget' }, 'channel_type'],
      [{ name: '  ', channel: { type: 'api' } }, 'name'],
      [{ name: 'n'.repeat(256), channel: { type: 'api' } }, 'name'],
    ] as const
  ).map(([body, field]): BadInputCase => ({
    method: 'POST',
    route: INBOXES,
    note: `bad ${field}: ${JSON.stringify(body).slice(0, 60)}`,
    input: () => ({ body }),
    expect: 422,
    field,
  })),
  {
    method: 'POST',
    route: INBOXES,
    note: 'SQL-looking name is stored verbatim',
    input: () => ({ body: { name: SQL_LOOKING, channel_type: 'Channel::Api' } }),
    expect: 200,
    changes: ['inboxes'],
    verify: (res) => {
      if (res.json().name !== SQL_LOOKING) throw new Error('name not stored verbatim');
    },
  },
];
