import { ACCOUNT, adminsOnly, type AccessCase, type Actor } from '../../test/access';
import { freshInvitation } from './testing';

const everyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  agent: status,
  outsider: status,
  admin: status,
  stranger: status,
});

const signedIn = (ok: number): Record<Actor, number> => ({ ...everyone(ok), anonymous: 401 });

export const invitationAccessCases: AccessCase[] = [
  { method: 'GET', route: `${ACCOUNT}/invitations`, expect: adminsOnly() },
  {
    method: 'DELETE',
    route: `${ACCOUNT}/invitations/:id`,
    input: async ({ app, world }) => ({
      params: { id: (await freshInvitation(app, world.accountId, world.admin.id)).invitation.id },
    }),
    expect: adminsOnly(204),
  },
  { method: 'GET', route: '/api/v1/profile/invitations', expect: signedIn(200) },
  ...(['accept', 'decline'] as const).map((answer): AccessCase => ({
    method: 'POST',
    route: `/api/v1/profile/invitations/:id/${answer}`,
    note: 'an invitation addressed to someone else',
    input: async ({ app, world }) => ({
      params: {
        id: (await freshInvitation(app, world.accountId, world.admin.id)).invitation.id,
      },
    }),
    expect: signedIn(404),
  })),
  {
    method: 'GET',
    route: '/auth/invitations/:token',
    note: 'the one-time link: public by design',
    input: async ({ app, world }) => ({
      params: { token: (await freshInvitation(app, world.accountId, world.admin.id)).token },
    }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/auth/invitations/:token/accept',
    note: 'the one-time link: public by design',
    input: async ({ app, world }) => ({
      params: { token: (await freshInvitation(app, world.accountId, world.admin.id)).token },
      body: { password: 'a long and unusual phrase' },
    }),
    expect: everyone(200),
  },
];
