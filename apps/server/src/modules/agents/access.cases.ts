import { ACCOUNT, adminsOnly, anyMember, type AccessCase } from '../../test/access';
import { insertAgent, unique } from '../../test/factories';

const AGENT = `${ACCOUNT}/agents/:id`;

export const agentAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/agents`, expect: anyMember() },
  {
    method: 'POST',
    route: `${ACCOUNT}/agents`,
    input: () => ({
      body: { name: 'Matrix', email: `${unique('matrix')}@acme.test` },
    }),
    expect: adminsOnly(),
  },
  {
    method: 'PATCH',
    route: AGENT,
    input: ({ world }) => ({ params: { id: world.outsider.id }, body: { availability: 'online' } }),
    expect: adminsOnly(),
  },
  {
    method: 'PATCH',
    route: AGENT,
    note: 'a user of another account',
    input: ({ world }) => ({ params: { id: world.stranger.id }, body: { role: 'agent' } }),
    expect: adminsOnly(404),
  },
  {
    method: 'DELETE',
    route: AGENT,
    input: async ({ app, world }) => ({
      params: { id: (await insertAgent(app.db, world.accountId)).id },
    }),
    expect: adminsOnly(204),
  },
];
