import {
  IssuedPasswordResetSchema,
  ok,
  PasswordResetLinkSchema,
  PasswordResetRequestedSchema,
  SignInResponseSchema,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { runCommand } from '../../core/commands';
import { forbidden } from '../../lib/errors';
import { LINK_TOKEN_LIMIT, LinkTokenParams } from '../../lib/one-time-links';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams } from '../../lib/schemas';
import { requireAdmin, SESSION_COOKIE } from '../../plugins/auth';
import { normalisedEmail, perUser, resetRequestLimiter } from '../../plugins/rate-limits';
import { createSession, profileWithTokens, sessionCookieOptions } from '../auth';
import {
  completeReset,
  issueResetForAgent,
  issueResetForEmail,
  openReset,
  prepareReset,
} from './commands';
import { resetMail } from './mail';
import { presentIssuedReset, presentResetLink, resetUrl } from './presenter';

const Password = Type.String({ minLength: 1, maxLength: 1024 });

const RequestBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }) },
  { additionalProperties: false },
);

const CompleteBody = Type.Object(
  { password: Password, password_confirmation: Type.Optional(Password) },
  { additionalProperties: false },
);

const REQUESTED = 'If this e-mail has an account, a link to reset its password is on its way';

/** `agents/:id/password_reset`: an administrator's one-time link for an agent of the account. */
export async function accountPasswordResetRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/agents/:id/password_reset',
    {
      onRequest: adminOnly,
      schema: { params: AccountIdParams, response: ok(IssuedPasswordResetSchema) },
      config: { rateLimit: { max: 30, timeWindow: '1 hour', keyGenerator: perUser } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const member = requireAdmin(request);
      const { reset, token, user } = (
        await runCommand(app, (tx) =>
          issueResetForAgent(tx, member, request.params.id, app.config.passwordResetTtlMs),
        )
      ).result;
      const url = resetUrl(app.config.publicUrl, token);
      app.mailer.queue(resetMail({ to: user.email, url, expiresAt: reset.expires_at }));
      return presentIssuedReset(reset, url, app.mailer.enabled);
    },
  );
}

/** The person's side: "Forgot password?" by e-mail, and the reset link's page. */
export async function passwordResetRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/auth/password_resets',
    {
      schema: { body: RequestBody, response: { 202: PasswordResetRequestedSchema } },
      preHandler: resetRequestLimiter(app),
    },
    async (request, reply) => {
      // Without e-mail the link could reach nobody but the asker: an administrator issues it.
      if (!app.mailer.enabled) {
        throw forbidden(
          'Password reset by e-mail is not set up on this server: ask an administrator of your account for a reset link',
        );
      }
      const email = normalisedEmail(request.body);
      const issued = (
        await runCommand(app, (tx) => issueResetForEmail(tx, email, app.config.passwordResetTtlMs))
      ).result;
      if (issued) {
        const url = resetUrl(app.config.publicUrl, issued.token);
        app.mailer.queue(resetMail({ to: email, url, expiresAt: issued.reset.expires_at }));
      }
      return reply.status(202).send({ message: REQUESTED });
    },
  );

  app.get(
    '/auth/password_resets/:token',
    {
      schema: { params: LinkTokenParams, response: ok(PasswordResetLinkSchema) },
      config: LINK_TOKEN_LIMIT,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return presentResetLink(await openReset(app.db, request.params.token));
    },
  );

  app.post(
    '/auth/password_resets/:token',
    {
      schema: {
        params: LinkTokenParams,
        body: CompleteBody,
        response: ok(SignInResponseSchema),
      },
      config: LINK_TOKEN_LIMIT,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const prepared = await prepareReset(
        app.db,
        app.config.secretKeyBase,
        request.params.token,
        request.body,
      );
      const { userId } = (await runCommand(app, (tx) => completeReset(tx, prepared))).result;
      const user = await app.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      // The person who chose the password is signed in; every other session ended above.
      const { token, sessionId } = await createSession(app.db, user.id);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app, request.protocol));
      const profile = await profileWithTokens(app, user, sessionId);
      return {
        data: {
          ...profile,
          access_token: profile.access_token ?? '',
          csrf_token: profile.csrf_token ?? '',
        },
      };
    },
  );
}
