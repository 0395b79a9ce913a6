import { ACCOUNT } from '../../test/access';
import { standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { insertAgent } from '../../test/factories';
import { freshReset } from './testing';

const ISSUE = `${ACCOUNT}/agents/:id/password_reset`;
const LINK = '/auth/password_resets/:token';
const VALID_PASSWORD = 'a long and unusual phrase';

const withToken = (note: string, body: unknown, expect: number, field?: string): BadInputCase => ({
  method: 'POST',
  route: LINK,
  note,
  input: async ({ app, world }) => ({
    params: { token: (await freshReset(app, world.accountId)).token },
    body,
  }),
  expect,
  field,
});

/** A link made unusable before the request: used, withdrawn by a newer one, or expired. */
const spent = (note: string, change: { status?: string; expires_at?: number }): BadInputCase[] =>
  (['GET', 'POST'] as const).map((method) => ({
    method,
    route: LINK,
    note,
    input: async ({ app, world }) => {
      const { reset, token } = await freshReset(app, world.accountId);
      await app.db.updateTable('password_resets').set(change).where('id', '=', reset.id).execute();
      return {
        params: { token },
        ...(method === 'POST' ? { body: { password: VALID_PASSWORD } } : {}),
      };
    },
    expect: 410,
  }));

export const passwordResetBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: ISSUE,
    params: async ({ app, world }) => ({ id: (await insertAgent(app.db, world.accountId)).id }),
  }),
  ...standardBadInputs({
    method: 'POST',
    route: '/auth/password_resets',
    body: { email: 'someone@acme.test' },
    required: ['email'],
  }),
  {
    method: 'POST',
    route: '/auth/password_resets',
    note: 'email longer than an address can be',
    input: () => ({ body: { email: `${'e'.repeat(320)}@acme.test` } }),
    expect: 422,
    field: 'email',
  },
  ...(['GET', 'POST'] as const).flatMap((method) =>
    (
      [
        ['token too short', 'abc', 422],
        ['token with characters a token never has', `${'a'.repeat(30)}%27%20OR%201=1`, 422],
        ['unknown token', 'A'.repeat(43), 404],
      ] as const
    ).map(([note, token, expect]): BadInputCase => ({
      method,
      route: LINK,
      note,
      input: () => ({
        params: { token },
        ...(method === 'POST' ? { body: { password: VALID_PASSWORD } } : {}),
      }),
      expect,
    })),
  ),
  ...spent('a used link', { status: 'used' }),
  ...spent('a link replaced by a newer one', { status: 'revoked' }),
  ...spent('an expired link', { expires_at: Date.now() - 1000 }),
  withToken('password missing', {}, 422, 'password'),
  withToken('common password', { password: 'password1234' }, 422, 'password'),
  withToken('short password', { password: 'short' }, 422, 'password'),
  withToken('password of the wrong type', { password: 12345 }, 422, 'password'),
  withToken(
    'confirmation differs',
    { password: VALID_PASSWORD, password_confirmation: 'another long phrase here' },
    422,
    'password_confirmation',
  ),
  withToken('unknown key', { password: VALID_PASSWORD, email: 'x@acme.test' }, 422, 'email'),
  withToken('body is an array', [{ password: VALID_PASSWORD }], 422),
];
