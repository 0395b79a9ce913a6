import {
  NoContent,
  ok,
  SessionResponseSchema,
  SignInResponseSchema,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { HttpError } from '../../lib/errors';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../lib/passwords';
import { SESSION_COOKIE, requireUser } from '../../plugins/auth';
import { normalisedEmail, signInLimiter } from '../../plugins/rate-limits';
import { profileWithTokens } from './profile';
import { SESSION_TTL_MS, createSession, destroySession } from './sessions';

const SignInBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

/** The session cookie: Secure whenever the dashboard is reached over https. */
export function sessionCookieOptions(app: FastifyInstance, protocol: string) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: protocol === 'https' || app.config.publicUrl.startsWith('https:'),
    maxAge: SESSION_TTL_MS / 1000,
  };
}

/** Sign-in, sign-out and the dashboard's boot question. */
export async function authRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/auth/sign_in',
    {
      schema: { body: SignInBody, response: ok(SignInResponseSchema) },
      preHandler: signInLimiter(app),
    },
    async (request, reply) => {
      const { password } = request.body;
      const user = await app.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', normalisedEmail(request.body))
        .executeTakeFirst();
      // Hash even for unknown emails so timing does not tell which accounts exist.
      const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok) throw new HttpError('unauthorized', 'Invalid email or password');
      const { token, sessionId } = await createSession(app.db, user.id);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app, request.protocol));
      reply.header('cache-control', 'no-store');
      return { data: await profileWithTokens(app, user, sessionId) };
    },
  );

  app.delete('/auth/sign_out', { schema: { response: NoContent } }, async (request, reply) => {
    const user = requireUser(request);
    if (request.sessionId) {
      await destroySession(app.db, request.sessionId);
      // Its open sockets close now, in every process, not at the next periodic check.
      await app.realtime.credentialsChanged(user.id);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  // The dashboard's boot question "is anyone signed in?": nobody is an answer, not an error.
  app.get(
    '/auth/session',
    { schema: { response: ok(SessionResponseSchema) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        data: request.user ? await profileWithTokens(app, request.user, request.sessionId) : null,
      };
    },
  );
}
