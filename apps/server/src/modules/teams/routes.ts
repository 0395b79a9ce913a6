import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid, notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Nullable, Text, UserIds } from '../../lib/schemas';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { presentAgent } from '../agents/presenter';
import { agentsByIds } from '../agents/queries';
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

  app.get('/teams', { schema: { params: AccountParams } }, async (request) => {
    const member = requireMember(request);
    const teams = await listTeams(app.db, member.account.id, member.user.id);
    return teams.map(({ team, isMember }) => presentTeam(team, isMember));
  });

  app.get('/teams/:id', { schema: { params: AccountIdParams } }, async (request) => {
    const member = requireMember(request);
    return presentOne(member.account.id, request.params.id, member.user.id);
  });

  app.post(
    '/teams',
    { onRequest: adminOnly, schema: { params: AccountParams, body: CreateTeamBody } },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      const team = await createTeam(app, member.account.id, request.body);
      return presentTeam(team, false);
    },
  );

  app.patch(
    '/teams/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, body: UpdateTeamBody } },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      await updateTeam(app, member.account.id, request.params.id, request.body);
      return presentOne(member.account.id, request.params.id, member.user.id);
    },
  );

  app.delete(
    '/teams/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams } },
    async (request, reply) => {
      const member = requireAdmin(request);
      await deleteTeam(app, member.account.id, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get('/teams/:id/team_members', { schema: { params: AccountIdParams } }, async (request) => {
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
      { onRequest: adminOnly, schema: { params: AccountIdParams, body: MembersBody } },
      async (request) => {
        const member = requireAdmin(request);
        const accountId = member.account.id;
        const ids = await changeTeamMembers(
          app,
          accountId,
          request.params.id,
          change,
          request.body.user_ids,
        );
        const records = await agentsByIds(app.db, accountId, ids);
        return records.map((record) => presentAgent(record.user, record.membership));
      },
    );
  }
}
