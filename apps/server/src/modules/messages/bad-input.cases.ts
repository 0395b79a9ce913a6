import {
  SQL_LOOKING,
  standardBadInputs,
  type BadInputCase,
  type BadInputContext,
} from '../../test/bad-input';
import { ACCOUNT } from '../../test/routes';
import { fixtureConversation, fixtureMessage } from '../../test/conversations';

const MESSAGES = `${ACCOUNT}/conversations/:id/messages`;
const MESSAGE = `${MESSAGES}/:message_id`;

const fresh = async ({ app, world }: BadInputContext) => ({
  id: await fixtureConversation(app, world),
});
const freshMessage = async ({ app, world }: BadInputContext) => {
  const id = await fixtureConversation(app, world);
  return { id, message_id: await fixtureMessage(app, world, id) };
};

const createRefusals: [string, unknown, string][] = [
  ['blank content', { content: '   ' }, 'content'],
  ['content over 150,000 characters', { content: 'x'.repeat(150_001) }, 'content'],
  ['a NUL in the content', { content: 'a\u0000b' }, 'content'],
  ['a template message', { content: 'x', message_type: 'template' }, 'message_type'],
  ['a numeric message_type', { content: 'x', message_type: 1 }, 'message_type'],
  ['an unknown content_type', { content: 'x', content_type: 'video' }, 'content_type'],
  [
    'content_attributes not an object',
    { content: 'x', content_attributes: [1] },
    'content_attributes',
  ],
  [
    'content_attributes over 16 KiB',
    { content: 'x', content_attributes: { pad: 'x'.repeat(17_000) } },
    'content_attributes',
  ],
  [
    'a private incoming message',
    { content: 'x', message_type: 'incoming', private: true },
    'private',
  ],
  ['echo_id of 256 characters', { content: 'x', echo_id: 'e'.repeat(256) }, 'echo_id'],
];

export const messageBadInputCases: BadInputCase[] = [
  ...standardBadInputs({ method: 'GET', route: MESSAGES, params: fresh }),
  ...(
    [
      ['before=abc', 'before'],
      ['before=0', 'before'],
      ['after=-1', 'after'],
      ['before=99999999999', 'before'],
    ] as const
  ).map(([query, field]): BadInputCase => ({
    method: 'GET',
    route: MESSAGES,
    note: `query ${query}`,
    input: async (ctx) => ({ params: await fresh(ctx), query }),
    expect: 422,
    field,
  })),
  ...standardBadInputs({
    method: 'POST',
    route: MESSAGES,
    params: fresh,
    body: { content: 'Hello', private: false, content_attributes: {} },
    required: ['content'],
    strictBody: false,
  }),
  ...createRefusals.map(([note, body, field]): BadInputCase => ({
    method: 'POST',
    route: MESSAGES,
    note: `with ${note}`,
    input: async (ctx) => ({ params: await fresh(ctx), body }),
    expect: 422,
    field,
  })),
  {
    method: 'POST',
    route: MESSAGES,
    note: 'an incoming message into a website inbox',
    input: async ({ app, world }) => ({
      params: { id: await fixtureConversation(app, world, 'web') },
      body: { content: 'x', message_type: 'incoming' },
    }),
    expect: 422,
    field: 'message_type',
  },
  {
    method: 'POST',
    route: MESSAGES,
    note: 'SQL-looking content is stored verbatim',
    input: async (ctx) => ({ params: await fresh(ctx), body: { content: SQL_LOOKING } }),
    expect: 200,
    changes: ['messages', 'conversations'],
    verify: (res) => {
      if (res.json().content !== SQL_LOOKING) throw new Error('not verbatim');
    },
  },
  ...standardBadInputs({ method: 'DELETE', route: MESSAGE, params: freshMessage }),
  {
    method: 'DELETE',
    route: MESSAGE,
    note: "another conversation's message",
    input: async (ctx) => {
      const { message_id } = await freshMessage(ctx);
      return { params: { ...(await fresh(ctx)), message_id } };
    },
    expect: 404,
  },
  {
    method: 'DELETE',
    route: MESSAGE,
    as: 'agent',
    note: 'an agent deleting an administrator’s message',
    input: async (ctx) => ({ params: await freshMessage(ctx) }),
    expect: 403,
  },
];
