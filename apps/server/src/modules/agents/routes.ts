import { AVAILABILITY_STATUSES, USER_ROLES } from '@bevatel/protocol';
import {
  type CreatedAgent,
  AgentListSchema,
  AgentSchema,
  CreatedAgentSchema,
  NoContent,
  ok,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { refuseBidiControls } from '../../lib/bidi';
import { invalid } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Text } from '../../lib/schemas';
import { runCommand } from '../../core/commands';
import { requireAdmin, requireMember } from '../../plugins/auth';
import type { InvitationRow } from '../../db/schema';
import { perUser } from '../../plugins/rate-limits';
import { inviteToAccount, type NewInvitation } from '../invitations';
import { invitationMail, invitationUrl, presentInvitation } from '../invitations';
import { removeAgent, updateAgent } from './commands';
import { presentAgent } from '../../presenters/agent';
import { listAgents } from './queries';

const Role = Type.Union(USER_ROLES.map((role) => Type.Literal(role)));
const Availability = Type.Union(AVAILABILITY_STATUSES.map((status) => Type.Literal(status)));
const Name = Text({ minLength: 1, maxLength: 255 });

// Chatwoot's fields; `password` is named only to be refused with a reason (people choose their
// own, through the invitation).
const CreateAgentBody = Type.Object(
  {
    name: Name,
    email: Type.String({ format: 'email', maxLength: 320 }),
    role: Type.Optional(Role),
    availability_status: Type.Optional(Availability),
    auto_offline: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

// `name` is named only to be refused with a reason: it is the person's, not the account's.
const UpdateAgentBody = Type.Object(
  {
    name: Type.Optional(Type.Unknown()),
    role: Type.Optional(Role),
    availability: Type.Optional(Availability),
    auto_offline: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

function assertNotBlank(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw invalid('name', 'name must not be blank');
}

/**
 * The answer to an invitation looks the same whether or not the e-mail has an account anywhere:
 * Chatwoot's agent shape (with `confirmed: false`, and no user id yet) plus the invitation.
 */
function presentInvitedAgent(
  invitation: InvitationRow,
  inviteUrl: string,
  emailed: boolean,
): CreatedAgent {
  const presented = presentInvitation(invitation, { inviteUrl, emailed });
  return {
    id: null,
    account_id: invitation.account_id,
    availability_status: 'offline' as const,
    auto_offline: true,
    confirmed: false,
    email: invitation.email,
    available_name: invitation.name,
    name: invitation.name,
    role: presented.role,
    thumbnail: '',
    invitation: presented,
  };
}

/** `agents`: the account's people. Everyone may list them; administrators manage them. */
export async function agentRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/agents',
    { schema: { params: AccountParams, response: ok(AgentListSchema) } },
    async (request) => {
      const member = requireMember(request);
      const agents = await listAgents(app.db, member.account.id);
      return agents.map((agent) => presentAgent(agent.user, agent.membership));
    },
  );

  app.post(
    '/agents',
    {
      onRequest: adminOnly,
      schema: { params: AccountParams, body: CreateAgentBody, response: ok(CreatedAgentSchema) },
      // Each invitation is a link handed out: bounded per administrator.
      config: { rateLimit: { max: 60, timeWindow: '1 hour', keyGenerator: perUser } },
    },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      refuseBidiControls('name', request.body.name);
      if (request.body.password !== undefined) {
        throw invalid(
          'password',
          'People choose their own password: send the invitation link (invitation.invite_url) instead',
        );
      }
      const input: NewInvitation = {
        name: request.body.name,
        email: request.body.email,
        role: request.body.role ?? 'agent',
      };
      const { invitation, token } = (
        await runCommand(app, (tx) =>
          inviteToAccount(tx, member, input, app.config.invitationTtlMs),
        )
      ).result;
      const url = invitationUrl(app.config.publicUrl, token);
      // Sent whether or not the address has an account: the same answer, the same e-mail.
      app.mailer.queue(
        invitationMail({
          to: invitation.email,
          accountName: member.account.name,
          role: invitation.role as NewInvitation['role'],
          url,
          expiresAt: invitation.expires_at,
        }),
      );
      return presentInvitedAgent(invitation, url, app.mailer.enabled);
    },
  );

  app.patch(
    '/agents/:id',
    {
      onRequest: adminOnly,
      schema: { params: AccountIdParams, body: UpdateAgentBody, response: ok(AgentSchema) },
    },
    async (request) => {
      const member = requireAdmin(request);
      if (request.body.name !== undefined) {
        throw invalid('name', 'A name belongs to its person: they change it in their profile');
      }
      const { name: _name, ...changes } = request.body;
      const { result } = await runCommand(app, (tx) =>
        updateAgent(tx, member, request.params.id, changes),
      );
      return presentAgent(result.user, result.membership);
    },
  );

  app.delete(
    '/agents/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, response: NoContent } },
    async (request, reply) => {
      const member = requireAdmin(request);
      await runCommand(app, (tx) => removeAgent(tx, member, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
