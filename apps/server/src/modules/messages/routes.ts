import type { ContentType, JsonObject } from '@bevatel/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../conversations/actor';
import type { CommandDeps } from '../conversations/commands/shared';
import { deliver } from '../conversations/events';
import { findVisibleConversation, parseDisplayId } from '../conversations/policy';
import { presentConversations } from '../conversations/presenter';
import { createMessage, deleteMessage } from './commands';
import { presentMessages } from './presenter';
import { pageOfMessages } from './queries';
import { CreateBody, ListQuery } from './schemas';

type Params = { id: string; message_id?: string };

const displayIdOf = (request: FastifyRequest) => parseDisplayId((request.params as Params).id);

/** Messages of a conversation under /api/v1/accounts/:account_id/conversations/:id. */
export async function messageRoutes(app: FastifyInstance): Promise<void> {
  const deps = (): CommandDeps => ({ db: app.db, dialect: app.dialect });

  app.get(
    '/conversations/:id/messages',
    { schema: { querystring: ListQuery } },
    async (request) => {
      const actor = actorOf(request);
      const row = await findVisibleConversation(app.db, actor, displayIdOf(request));
      const { before, after } = request.query as Static<typeof ListQuery>;
      const [[conversation], rows] = await Promise.all([
        presentConversations(app.db, [row]),
        pageOfMessages(app.db, row.id, { before, after }),
      ]);
      const contact = conversation?.meta.sender ?? null;
      const known = contact ? new Map([[contact.id, contact]]) : undefined;
      return {
        meta: {
          contact,
          assignee: conversation?.meta.assignee ?? null,
          labels: conversation?.labels ?? [],
          agent_last_seen_at: conversation?.agent_last_seen_at ?? 0,
          assignee_last_seen_at: conversation?.assignee_last_seen_at ?? 0,
        },
        payload: await presentMessages(app.db, rows, known),
      };
    },
  );

  app.post('/conversations/:id/messages', { schema: { body: CreateBody } }, async (request) => {
    const actor = actorOf(request);
    const body = request.body as Static<typeof CreateBody>;
    const result = await createMessage(deps(), actor, displayIdOf(request), {
      ...body,
      content_type: body.content_type as ContentType | undefined,
      content_attributes: body.content_attributes as JsonObject | undefined,
    });
    const { messages } = await deliver(app, result);
    return messages.get(result.messageId);
  });

  app.delete('/conversations/:id/messages/:message_id', async (request) => {
    const actor = actorOf(request);
    const displayId = displayIdOf(request);
    const messageId = parseDisplayId((request.params as Params).message_id, 'Message');
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
  });
}
