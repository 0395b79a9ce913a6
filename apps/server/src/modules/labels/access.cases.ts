import { ACCOUNT, adminsOnly, anyMember, nobody, type AccessCase } from '../../test/access';
import { insertLabel, unique } from '../../test/factories';

const LABEL = `${ACCOUNT}/labels/:id`;

const freshLabel: AccessCase['input'] = async ({ app, world }) => ({
  params: { id: await insertLabel(app.db, world.accountId) },
});

export const labelAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/labels`, expect: anyMember() },
  {
    method: 'POST',
    route: `${ACCOUNT}/labels`,
    input: () => ({ body: { title: unique('matrix') } }),
    expect: adminsOnly(),
  },
  { method: 'GET', route: LABEL, input: freshLabel, expect: anyMember() },
  {
    method: 'GET',
    route: LABEL,
    note: "another account's label",
    input: async ({ app, world }) => ({
      params: { id: await insertLabel(app.db, world.otherAccountId) },
    }),
    expect: nobody(),
  },
  {
    method: 'PATCH',
    route: LABEL,
    input: async (ctx, actor) => ({
      ...(await freshLabel(ctx, actor)),
      body: { color: '#000000' },
    }),
    expect: adminsOnly(),
  },
  { method: 'DELETE', route: LABEL, input: freshLabel, expect: adminsOnly(204) },
];
