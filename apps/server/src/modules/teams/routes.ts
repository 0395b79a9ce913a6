import {
  AgentListSchema,
  NoContent,
  ok,
  TeamListSchema,
  TeamSchema,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid, notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Nullable, Text, UserIds } from '../../lib/schemas';
import { runCommand } from '../../core/commands';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { presentAgent } from '../../presenters/agent';
import { agentsByIds } from '../agents';
import {
  changeTeamMembers,
  createTeam,
  deleteTeam,
  updateTeam,
  type MembersChange,
} from './commands';
import { presentTeam } from './presenter';
import { findTeam, listTeamMembers, listTeams } from './queries';

const Name = Text({ minLength: 1, maxLength: 255 });
const TeamFields = {
  description: Type.Optional(Nullable(Text({ maxLength: 10_000 }))),
  allow_auto_assign: Type.Optional(Type.Boolean()),
};
const CreateTeamBody = Type.Object({ name: Name, ...TeamFields }, { additionalProperties: false });
const UpdateTeamBody = Type.Object(
  { name: Type.Optional(Name), ...TeamFields },
  { additionalProperties: false },
);
const MembersBody = Type.Object({ user_ids: UserIds }, { additionalProperties: false });

function assertNotBlank(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw invalid('name', 'name must not be blank');
}

/** `teams` and `teams/:id/team_members`: any member reads, administrators write. */
export async function teamRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  async function presentOne(accountId: number, teamId: number, userId: number) {
    const found = await findTeam(app.db, accountId, teamId, userId);
    if (!found) throw notFound('Team');
    return presentTeam(found.team, found.isMember);
  }

  app.get(
    '/teams',
    { schema: { params: AccountParams, response: ok(TeamListSchema) } },
    async (request) => {
      const member = requireMember(request);
      const teams = await listTeams(app.db, member.account.id, member.user.id);
      return teams.map(({ team, isMember }) => presentTeam(team, isMember));
    },
  );

  const one = { params: AccountIdParams, response: ok(TeamSchema) };
  app.get('/teams/:id', { schema: one }, async (request) => {
    const member = requireMember(request);
    return presentOne(member.account.id, request.params.id, member.user.id);
  });

  app.post(
    '/teams',
    {
      onRequest: adminOnly,
      schema: { params: AccountParams, body: CreateTeamBody, response: ok(TeamSchema) },
    },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      const { result } = await runCommand(app, (tx) => createTeam(tx, member, request.body));
      return presentTeam(result, false);
    },
  );

  app.patch(
    '/teams/:id',
    { onRequest: adminOnly, schema: { ...one, body: UpdateTeamBody } },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      await runCommand(app, (tx) => updateTeam(tx, member, request.params.id, request.body));
      return presentOne(member.account.id, request.params.id, member.user.id);
    },
  );

  app.delete(
    '/teams/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, response: NoContent } },
    async (request, reply) => {
      const member = requireAdmin(request);
      await runCommand(app, (tx) => deleteTeam(tx, member, request.params.id));
      return reply.status(204).send(null);
    },
  );

  const members = { params: AccountIdParams, response: ok(AgentListSchema) };
  app.get('/teams/:id/team_members', { schema: members }, async (request) => {
    const member = requireMember(request);
    await presentOne(member.account.id, request.params.id, member.user.id);
    const records = await listTeamMembers(app.db, member.account.id, request.params.id);
    return records.map((record) => presentAgent(record.user, record.membership));
  });

  // Chatwoot's semantics: POST adds (answers the added), PATCH sets the whole list, DELETE removes.
  const changes: [method: 'post' | 'patch' | 'delete', change: MembersChange][] = [
    ['post', 'add'],
    ['patch', 'replace'],
    ['delete', 'remove'],
  ];
  for (const [method, change] of changes) {
    app[method](
      '/teams/:id/team_members',
      { onRequest: adminOnly, schema: { ...members, body: MembersBody } },
      async (request) => {
        const member = requireAdmin(request);
        const accountId = member.account.id;
        const { result: ids } = await runCommand(app, (tx) =>
          changeTeamMembers(tx, member, request.params.id, change, request.body.user_ids),
        );
        const records = await agentsByIds(app.db, accountId, ids);
        return records.map((record) => presentAgent(record.user, record.membership));
      },
    );
  }
}
