import { ACCOUNT, adminsOnly, type AccessCase, type Actor } from '../../test/access';
import { insertAgent } from '../../test/factories';
import { freshReset } from './testing';

const everyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  agent: status,
  outsider: status,
  admin: status,
  stranger: status,
});

const ISSUE = `${ACCOUNT}/agents/:id/password_reset`;
const VALID_PASSWORD = 'a long and unusual phrase';

export const passwordResetAccessCases: AccessCase[] = [
  {
    method: 'POST',
    route: ISSUE,
    note: 'an agent only of this account',
    input: async ({ app, world }) => ({
      params: { id: (await insertAgent(app.db, world.accountId)).id },
    }),
    expect: adminsOnly(200),
  },
  {
    method: 'POST',
    route: ISSUE,
    note: 'an agent also in an account the admin does not administer',
    input: async ({ app, world }) => {
      const agent = await insertAgent(app.db, world.accountId);
      await app.db
        .insertInto('account_users')
        .values({
          account_id: world.otherAccountId,
          user_id: agent.id,
          role: 'agent',
          auto_offline: 1,
          availability: 'offline',
          created_at: Date.now(),
        })
        .execute();
      return { params: { id: agent.id } };
    },
    expect: adminsOnly(403),
  },
  {
    method: 'POST',
    route: ISSUE,
    note: 'a user of another account only',
    input: ({ world }) => ({ params: { id: world.stranger.id } }),
    expect: adminsOnly(404),
  },
  {
    method: 'POST',
    route: '/auth/password_resets',
    note: 'public by design; this server has no SMTP_URL, so it is off (smtp.test.ts: on)',
    input: ({ world }) => ({ body: { email: world.agent.email } }),
    expect: everyone(403),
  },
  {
    method: 'GET',
    route: '/auth/password_resets/:token',
    note: 'the one-time link: public by design',
    input: async ({ app, world }) => ({
      params: { token: (await freshReset(app, world.accountId)).token },
    }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/auth/password_resets/:token',
    note: 'the one-time link: public by design',
    input: async ({ app, world }) => ({
      params: { token: (await freshReset(app, world.accountId)).token },
      body: { password: VALID_PASSWORD, password_confirmation: VALID_PASSWORD },
    }),
    expect: everyone(200),
  },
];
