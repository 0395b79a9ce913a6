import {
  InvitationListSchema,
  InvitationResponseSchema,
  NoContent,
  ok,
  ProfileWithTokensSchema,
  SignInResponseSchema,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../lib/errors';
import { LINK_TOKEN_LIMIT, LinkTokenParams } from '../../lib/one-time-links';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Id, Text } from '../../lib/schemas';
import { requireAdmin, requireUser, SESSION_COOKIE } from '../../plugins/auth';
import { perUser } from '../../plugins/rate-limits';
import { refuseBidiControls } from '../../lib/bidi';
import { sessionCookieOptions } from '../auth';
import { profileWithTokens } from '../auth';
import { createSession } from '../auth';
import { runCommand } from '../../core/commands';
import {
  acceptWithNewUser,
  answerInvitation,
  openInvitation,
  prepareNewUser,
  revokeInvitation,
} from './commands';
import { presentInvitation } from './presenter';
import { invitationById, pendingForEmail, pendingOfAccount } from './queries';

const TokenParams = LinkTokenParams;
const IdParams = Type.Object({ id: Id() }, { additionalProperties: false });
const AcceptBody = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

const TOKEN_LIMIT = LINK_TOKEN_LIMIT;

/** `invitations` of an account: administrators see the pending ones and may withdraw them. */
export async function accountInvitationRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/invitations',
    { onRequest: adminOnly, schema: { params: AccountParams, response: ok(InvitationListSchema) } },
    async (request) => {
      const member = requireAdmin(request);
      const rows = await pendingOfAccount(app.db, member.account.id);
      return { payload: rows.map((row) => presentInvitation(row)) };
    },
  );
  app.delete(
    '/invitations/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, response: NoContent } },
    async (request, reply) => {
      const member = requireAdmin(request);
      await runCommand(app, (tx) => revokeInvitation(tx, member, request.params.id));
      return reply.status(204).send(null);
    },
  );
}

/**
 * The invitee's side: their pending invitations (the dashboard's banner) and their answer; the
 * one-time link's page for someone who has no account yet.
 */
export async function invitationRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  const invitations = { schema: { response: ok(InvitationListSchema) } };
  app.get('/api/v1/profile/invitations', invitations, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const user = requireUser(request);
    const rows = await pendingForEmail(app.db, user.email, Date.now());
    return { payload: rows.map((row) => presentInvitation(row)) };
  });

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/api/v1/profile/invitations/:id/${answer}`,
      {
        schema: { params: IdParams, response: ok(ProfileWithTokensSchema) },
        config: { rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: perUser } },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const invitation = await invitationById(app.db, request.params.id);
        if (!invitation) throw notFound('Invitation');
        const answered = answer === 'accept' ? 'accepted' : 'declined';
        await runCommand(app, (tx) => answerInvitation(tx, invitation, user, answered));
        reply.header('cache-control', 'no-store');
        return profileWithTokens(app, user, request.sessionId);
      },
    );
  }

  app.get(
    '/auth/invitations/:token',
    {
      schema: { params: TokenParams, response: ok(InvitationResponseSchema) },
      config: TOKEN_LIMIT,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const invitation = await openInvitation(app.db, request.params.token);
      return { data: presentInvitation(invitation) };
    },
  );

  app.post(
    '/auth/invitations/:token/accept',
    {
      schema: { params: TokenParams, body: AcceptBody, response: ok(SignInResponseSchema) },
      config: TOKEN_LIMIT,
    },
    async (request, reply) => {
      refuseBidiControls('name', request.body.name);
      const prepared = await prepareNewUser(
        app.db,
        app.config.secretKeyBase,
        request.params.token,
        request.body,
      );
      const { userId } = (await runCommand(app, (tx) => acceptWithNewUser(tx, prepared))).result;
      const user = await app.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      const { token, sessionId } = await createSession(app.db, user.id);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app, request.protocol));
      reply.header('cache-control', 'no-store');
      return { data: await profileWithTokens(app, user, sessionId) };
    },
  );
}
