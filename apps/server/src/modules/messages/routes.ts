import type { ContentType, JsonObject } from '@bevatel/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../conversations/actor';
import type { CommandDeps } from '../conversations/commands/shared';
import { deliver } from '../conversations/events';
import { findVisibleConversation } from '../conversations/policy';
import { ConversationParams } from '../conversations/schemas';
import { loadConversationMeta } from '../conversations/presenter';
import { toSecondsOrZero } from '../../lib/time';
import { createMessage, deleteMessage } from './commands';
import { presentMessages } from './presenter';
import { pageOfMessages } from './queries';
import { CreateBody, ListQuery, MessageParams } from './schemas';
import { gather } from '../conversations/gather';

const displayIdOf = (request: FastifyRequest) =>
  (request.params as Static<typeof ConversationParams>).id;

/** Messages of a conversation under /api/v1/accounts/:account_id/conversations/:id. */
export async function messageRoutes(app: FastifyInstance): Promise<void> {
  const deps = (): CommandDeps => ({ db: app.db, dialect: app.dialect });

  app.get(
    '/conversations/:id/messages',
    { schema: { params: ConversationParams, querystring: ListQuery } },
    async (request) => {
      const actor = actorOf(request);
      const row = await findVisibleConversation(app.db, actor, displayIdOf(request));
      const { before, after } = request.query as Static<typeof ListQuery>;
      const [meta, rows] = await gather(
        app.db,
        () => loadConversationMeta(app.db, row),
        () => pageOfMessages(app.db, row.id, { before, after }),
      );
      const known = meta.contact ? new Map([[meta.contact.id, meta.contact]]) : undefined;
      return {
        meta: {
          ...meta,
          agent_last_seen_at: toSecondsOrZero(row.agent_last_seen_at),
          assignee_last_seen_at: toSecondsOrZero(row.assignee_last_seen_at),
        },
        payload: await presentMessages(app.db, rows, known),
      };
    },
  );

  app.post(
    '/conversations/:id/messages',
    { schema: { params: ConversationParams, body: CreateBody } },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body as Static<typeof CreateBody>;
      const result = await createMessage(deps(), actor, displayIdOf(request), {
        ...body,
        content_type: body.content_type as ContentType | undefined,
        content_attributes: body.content_attributes as JsonObject | undefined,
      });
      const { messages } = await deliver(app, result);
      return messages.get(result.messageId);
    },
  );

  app.delete(
    '/conversations/:id/messages/:message_id',
    { schema: { params: MessageParams } },
    async (request) => {
      const actor = actorOf(request);
      const displayId = displayIdOf(request);
      const { message_id: messageId } = request.params as Static<typeof MessageParams>;
      const result = await deleteMessage(deps(), actor, displayId, messageId);
      const { messages } = await deliver(app, result);
      const delivered = messages.get(messageId);
      if (delivered) return delivered;
      // Already deleted: nothing was published; answer the message as it stands.
      const rows = await app.db
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', messageId)
        .execute();
      const [message] = await presentMessages(app.db, rows);
      return message;
    },
  );
}
