import { ACCOUNT } from '../../test/access';
import { standardBadInputs, type BadInputCase } from '../../test/bad-input';
import { freshInvitation } from './testing';

const ACCEPT = '/auth/invitations/:token/accept';
const VALID_PASSWORD = 'a long and unusual phrase';

const withToken = (note: string, body: unknown, expect: number, field?: string): BadInputCase => ({
  method: 'POST',
  route: ACCEPT,
  note,
  input: async ({ app, world }) => ({
    params: { token: (await freshInvitation(app, world.accountId, world.admin.id)).token },
    body,
  }),
  expect,
  field,
});

export const invitationBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'DELETE',
    route: `${ACCOUNT}/invitations/:id`,
    params: async ({ app, world }) => ({
      id: (await freshInvitation(app, world.accountId, world.admin.id)).invitation.id,
    }),
  }),
  ...(['accept', 'decline'] as const).flatMap((answer) =>
    standardBadInputs({
      method: 'POST',
      route: `/api/v1/profile/invitations/:id/${answer}`,
      params: async ({ app, world }) => ({
        id: (await freshInvitation(app, world.accountId, world.admin.id)).invitation.id,
      }),
    }),
  ),
  ...['GET', 'POST'].flatMap((method) =>
    [
      ['token too short', 'abc', 422],
      ['token with characters a token never has', `${'a'.repeat(30)}%27%20OR%201=1`, 422],
      ['unknown token', 'A'.repeat(43), 404],
    ].map(([note, token, expect]): BadInputCase => ({
      method: method as 'GET' | 'POST',
      route: method === 'GET' ? '/auth/invitations/:token' : ACCEPT,
      note: note as string,
      input: () => ({
        params: { token: token as string },
        ...(method === 'POST' ? { body: { password: VALID_PASSWORD } } : {}),
      }),
      expect: expect as number,
    })),
  ),
  withToken('password missing', {}, 422, 'password'),
  withToken('common password', { password: 'password1234' }, 422, 'password'),
  withToken('short password', { password: 'short' }, 422, 'password'),
  withToken('password of the wrong type', { password: 12345 }, 422, 'password'),
  withToken('unknown key', { password: VALID_PASSWORD, role: 'administrator' }, 422, 'role'),
  withToken(
    'name with a bidi override',
    { password: VALID_PASSWORD, name: 'a\u202Eb' },
    422,
    'name',
  ),
  {
    method: 'POST',
    route: ACCEPT,
    note: 'a withdrawn invitation',
    input: async ({ app, world }) => {
      const { invitation, token } = await freshInvitation(app, world.accountId, world.admin.id);
      await app.db
        .updateTable('invitations')
        .set({ status: 'revoked' })
        .where('id', '=', invitation.id)
        .execute();
      return { params: { token }, body: { password: VALID_PASSWORD } };
    },
    expect: 410,
  },
  {
    method: 'POST',
    route: ACCEPT,
    note: 'an expired invitation',
    input: async ({ app, world }) => {
      const { invitation, token } = await freshInvitation(app, world.accountId, world.admin.id);
      await app.db
        .updateTable('invitations')
        .set({ expires_at: Date.now() - 1000 })
        .where('id', '=', invitation.id)
        .execute();
      return { params: { token }, body: { password: VALID_PASSWORD } };
    },
    expect: 410,
  },
];
