import { ACCOUNT } from '../../test/access';
import { SQL_LOOKING, standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { insertTeam } from '../../test/factories';

const TEAMS = `${ACCOUNT}/teams`;
const TEAM = `${TEAMS}/:id`;

const someTeam = async ({ app, world }: Parameters<NonNullable<BadInputCase['input']>>[0]) => ({
  id: await insertTeam(app.db, world.accountId),
});

export const teamBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: TEAMS,
    body: { name: 'Bad', description: 'd', allow_auto_assign: true },
    required: ['name'],
  }),
  ...standardBadInputs({ method: 'GET', route: TEAM, params: someTeam }),
  ...standardBadInputs({
    method: 'PATCH',
    route: TEAM,
    params: someTeam,
    body: { name: 'Renamed', description: null, allow_auto_assign: false },
  }),
  ...standardBadInputs({ method: 'DELETE', route: TEAM, params: someTeam }),
  ...standardBadInputs({ method: 'GET', route: `${TEAM}/team_members`, params: someTeam }),
  ...(['POST', 'PATCH', 'DELETE'] as const).flatMap((method): BadInputCase[] => [
    ...standardBadInputs({
      method,
      route: `${TEAM}/team_members`,
      params: someTeam,
      body: ({ world }) => ({ user_ids: [world.agent.id] }),
      bodyKeys: ['user_ids'],
      required: ['user_ids'],
    }),
    {
      method,
      route: `${TEAM}/team_members`,
      note: 'a user of another account among the ids (nothing changes)',
      input: async (ctx) => ({
        params: await someTeam(ctx),
        body: { user_ids: [ctx.world.agent.id, ctx.world.stranger.id] },
      }),
      expect: 422,
      field: 'user_ids',
    },
    {
      method,
      route: `${TEAM}/team_members`,
      note: 'ids that are not integers (a numeric string is one, as Chatwoot sends them)',
      input: async (ctx) => ({ params: await someTeam(ctx), body: { user_ids: [2.5, '1'] } }),
      expect: 422,
      field: 'user_ids[0]',
    },
  ]),
  {
    method: 'POST',
    route: TEAMS,
    note: 'a name already taken',
    input: async ({ app, world }) => {
      const id = await insertTeam(app.db, world.accountId);
      const row = await app.db
        .selectFrom('teams')
        .select('name')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { body: { name: row.name } };
    },
    expect: 422,
    field: 'name',
  },
  {
    method: 'POST',
    route: TEAMS,
    note: 'SQL-looking name is stored verbatim',
    input: () => ({ body: { name: `Robert'); ${SQL_LOOKING}` } }),
    expect: 200,
    changes: ['teams'],
    verify: (res) => {
      if (res.json().name !== `Robert'); ${SQL_LOOKING}`) throw new Error('not verbatim');
    },
  },
];
