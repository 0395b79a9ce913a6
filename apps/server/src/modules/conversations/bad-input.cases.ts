import {
  SQL_LOOKING,
  standardBadInputs,
  type BadInputCase,
  type BadInputContext,
  type BadInputRequest,
} from '../../test/bad-input';
import { insertContact, insertLabel, insertTeam } from '../../test/factories';
import { ACCOUNT } from '../../test/routes';
import { fixtureConversation } from '../../test/conversations';

const CONVERSATIONS = `${ACCOUNT}/conversations`;
const CONVERSATION = `${CONVERSATIONS}/:id`;

const fresh = async ({ app, world }: BadInputContext) => ({
  id: await fixtureConversation(app, world),
});

const openBody = ({ world }: BadInputContext) => ({
  inbox_id: world.apiInboxId,
  contact_id: world.contactId,
});

/** A case on one fresh conversation with `body`, expecting a 422 naming `field`. */
const refused = (
  route: string,
  note: string,
  body: (ctx: BadInputContext) => unknown,
  field: string,
  method: BadInputCase['method'] = 'POST',
  expect = 422,
): BadInputCase => ({
  method,
  route,
  note,
  expect,
  field,
  input: async (ctx): Promise<BadInputRequest> => ({
    params: await fresh(ctx),
    body: await body(ctx),
  }),
});

const listQueries: [string, string][] = [
  ['status=closed', 'status'],
  ['assignee_type=everyone', 'assignee_type'],
  ['page=0', 'page'],
  ['page=abc', 'page'],
  ['inbox_id=abc', 'inbox_id'],
  ['team_id=-1', 'team_id'],
  [`q=${'x'.repeat(201)}`, 'q'],
  [`labels[]=${'x'.repeat(256)}`, 'labels[][0]'],
];

const createRefusals: [string, (ctx: BadInputContext) => unknown, number, string][] = [
  [
    "another account's contact",
    (c) => ({ ...openBody(c), contact_id: c.world.otherAccountContactId }),
    404,
    'contact_id',
  ],
  ['an unknown inbox', (c) => ({ ...openBody(c), inbox_id: 2_147_483_647 }), 404, 'inbox_id'],
  [
    'an assignee outside the inbox',
    (c) => ({ ...openBody(c), assignee_id: c.world.outsider.id }),
    422,
    'assignee_id',
  ],
  [
    "another account's administrator as assignee",
    (c) => ({ ...openBody(c), assignee_id: c.world.stranger.id }),
    422,
    'assignee_id',
  ],
  [
    "another account's team",
    async (c) => ({ ...openBody(c), team_id: await insertTeam(c.app.db, c.world.otherAccountId) }),
    422,
    'team_id',
  ],
  ['an unknown status', (c) => ({ ...openBody(c), status: 'closed' }), 422, 'status'],
  ['an unknown priority', (c) => ({ ...openBody(c), priority: 'asap' }), 422, 'priority'],
  [
    'an empty first message',
    (c) => ({ ...openBody(c), message: { content: '' } }),
    422,
    'message.content',
  ],
  [
    'a NUL in the first message',
    (c) => ({ ...openBody(c), message: { content: 'a\u0000b' } }),
    422,
    'message.content',
  ],
  [
    'custom_attributes over 16 KiB',
    (c) => ({ ...openBody(c), custom_attributes: { pad: 'x'.repeat(17_000) } }),
    422,
    'custom_attributes',
  ],
  [
    'additional_attributes not an object',
    (c) => ({ ...openBody(c), additional_attributes: [1] }),
    422,
    'additional_attributes',
  ],
  [
    'a source_id of another contact',
    async (c) => {
      const other = await insertContact(c.app.db, c.world.accountId);
      await c.app.db
        .insertInto('contact_inboxes')
        .values({
          contact_id: other,
          inbox_id: c.world.apiInboxId,
          source_id: 'taken-source',
          hmac_verified: 0,
          created_at: Date.now(),
        })
        .execute();
      return { ...openBody(c), source_id: 'taken-source' };
    },
    422,
    'source_id',
  ],
];

export const conversationBadInputCases: BadInputCase[] = [
  ...listQueries.flatMap(([query, field]): BadInputCase[] =>
    [CONVERSATIONS, `${CONVERSATIONS}/meta`].map((route) => ({
      method: 'GET',
      route,
      note: `query ${query.slice(0, 40)}`,
      input: () => ({ query }),
      expect: 422,
      field,
    })),
  ),
  {
    method: 'GET',
    route: CONVERSATIONS,
    note: 'SQL-looking search text is only text',
    input: () => ({ query: `q=${encodeURIComponent(SQL_LOOKING)}&status=all` }),
    expect: 200,
    verify: (res) => {
      if (res.json().data.meta.all_count !== 0) throw new Error('search matched SQL text');
    },
  },
  ...standardBadInputs({
    method: 'POST',
    route: CONVERSATIONS,
    body: openBody,
    bodyKeys: ['inbox_id', 'contact_id'],
    required: ['inbox_id', 'contact_id'],
    strictBody: false,
  }),
  ...createRefusals.map(([note, body, expect, field]): BadInputCase => ({
    method: 'POST',
    route: CONVERSATIONS,
    note: `with ${note}`,
    input: async (ctx) => ({ body: await body(ctx) }),
    expect,
    field,
  })),
  ...standardBadInputs({ method: 'GET', route: CONVERSATION, params: fresh }),
  ...standardBadInputs({
    method: 'PATCH',
    route: CONVERSATION,
    params: fresh,
    body: { priority: 'low', muted: true, custom_attributes: {}, additional_attributes: {} },
  }),
  refused(
    CONVERSATION,
    'custom_attributes over 16 KiB',
    () => ({ custom_attributes: { pad: 'x'.repeat(17_000) } }),
    'custom_attributes',
    'PATCH',
  ),
  ...standardBadInputs({
    method: 'POST',
    route: `${CONVERSATION}/toggle_status`,
    params: fresh,
    body: { status: 'snoozed', snoozed_until: 4_000_000_000 },
  }),
  refused(
    `${CONVERSATION}/toggle_status`,
    'unknown status',
    () => ({ status: 'closed' }),
    'status',
  ),
  refused(
    `${CONVERSATION}/toggle_status`,
    'snoozed_until in the past',
    () => ({ status: 'snoozed', snoozed_until: 1_000 }),
    'snoozed_until',
  ),
  refused(
    `${CONVERSATION}/toggle_status`,
    'snoozed_until without snoozing',
    () => ({ status: 'open', snoozed_until: 4_000_000_000 }),
    'snoozed_until',
  ),
  ...standardBadInputs({
    method: 'POST',
    route: `${CONVERSATION}/toggle_priority`,
    params: fresh,
    body: { priority: 'high' },
    required: ['priority'],
  }),
  refused(
    `${CONVERSATION}/toggle_priority`,
    'unknown priority',
    () => ({ priority: 'asap' }),
    'priority',
  ),
  ...standardBadInputs({
    method: 'POST',
    route: `${CONVERSATION}/assignments`,
    params: fresh,
    body: ({ world }) => ({ assignee_id: world.admin.id }),
    bodyKeys: ['assignee_id', 'team_id'],
  }),
  refused(
    `${CONVERSATION}/assignments`,
    'neither assignee_id nor team_id',
    () => ({}),
    'assignee_id',
  ),
  refused(
    `${CONVERSATION}/assignments`,
    'an agent outside the inbox',
    ({ world }) => ({ assignee_id: world.outsider.id }),
    'assignee_id',
  ),
  refused(
    `${CONVERSATION}/assignments`,
    'an unknown user',
    () => ({ assignee_id: 2_147_483_647 }),
    'assignee_id',
  ),
  refused(
    `${CONVERSATION}/assignments`,
    "another account's team",
    async ({ app, world }) => ({ team_id: await insertTeam(app.db, world.otherAccountId) }),
    'team_id',
  ),
  ...standardBadInputs({ method: 'GET', route: `${CONVERSATION}/labels`, params: fresh }),
  ...standardBadInputs({
    method: 'POST',
    route: `${CONVERSATION}/labels`,
    params: fresh,
    body: async ({ app, world }) => {
      const id = await insertLabel(app.db, world.accountId);
      const { title } = await app.db
        .selectFrom('labels')
        .select('title')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { labels: [title] };
    },
    bodyKeys: ['labels'],
    required: ['labels'],
  }),
  // A new title creates the account's own label (Chatwoot), so only unfit titles are refused.
  refused(
    `${CONVERSATION}/labels`,
    'a new label whose title is no slug',
    () => ({ labels: ['has space'] }),
    'labels',
  ),
  refused(
    `${CONVERSATION}/labels`,
    'removing a label that does not exist',
    () => ({ remove: ['no-such-label'] }),
    'labels',
  ),
  refused(
    `${CONVERSATION}/labels`,
    'a label that is not text',
    () => ({ labels: [5] }),
    'labels[0]',
  ),
  ...standardBadInputs({
    method: 'POST',
    route: `${CONVERSATION}/custom_attributes`,
    params: fresh,
    body: { custom_attributes: { plan: 'gold' } },
    required: ['custom_attributes'],
  }),
  refused(
    `${CONVERSATION}/custom_attributes`,
    'over 16 KiB',
    () => ({ custom_attributes: { pad: 'x'.repeat(17_000) } }),
    'custom_attributes',
  ),
  ...standardBadInputs({
    method: 'POST',
    route: `${CONVERSATION}/update_last_seen`,
    params: fresh,
  }),
  ...standardBadInputs({ method: 'POST', route: `${CONVERSATION}/mute`, params: fresh }),
  ...standardBadInputs({ method: 'POST', route: `${CONVERSATION}/unmute`, params: fresh }),
];
