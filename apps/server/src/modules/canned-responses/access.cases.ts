import { ACCOUNT, adminsOnly, anyMember, nobody, type AccessCase } from '../../test/access';
import { unique } from '../../test/factories';
import { insertCannedResponse } from './testing';

const ONE = `${ACCOUNT}/canned_responses/:id`;

/** A response an administrator wrote: agents may use it, not change it. */
const adminWritten: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await insertCannedResponse(app.db, world.accountId, world.admin.id) },
});

/** A response the acting agent wrote: Chatwoot lets its author change it. */
const ownWritten =
  (body?: unknown): AccessCase['input'] =>
  async ({ app, world }, actor) => {
    const author =
      actor === 'agent' ? world.agent.id : actor === 'outsider' ? world.outsider.id : null;
    return {
      params: { id: await insertCannedResponse(app.db, world.accountId, author) },
      ...(body ? { body } : {}),
    };
  };

const withBody =
  (body: unknown): AccessCase['input'] =>
  async (ctx, actor) => ({ ...(await adminWritten!(ctx, actor)), body });

export const cannedResponseAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/canned_responses`, expect: anyMember() },
  {
    method: 'GET',
    route: `${ACCOUNT}/canned_responses`,
    note: 'with ?search=',
    input: () => ({ query: 'search=hello' }),
    expect: anyMember(),
  },
  {
    method: 'POST',
    route: `${ACCOUNT}/canned_responses`,
    input: () => ({ body: { short_code: unique('m'), content: 'Hi there' } }),
    expect: anyMember(),
  },
  {
    method: 'PATCH',
    route: ONE,
    note: "an administrator's response",
    input: withBody({ content: 'changed' }),
    expect: adminsOnly(),
  },
  {
    method: 'PUT',
    route: ONE,
    note: "an administrator's response",
    input: withBody({ content: 'changed' }),
    expect: adminsOnly(),
  },
  {
    method: 'PATCH',
    route: ONE,
    note: 'its own author',
    input: ownWritten({ content: 'mine, changed' }),
    expect: anyMember(),
  },
  {
    method: 'DELETE',
    route: ONE,
    note: "an administrator's response",
    input: adminWritten,
    expect: adminsOnly(204),
  },
  {
    method: 'DELETE',
    route: ONE,
    note: 'its own author',
    input: ownWritten(),
    expect: anyMember(204),
  },
  {
    method: 'PATCH',
    route: ONE,
    note: "another account's response",
    input: async ({ app, world }) => ({
      params: { id: await insertCannedResponse(app.db, world.otherAccountId) },
      body: { content: 'x' },
    }),
    expect: nobody(),
  },
  {
    method: 'DELETE',
    route: ONE,
    note: "another account's response",
    input: async ({ app, world }) => ({
      params: { id: await insertCannedResponse(app.db, world.otherAccountId) },
    }),
    expect: nobody(),
  },
];
