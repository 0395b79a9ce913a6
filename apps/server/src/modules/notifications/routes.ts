import {
  NotificationListSchema,
  NotificationSchema,
  ReadAllSchema,
  UnreadCountSchema,
  ok,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { runCommand } from '../../core/commands';
import { AccountIdParams, AccountParams, Id, MAX_DB_INTEGER } from '../../lib/schemas';
import { requireMember } from '../../plugins/auth';
import { presentNotifications } from '../../presenters/notification';
import { markNotification, readAllNotifications } from './commands';
import { countNotifications, listNotifications } from './queries';

const strict = { additionalProperties: false } as const;
const PAGE_MAX = Math.floor(MAX_DB_INTEGER / 15);
const ListQuery = Type.Object(
  { page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_MAX })) },
  strict,
);
const ReadAllBody = Type.Object(
  {
    primary_actor_type: Type.Optional(Type.Literal('Conversation')),
    primary_actor_id: Type.Optional(Id()),
  },
  strict,
);
/**
 * Chatwoot's PATCH marks read and takes no body; `read_at: null` marks unread again (any
 * number: read now, the server's clock decides when).
 */
const UpdateBody = Type.Object(
  { read_at: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])) },
  strict,
);
/** Both take a bare request (no body at all), as Chatwoot's clients send them. */
const bodyless = async (request: { body: unknown }) => {
  request.body ??= {};
};

/**
 * `notifications` (Chatwoot's resource): each member reads and marks only their own, in the
 * account asked for.
 */
export async function notificationRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/notifications',
    {
      schema: {
        params: AccountParams,
        querystring: ListQuery,
        response: ok(NotificationListSchema),
      },
    },
    async (request) => {
      const caller = requireMember(request);
      const page = request.query.page ?? 1;
      const rows = await listNotifications(app.db, caller, page);
      const { count, unread } = await countNotifications(app.db, caller);
      return {
        data: {
          meta: { unread_count: unread, count, current_page: page },
          payload: await presentNotifications(app.db, rows),
        },
      };
    },
  );

  app.get(
    '/notifications/unread_count',
    { schema: { params: AccountParams, response: ok(UnreadCountSchema) } },
    async (request) => {
      const caller = requireMember(request);
      return (await countNotifications(app.db, caller)).unread;
    },
  );

  app.post(
    '/notifications/read_all',
    {
      preValidation: bodyless,
      schema: { params: AccountParams, body: ReadAllBody, response: ok(ReadAllSchema) },
    },
    async (request) => {
      const caller = requireMember(request);
      const conversationId = request.body.primary_actor_id ?? null;
      const { result } = await runCommand(app, (tx) =>
        readAllNotifications(tx, caller, conversationId),
      );
      return result;
    },
  );

  app.patch(
    '/notifications/:id',
    {
      preValidation: bodyless,
      schema: { params: AccountIdParams, body: UpdateBody, response: ok(NotificationSchema) },
    },
    async (request) => {
      const caller = requireMember(request);
      const read = request.body.read_at !== null;
      const { result } = await runCommand(app, (tx) =>
        markNotification(tx, caller, request.params.id, read),
      );
      return result;
    },
  );
}
