import { ACCOUNT } from '../../test/access';
import { SQL_LOOKING, standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { unique } from '../../test/factories';

const AGENTS = `${ACCOUNT}/agents`;
const AGENT = `${AGENTS}/:id`;

export const agentBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: AGENTS,
    body: {
      name: 'Bad Input',
      email: 'bad-input@acme.test',
      role: 'agent',
    },
    required: ['name', 'email'],
  }),
  ...standardBadInputs({
    method: 'PATCH',
    route: AGENT,
    params: ({ world }) => ({ id: world.outsider.id }),
    body: { role: 'agent', availability: 'online', auto_offline: true },
  }),
  ...standardBadInputs({
    method: 'DELETE',
    route: AGENT,
    params: ({ world }) => ({ id: world.outsider.id }),
  }),
  ...(
    [
      [{ name: 'X', email: 'no-at-sign' }, 'email'],
      [{ name: 'X', email: 'x@acme.test', password: 'long enough' }, 'password'],
      [{ name: 'X\u202Egnp.exe', email: 'x@acme.test' }, 'name'],
      [{ name: 'X', email: 'x@acme.test', role: 'owner' }, 'role'],
      [{ name: '', email: 'x@acme.test' }, 'name'],
      [{ name: 'X', email: `${'e'.repeat(320)}@acme.test` }, 'email'],
    ] as const
  ).map(([body, field]): BadInputCase => ({
    method: 'POST',
    route: AGENTS,
    note: `bad ${field}: ${JSON.stringify(body).slice(0, 60)}`,
    input: () => ({ body }),
    expect: 422,
    field,
  })),
  {
    method: 'POST',
    route: AGENTS,
    note: 'email of an agent already in the account',
    input: ({ world }) => ({ body: { name: 'Again', email: world.agent.email.toUpperCase() } }),
    expect: 422,
    field: 'email',
  },
  {
    method: 'PATCH',
    route: AGENT,
    note: 'demoting the only administrator',
    input: ({ world }) => ({ params: { id: world.admin.id }, body: { role: 'agent' } }),
    expect: 422,
    field: 'role',
  },
  {
    method: 'DELETE',
    route: AGENT,
    note: 'removing yourself',
    input: ({ world }) => ({ params: { id: world.admin.id } }),
    expect: 422,
  },
  {
    method: 'PATCH',
    route: AGENT,
    note: 'a user of another account',
    input: ({ world }) => ({ params: { id: world.stranger.id }, body: { role: 'agent' } }),
    expect: 404,
  },
  {
    method: 'PATCH',
    route: AGENT,
    note: 'renaming a person (their name is theirs)',
    input: ({ world }) => ({ params: { id: world.outsider.id }, body: { name: 'Mine' } }),
    expect: 422,
    field: 'name',
  },
  {
    method: 'POST',
    route: AGENTS,
    note: 'SQL-looking name is stored verbatim',
    input: () => ({ body: { name: SQL_LOOKING, email: `${unique('sql')}@acme.test` } }),
    expect: 200,
    changes: ['invitations'],
    verify: (res) => {
      if (res.json().name !== SQL_LOOKING) throw new Error('name not stored verbatim');
    },
  },
];
