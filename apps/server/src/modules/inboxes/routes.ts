import {
  InboxListSchema,
  InboxMembersSchema,
  InboxSchema,
  NoContent,
  ok,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid, notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Id, Nullable, Text, UserIds } from '../../lib/schemas';
import { runCommand } from '../../core/commands';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { presentAgent } from '../../presenters/agent';
import { presentInbox } from '../../presenters/inbox';
import {
  createInbox,
  deleteInbox,
  removeInboxMembers,
  replaceInboxMembers,
  updateInbox,
} from './commands';
import { CREATABLE_CHANNELS, channelTypeOf } from './policy';
import { findInbox, listInboxMembers, listInboxes } from './queries';
import type { AgentRecord } from '../../presenters/agent';
import type { InboxRow } from '../../db/schema';
import { isAdmin, type Caller } from '../../core/caller';
import {
  WidgetChannelFields,
  WidgetInboxFields,
  widgetsOfInboxes,
  withWidgetChannel,
} from '../web-widget';

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
          ...WidgetChannelFields,
        },
        { additionalProperties: false },
      ),
    ),
    channel_type: Type.Optional(
      Type.Union(Object.values(CREATABLE_CHANNELS).map((type) => Type.Literal(type))),
    ),
    greeting_message: Type.Optional(Greeting),
    ...WidgetInboxFields,
  },
  { additionalProperties: false },
);

const UpdateInboxBody = Type.Object(
  {
    name: Type.Optional(Name),
    greeting_message: Type.Optional(Greeting),
    // Chatwoot's PATCH inboxes/:id {channel: {hmac_mandatory: true}}.
    channel: Type.Optional(Type.Object(WidgetChannelFields, { additionalProperties: false })),
    ...WidgetInboxFields,
  },
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

  /** Inbox JSON; website inboxes carry their options (the HMAC secret for admins only). */
  async function present(rows: InboxRow[], caller: Caller) {
    const widgets = await widgetsOfInboxes(
      app.db,
      rows.filter((row) => row.channel_type === 'Channel::WebWidget').map((row) => row.id),
    );
    const options = {
      publicUrl: app.config.publicUrl,
      secretKeyBase: app.config.secretKeyBase,
      admin: isAdmin(caller),
    };
    return rows.map((row) => withWidgetChannel(presentInbox(row), widgets.get(row.id), options));
  }
  const presentOne = async (row: InboxRow, caller: Caller) => (await present([row], caller))[0];
  app.get(
    '/inboxes',
    { schema: { params: AccountParams, response: ok(InboxListSchema) } },
    async (request) => {
      const caller = requireMember(request);
      const rows = await listInboxes(app.db, caller);
      return { payload: await present(rows, caller) };
    },
  );

  app.get(
    '/inboxes/:id',
    { schema: { params: AccountIdParams, response: ok(InboxSchema) } },
    async (request) => {
      const caller = requireMember(request);
      const row = await findInbox(app.db, caller, request.params.id);
      if (!row) throw notFound('Inbox');
      return presentOne(row, caller);
    },
  );

  app.post(
    '/inboxes',
    {
      onRequest: adminOnly,
      schema: { params: AccountParams, body: CreateInboxBody, response: ok(InboxSchema) },
    },
    async (request) => {
      const caller = requireAdmin(request);
      assertNotBlank(request.body.name);
      const input = {
        name: request.body.name,
        channelType: channelTypeOf(request.body),
        greeting_message: request.body.greeting_message,
        options: request.body,
        secretKeyBase: app.config.secretKeyBase,
      };
      const { result } = await runCommand(app, (tx) => createInbox(tx, caller, input));
      return presentOne(result, caller);
    },
  );

  app.patch(
    '/inboxes/:id',
    {
      onRequest: adminOnly,
      schema: { params: AccountIdParams, body: UpdateInboxBody, response: ok(InboxSchema) },
    },
    async (request) => {
      const caller = requireAdmin(request);
      assertNotBlank(request.body.name);
      const { name, greeting_message } = request.body;
      const changes = { name, greeting_message, options: request.body };
      const { result } = await runCommand(app, (tx) =>
        updateInbox(tx, caller, request.params.id, changes),
      );
      return presentOne(result, caller);
    },
  );

  app.delete(
    '/inboxes/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, response: NoContent } },
    async (request, reply) => {
      const caller = requireAdmin(request);
      await runCommand(app, (tx) => deleteInbox(tx, caller, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/inbox_members/:inbox_id',
    { schema: { params: InboxMembersParams, response: ok(InboxMembersSchema) } },
    async (request) => {
      const caller = requireMember(request);
      const { inbox_id: inboxId } = request.params;
      const inbox = await findInbox(app.db, caller, inboxId);
      if (!inbox) throw notFound('Inbox');
      return membersPayload(await listInboxMembers(app.db, caller.account.id, inboxId));
    },
  );

  // Chatwoot's POST and PATCH inbox_members both set the whole member list.
  for (const method of ['post', 'patch'] as const) {
    app[method](
      '/inbox_members',
      {
        onRequest: adminOnly,
        schema: { params: AccountParams, body: MembersBody, response: ok(InboxMembersSchema) },
      },
      async (request) => {
        const caller = requireAdmin(request);
        const { inbox_id: inboxId, user_ids: userIds } = request.body;
        await runCommand(app, (tx) => replaceInboxMembers(tx, caller, inboxId, userIds));
        return membersPayload(await listInboxMembers(app.db, caller.account.id, inboxId));
      },
    );
  }

  app.delete(
    '/inbox_members',
    {
      onRequest: adminOnly,
      schema: { params: AccountParams, body: MembersBody, response: ok(InboxMembersSchema) },
    },
    async (request) => {
      const caller = requireAdmin(request);
      const { inbox_id: inboxId, user_ids: userIds } = request.body;
      await runCommand(app, (tx) => removeInboxMembers(tx, caller, inboxId, userIds));
      return membersPayload(await listInboxMembers(app.db, caller.account.id, inboxId));
    },
  );
}
