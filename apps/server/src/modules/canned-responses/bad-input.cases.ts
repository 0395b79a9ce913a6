import { ACCOUNT } from '../../test/access';
import { SQL_LOOKING, standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { insertCannedResponse } from './testing';

const LIST = `${ACCOUNT}/canned_responses`;
const ONE = `${LIST}/:id`;

const someResponse = async ({ app, world }: Parameters<NonNullable<BadInputCase['input']>>[0]) => ({
  id: await insertCannedResponse(app.db, world.accountId, world.admin.id),
});

const badCreate = (note: string, body: unknown, field: string): BadInputCase => ({
  method: 'POST',
  route: LIST,
  note,
  input: () => ({ body }),
  expect: 422,
  field,
});

export const cannedResponseBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: LIST,
    body: { short_code: 'bad-input', content: 'Hello {{contact.name}}' },
    required: ['short_code', 'content'],
  }),
  ...(['PATCH', 'PUT'] as const).flatMap((method) =>
    standardBadInputs({
      method,
      route: ONE,
      params: someResponse,
      body: { short_code: 'renamed', content: 'New text' },
    }),
  ),
  ...standardBadInputs({ method: 'DELETE', route: ONE, params: someResponse }),
  {
    method: 'GET',
    route: LIST,
    note: 'unknown query key',
    input: () => ({ query: 'zz_unknown=1' }),
    expect: 422,
  },
  {
    method: 'GET',
    route: LIST,
    note: 'search longer than 255',
    input: () => ({ query: `search=${'x'.repeat(300)}` }),
    expect: 422,
    field: 'search',
  },
  badCreate('short code with a space', { short_code: 'two words', content: 'x' }, 'short_code'),
  badCreate('empty short code', { short_code: '', content: 'x' }, 'short_code'),
  badCreate('short code too long', { short_code: 'x'.repeat(101), content: 'x' }, 'short_code'),
  badCreate('empty content', { short_code: 'empty', content: '' }, 'content'),
  badCreate('blank content', { short_code: 'blank', content: '   ' }, 'content'),
  badCreate('content too long', { short_code: 'long', content: 'x'.repeat(10_001) }, 'content'),
  badCreate('NUL in content', { short_code: 'nul', content: 'a\u0000b' }, 'content'),
  badCreate('wrapped body not an object', { canned_response: 'x' }, 'canned_response'),
  {
    method: 'POST',
    route: LIST,
    note: 'short code already taken (other case)',
    input: async ({ app, world }) => {
      await insertCannedResponse(app.db, world.accountId, null, { short_code: 'Taken-Code' });
      return { body: { short_code: 'taken-code', content: 'x' } };
    },
    expect: 422,
    field: 'short_code',
  },
  {
    method: 'POST',
    route: LIST,
    note: 'SQL-looking content is stored verbatim',
    input: () => ({ body: { short_code: 'sql-content', content: SQL_LOOKING } }),
    expect: 200,
    changes: ['canned_responses'],
    verify: (res) => {
      if (res.json().content !== SQL_LOOKING) throw new Error('not verbatim');
    },
  },
  {
    method: 'GET',
    route: LIST,
    note: 'SQL-looking and LIKE-wildcard search finds nothing, fails nothing',
    input: () => ({ query: `search=${encodeURIComponent("%_' OR 1=1 --")}` }),
    expect: 200,
    verify: (res) => {
      if (!Array.isArray(res.json())) throw new Error('not a list');
    },
  },
];
