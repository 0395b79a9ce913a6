import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid, notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Id, Nullable, Text, UserIds } from '../../lib/schemas';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { presentAgent } from '../agents/presenter';
import type { AgentRecord } from '../agents/queries';
import {
  createInbox,
  deleteInbox,
  removeInboxMembers,
  replaceInboxMembers,
  updateInbox,
} from './commands';
import { CREATABLE_CHANNELS, channelTypeOf } from './policy';
import { presentInbox } from './presenter';
import { findInbox, listInboxMembers, listInboxes } from './queries';

const Name = Text({ minLength: 1, maxLength: 255 });
const Greeting = Nullable(Text({ maxLength: 10_000 }));

const CreateInboxBody = Type.Object(
  {
    name: Name,
    channel: Type.Optional(
      Type.Object(
        {
          type: Type.Union(
            Object.keys(CREATABLE_CHANNELS).map((key) =>
              Type.Literal(key as keyof typeof CREATABLE_CHANNELS),
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    channel_type: Type.Optional(
      Type.Union(Object.values(CREATABLE_CHANNELS).map((type) => Type.Literal(type))),
    ),
    greeting_message: Type.Optional(Greeting),
  },
  { additionalProperties: false },
);

const UpdateInboxBody = Type.Object(
  { name: Type.Optional(Name), greeting_message: Type.Optional(Greeting) },
  { additionalProperties: false },
);

const MembersBody = Type.Object(
  { inbox_id: Id(), user_ids: UserIds },
  { additionalProperties: false },
);

const InboxMembersParams = Type.Object(
  { account_id: Id(), inbox_id: Id() },
  { additionalProperties: false },
);

function assertNotBlank(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw invalid('name', 'name must not be blank');
}

const membersPayload = (records: AgentRecord[]) => ({
  payload: records.map((record) => presentAgent(record.user, record.membership)),
});

/** `inboxes` and `inbox_members`. Agents see the inboxes they belong to; admins manage all. */
export async function inboxRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const viewerOf = (member: ReturnType<typeof requireMember>) => ({
    userId: member.user.id,
    role: member.role,
  });

  app.get('/inboxes', { schema: { params: AccountParams } }, async (request) => {
    const member = requireMember(request);
    const rows = await listInboxes(app.db, member.account.id, viewerOf(member));
    return { payload: rows.map(presentInbox) };
  });

  app.get('/inboxes/:id', { schema: { params: AccountIdParams } }, async (request) => {
    const member = requireMember(request);
    const row = await findInbox(app.db, member.account.id, request.params.id, viewerOf(member));
    if (!row) throw notFound('Inbox');
    return presentInbox(row);
  });

  app.post(
    '/inboxes',
    { onRequest: adminOnly, schema: { params: AccountParams, body: CreateInboxBody } },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      const row = await createInbox(app, member.account.id, {
        name: request.body.name,
        channelType: channelTypeOf(request.body),
        greeting_message: request.body.greeting_message,
      });
      return presentInbox(row);
    },
  );

  app.patch(
    '/inboxes/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, body: UpdateInboxBody } },
    async (request) => {
      const member = requireAdmin(request);
      assertNotBlank(request.body.name);
      const row = await updateInbox(app, member.account.id, request.params.id, request.body);
      return presentInbox(row);
    },
  );

  app.delete(
    '/inboxes/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams } },
    async (request, reply) => {
      const member = requireAdmin(request);
      await deleteInbox(app, member.account.id, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/inbox_members/:inbox_id',
    { schema: { params: InboxMembersParams } },
    async (request) => {
      const member = requireMember(request);
      const { inbox_id: inboxId } = request.params;
      const inbox = await findInbox(app.db, member.account.id, inboxId, viewerOf(member));
      if (!inbox) throw notFound('Inbox');
      return membersPayload(await listInboxMembers(app.db, member.account.id, inboxId));
    },
  );

  // Chatwoot's POST and PATCH inbox_members both set the whole member list.
  for (const method of ['post', 'patch'] as const) {
    app[method](
      '/inbox_members',
      { onRequest: adminOnly, schema: { params: AccountParams, body: MembersBody } },
      async (request) => {
        const member = requireAdmin(request);
        const { inbox_id: inboxId, user_ids: userIds } = request.body;
        await replaceInboxMembers(app, member.account.id, inboxId, userIds);
        return membersPayload(await listInboxMembers(app.db, member.account.id, inboxId));
      },
    );
  }

  app.delete(
    '/inbox_members',
    { onRequest: adminOnly, schema: { params: AccountParams, body: MembersBody } },
    async (request) => {
      const member = requireAdmin(request);
      const { inbox_id: inboxId, user_ids: userIds } = request.body;
      await removeInboxMembers(app, member.account.id, inboxId, userIds);
      return membersPayload(await listInboxMembers(app.db, member.account.id, inboxId));
    },
  );
}
