import { ACCOUNT, adminsOnly, anyMember, nobody, type AccessCase } from '../../test/access';
import { insertTeam, unique } from '../../test/factories';

const TEAM = `${ACCOUNT}/teams/:id`;

const freshTeam: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await insertTeam(app.db, world.accountId) },
});

export const teamAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/teams`, expect: anyMember() },
  {
    method: 'POST',
    route: `${ACCOUNT}/teams`,
    input: () => ({ body: { name: unique('matrix') } }),
    expect: adminsOnly(),
  },
  { method: 'GET', route: TEAM, input: freshTeam, expect: anyMember() },
  {
    method: 'GET',
    route: TEAM,
    note: "another account's team",
    input: async ({ app, world }) => ({
      params: { id: await insertTeam(app.db, world.otherAccountId) },
    }),
    expect: nobody(),
  },
  {
    method: 'PATCH',
    route: TEAM,
    input: async (ctx, actor) => ({
      ...(await freshTeam(ctx, actor)),
      body: { description: 'Changed' },
    }),
    expect: adminsOnly(),
  },
  { method: 'DELETE', route: TEAM, input: freshTeam, expect: adminsOnly(204) },
  { method: 'GET', route: `${TEAM}/team_members`, input: freshTeam, expect: anyMember() },
  ...(['POST', 'PATCH', 'DELETE'] as const).map((method): AccessCase => ({
    method,
    route: `${TEAM}/team_members`,
    input: async (ctx, actor) => ({
      ...(await freshTeam(ctx, actor)),
      body: { user_ids: [ctx.world.agent.id] },
    }),
    expect: adminsOnly(),
  })),
];
