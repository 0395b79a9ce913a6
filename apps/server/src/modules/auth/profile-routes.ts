import { AVAILABILITY_STATUSES, LOCALES, THEMES } from '@bevatel/protocol';
import { ok, ProfileSchema, ProfileWithTokensSchema } from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { refuseBidiControls } from '../../lib/bidi';
import { HttpError, invalid } from '../../lib/errors';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { Id, Text } from '../../lib/schemas';
import { nowMs } from '../../lib/time';
import { requireUser } from '../../plugins/auth';
import { announceAvailability } from '../../realtime/presence';
import { perUser } from '../../plugins/rate-limits';
import { issueAccessToken } from '../../lib/access-tokens';
import { assertPasswordPolicy } from './password-policy';
import { revokePendingResets } from './pending-resets';
import { profileWithTokens } from './profile';
import { presentProfile } from './presenter';
import { accountsOfUser } from './queries';
import { destroyOtherSessions } from './sessions';

const Availability = Type.Union(AVAILABILITY_STATUSES.map((s) => Type.Literal(s)));
const Password = Type.String({ minLength: 1, maxLength: 1024 });

const ProfileBody = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
    display_name: Type.Optional(Type.Union([Text({ maxLength: 255 }), Type.Null()])),
    availability: Type.Optional(Availability),
    /** Which account `availability` is for; every account of the person when absent. */
    account_id: Type.Optional(Id()),
    ui_settings: Type.Optional(
      Type.Object(
        {
          locale: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))),
          theme: Type.Optional(Type.Union(THEMES.map((t) => Type.Literal(t)))),
          // Notification preferences (Chatwoot's key for the sound; the browser one is ours).
          enable_audio_alerts: Type.Optional(Type.Boolean()),
          enable_browser_notifications: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    // Chatwoot's password change: all three together.
    current_password: Type.Optional(Password),
    password: Type.Optional(Password),
    password_confirmation: Type.Optional(Password),
  },
  { additionalProperties: false },
);

const AvailabilityBody = Type.Object(
  {
    profile: Type.Object(
      { availability: Availability, account_id: Type.Optional(Id()) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** What only the person sees of themselves is never kept by a browser or proxy cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** `profile`: the signed-in person's own identity, password, availability and access token. */
export async function profileRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  async function setAvailability(userId: number, availability: string, accountId?: number) {
    let query = app.db
      .updateTable('account_users')
      .set({ availability })
      .where('user_id', '=', userId);
    if (accountId !== undefined) query = query.where('account_id', '=', accountId);
    const result = await query.executeTakeFirst();
    if (accountId !== undefined && Number(result.numUpdatedRows) === 0) {
      throw invalid('account_id', 'You are not a member of this account');
    }
    // Colleagues' dashboards and apps follow at once (Chatwoot's presence.update).
    await announceAvailability(app.db, app.realtime, userId, { accountId });
  }

  const withTokens = ok(ProfileWithTokensSchema);
  app.get('/api/v1/profile', { schema: { response: withTokens } }, async (request, reply) => {
    noStore(reply);
    return profileWithTokens(app, requireUser(request), request.sessionId);
  });

  app.put(
    '/api/v1/profile',
    { schema: { body: Type.Object({ profile: ProfileBody }), response: ok(ProfileSchema) } },
    async (request, reply) => {
      noStore(reply);
      const user = requireUser(request);
      const { profile } = request.body;
      refuseBidiControls('name', profile.name);
      refuseBidiControls('display_name', profile.display_name);
      if (profile.name !== undefined && profile.name.trim() === '') {
        throw invalid('name', 'name must not be blank');
      }
      const passwordHash = await newPasswordHash(user, profile);
      if (profile.availability !== undefined) {
        await setAvailability(user.id, profile.availability, profile.account_id);
      }
      const uiSettings = {
        ...JSON.parse(user.ui_settings || '{}'),
        ...(profile.ui_settings ?? {}),
      };
      const updated = await app.db
        .updateTable('users')
        .set({
          ...(profile.name !== undefined ? { name: profile.name.trim() } : {}),
          ...(profile.display_name !== undefined ? { display_name: profile.display_name } : {}),
          ...(passwordHash ? { password_hash: passwordHash } : {}),
          ui_settings: JSON.stringify(uiSettings),
          updated_at: nowMs(),
        })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (passwordHash) {
        // A new password ends every other sign-in (and their sockets): the reason people change
        // it is often that someone else has it.
        await destroyOtherSessions(app.db, user.id, request.sessionId);
        await revokePendingResets(app.db, user.id);
        await app.realtime.credentialsChanged(user.id);
      }
      return presentProfile(updated, await accountsOfUser(app.db, user.id));
    },
  );

  /** Checks a password change (current password, policy, confirmation) and hashes the new one. */
  async function newPasswordHash(
    user: { password_hash: string; email: string; name: string },
    profile: { current_password?: string; password?: string; password_confirmation?: string },
  ): Promise<string | null> {
    if (profile.password === undefined) {
      if (profile.current_password !== undefined || profile.password_confirmation !== undefined) {
        throw invalid('password', 'Send the new password with current_password');
      }
      return null;
    }
    if (profile.current_password === undefined) {
      throw invalid('current_password', 'current_password is required to change the password');
    }
    if (!(await verifyPassword(profile.current_password, user.password_hash))) {
      throw invalid('current_password', 'current_password is not your current password');
    }
    if (profile.password_confirmation !== profile.password) {
      throw invalid('password_confirmation', 'password_confirmation does not match password');
    }
    assertPasswordPolicy(profile.password, [user.email, user.name]);
    return hashPassword(profile.password);
  }

  // Chatwoot's availability endpoint, per account.
  app.post(
    '/api/v1/profile/availability',
    { schema: { body: AvailabilityBody, response: ok(ProfileSchema) } },
    async (request, reply) => {
      noStore(reply);
      const user = requireUser(request);
      const { availability, account_id } = request.body.profile;
      await setAvailability(user.id, availability, account_id);
      return presentProfile(user, await accountsOfUser(app.db, user.id));
    },
  );

  // A new personal access token; the old one answers 401 from now on, in every process.
  app.post(
    '/api/v1/profile/reset_access_token',
    {
      schema: { response: withTokens },
      config: { rateLimit: { max: 10, timeWindow: '1 hour', keyGenerator: perUser } },
    },
    async (request, reply) => {
      noStore(reply);
      const user = requireUser(request);
      const { columns } = issueAccessToken(app.config.secretKeyBase);
      const updated = await app.db
        .updateTable('users')
        .set({ ...columns, updated_at: nowMs() })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new HttpError('unauthorized', 'You need to sign in');
      await app.realtime.credentialsChanged(user.id);
      return profileWithTokens(app, updated, request.sessionId);
    },
  );
}
