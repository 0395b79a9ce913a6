import { ACCOUNT } from '../../test/access';
import { SQL_LOOKING, standardBadInputs, type BadInputCase } from '../../test/bad-input';

export const accountBadInputCases: BadInputCase[] = [
  ...standardBadInputs({ method: 'PATCH', route: ACCOUNT, body: { name: 'Acme', locale: 'en' } }),
  {
    method: 'PATCH',
    route: ACCOUNT,
    note: 'unknown locale',
    input: () => ({ body: { locale: 'xx' } }),
    expect: 422,
    field: 'locale',
  },
  {
    method: 'PATCH',
    route: ACCOUNT,
    note: 'blank name',
    input: () => ({ body: { name: ' \t ' } }),
    expect: 422,
    field: 'name',
  },
  {
    method: 'PATCH',
    route: ACCOUNT,
    note: 'name longer than 255',
    input: () => ({ body: { name: 'n'.repeat(256) } }),
    expect: 422,
    field: 'name',
  },
  {
    method: 'PATCH',
    route: ACCOUNT,
    note: 'SQL-looking name is stored verbatim',
    input: () => ({ body: { name: SQL_LOOKING } }),
    expect: 200,
    changes: ['accounts'],
    verify: async (res, { app, world }) => {
      const row = await app.db
        .selectFrom('accounts')
        .select('name')
        .where('id', '=', world.accountId)
        .executeTakeFirstOrThrow();
      if (row.name !== SQL_LOOKING || res.json().name !== SQL_LOOKING) {
        throw new Error(`name not stored verbatim: ${row.name}`);
      }
    },
  },
];
