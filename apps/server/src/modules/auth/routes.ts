import { LOCALES, THEMES, AVAILABILITY_STATUSES } from '@bevatel/protocol';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { HttpError } from '../../lib/errors';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../lib/passwords';
import type { UserRow } from '../../db/schema';
import { SESSION_COOKIE, requireUser } from '../../plugins/auth';
import { presentProfile } from './presenter';
import { accountsOfUser } from './queries';
import { SESSION_TTL_MS, createSession, destroySession } from './sessions';

const SignInBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

const ProfileBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    display_name: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
    availability: Type.Optional(Type.Union(AVAILABILITY_STATUSES.map((s) => Type.Literal(s)))),
    ui_settings: Type.Optional(
      Type.Object(
        {
          locale: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))),
          theme: Type.Optional(Type.Union(THEMES.map((t) => Type.Literal(t)))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export async function authRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/auth/sign_in',
    {
      schema: { body: SignInBody },
      config: {
        rateLimit: {
          // After body parsing, so the key can hold the email: guessing one account is slowed
          // without locking out a whole office behind one address.
          hook: 'preHandler',
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (request: { ip: string; body?: unknown }) =>
            `${request.ip}:${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body as { email: string; password: string };
      const user = await app.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      // Hash even for unknown emails so timing does not tell which accounts exist.
      const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok) throw new HttpError('unauthorized', 'Invalid email or password');
      const { token, csrfToken } = await createSession(app.db, user.id);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: SESSION_TTL_MS / 1000,
      });
      const accounts = await accountsOfUser(app.db, user.id);
      return {
        data: {
          ...presentProfile(user, accounts),
          access_token: user.access_token,
          csrf_token: csrfToken,
        },
      };
    },
  );

  app.delete('/auth/sign_out', async (request, reply) => {
    requireUser(request);
    if (request.sessionId) await destroySession(app.db, request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  const profileWithTokens = async (user: UserRow, sessionId: string | null) => {
    const accounts = await accountsOfUser(app.db, user.id);
    const session = sessionId
      ? await app.db
          .selectFrom('sessions')
          .select('csrf_token')
          .where('id', '=', sessionId)
          .executeTakeFirst()
      : undefined;
    return {
      ...presentProfile(user, accounts),
      access_token: user.access_token,
      csrf_token: session?.csrf_token ?? null,
    };
  };

  app.get('/api/v1/profile', async (request) =>
    profileWithTokens(requireUser(request), request.sessionId),
  );

  // The dashboard's boot question "is anyone signed in?": nobody is an answer, not an error.
  app.get('/auth/session', async (request) => ({
    data: request.user ? await profileWithTokens(request.user, request.sessionId) : null,
  }));

  app.put(
    '/api/v1/profile',
    { schema: { body: Type.Object({ profile: ProfileBody }) } },
    async (request) => {
      const user = requireUser(request);
      const { profile } = request.body as { profile: Static<typeof ProfileBody> };
      const uiSettings = {
        ...JSON.parse(user.ui_settings || '{}'),
        ...(profile.ui_settings ?? {}),
      };
      const updated = await app.db
        .updateTable('users')
        .set({
          ...(profile.name !== undefined ? { name: profile.name.trim() } : {}),
          ...(profile.display_name !== undefined ? { display_name: profile.display_name } : {}),
          ...(profile.availability !== undefined ? { availability: profile.availability } : {}),
          ui_settings: JSON.stringify(uiSettings),
          updated_at: Date.now(),
        })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentProfile(updated, await accountsOfUser(app.db, user.id));
    },
  );
}
