import { AVAILABILITY_STATUSES, USER_ROLES } from '@bevatel/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Text } from '../../lib/schemas';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { createAgent, removeAgent, updateAgent } from './commands';
import { presentAgent } from './presenter';
import { listAgents } from './queries';

const Role = Type.Union(USER_ROLES.map((role) => Type.Literal(role)));
const Availability = Type.Union(AVAILABILITY_STATUSES.map((status) => Type.Literal(status)));
const Name = Text({ minLength: 1, maxLength: 255 });

const CreateAgentBody = Type.Object(
  {
    name: Name,
    email: Type.String({ format: 'email', maxLength: 320 }),
    role: Type.Optional(Role),
    password: Type.Optional(Text({ minLength: 8, maxLength: 1024 })),
  },
  { additionalProperties: false },
);

const UpdateAgentBody = Type.Object(
  {
    name: Type.Optional(Name),
    role: Type.Optional(Role),
    availability: Type.Optional(Availability),
    auto_offline: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

function assertNotBlank(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw invalid('name', 'name must not be blank');
}

/** `agents`: the account's people. Everyone may list them; administrators manage them. */
export async function agentRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/agents', { schema: { params: AccountParams } }, async (request) => {
    const member = requireMember(request);
    const agents = await listAgents(app.db, member.account.id);
    return agents.map((agent) => presentAgent(agent.user, agent.membership));
  });

  app.post(
    '/agents',
    { onRequest: adminOnly, schema: { params: AccountParams, body: CreateAgentBody } },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      const { record, generatedPassword } = await createAgent(app, member.account.id, {
        ...request.body,
        role: request.body.role ?? 'agent',
      });
      const agent = presentAgent(record.user, record.membership);
      return generatedPassword ? { ...agent, generated_password: generatedPassword } : agent;
    },
  );

  app.patch(
    '/agents/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, body: UpdateAgentBody } },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      const record = await updateAgent(
        app,
        member.account.id,
        member.user.id,
        request.params.id,
        request.body,
      );
      return presentAgent(record.user, record.membership);
    },
  );

  app.delete(
    '/agents/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams } },
    async (request, reply) => {
      const member = requireAdmin(request);
      await removeAgent(app, member.account.id, member.user.id, request.params.id);
      return reply.status(204).send();
    },
  );
}
