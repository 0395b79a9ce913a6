import { ACCOUNT } from '../../test/access';
import { SQL_LOOKING, standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { insertLabel } from '../../test/factories';

const LABELS = `${ACCOUNT}/labels`;
const LABEL = `${LABELS}/:id`;

const someLabel = async ({ app, world }: Parameters<NonNullable<BadInputCase['input']>>[0]) => ({
  id: await insertLabel(app.db, world.accountId),
});

export const labelBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: LABELS,
    body: { title: 'bad-input', description: 'd', color: '#112233', show_on_sidebar: true },
    required: ['title'],
  }),
  ...standardBadInputs({ method: 'GET', route: LABEL, params: someLabel }),
  ...standardBadInputs({
    method: 'PATCH',
    route: LABEL,
    params: someLabel,
    body: { title: 'renamed', description: null, color: '#445566', show_on_sidebar: false },
  }),
  ...standardBadInputs({ method: 'DELETE', route: LABEL, params: someLabel }),
  ...(
    [
      [{ title: SQL_LOOKING }, 'title'],
      [{ title: 'with space' }, 'title'],
      [{ title: 'émoji-🙂' }, 'title'],
      [{ title: 'x'.repeat(256) }, 'title'],
      [{ title: 'ok', color: 'blue' }, 'color'],
      [{ title: 'ok', color: '#1234567' }, 'color'],
      [{ title: 'ok', description: 'nul\u0000' }, 'description'],
    ] as const
  ).map(([body, field]): BadInputCase => ({
    method: 'POST',
    route: LABELS,
    note: `bad ${field}: ${JSON.stringify(body).slice(0, 60)}`,
    input: () => ({ body }),
    expect: 422,
    field,
  })),
  {
    method: 'PATCH',
    route: LABEL,
    note: 'renaming onto a title already taken',
    input: async (ctx) => {
      const taken = await someLabel(ctx);
      const row = await ctx.app.db
        .selectFrom('labels')
        .select('title')
        .where('id', '=', taken.id)
        .executeTakeFirstOrThrow();
      return { params: await someLabel(ctx), body: { title: row.title.toUpperCase() } };
    },
    expect: 422,
    field: 'title',
  },
  {
    method: 'POST',
    route: LABELS,
    note: 'SQL-looking description is stored verbatim',
    input: () => ({ body: { title: 'sql-description', description: SQL_LOOKING } }),
    expect: 200,
    changes: ['labels'],
    verify: (res) => {
      if (res.json().description !== SQL_LOOKING) throw new Error('not verbatim');
    },
  },
];
