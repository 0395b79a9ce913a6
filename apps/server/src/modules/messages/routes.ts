import { MessageListSchema, MessageSchema, ok } from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { runCommand } from '../../core/commands';
import { gather } from '../../core/gather';
import { findVisibleConversation } from '../../core/visibility';
import { AccountIdParams } from '../../lib/schemas';
import { toSecondsOrZero } from '../../lib/time';
import { requireMember } from '../../plugins/auth';
import { loadConversationMeta } from '../../presenters/conversation';
import { presentMessages } from '../../presenters/message';
import {
  acceptMultipart,
  attachmentKeysOf,
  dropUnreferenced,
  readMultipart,
  uploadsOf,
} from '../attachments';
import { NOTE_APP_ACTION } from './app-actions';
import { deleteMessage, sendMessage } from './commands';
import { pageOfMessages } from './queries';
import { CreateBody, ListQuery, MessageParams } from './schemas';

/** Messages of a conversation under /api/v1/accounts/:account_id/conversations/:id. */
export async function messageRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  // Chatwoot's clients send messages with files as multipart/form-data (this scope only).
  await acceptMultipart(app);
  const limits = () => app.attachments.settings;
  const page = { params: AccountIdParams, querystring: ListQuery, response: ok(MessageListSchema) };
  app.get('/conversations/:id/messages', { schema: page }, async (request) => {
    const caller = requireMember(request);
    const row = await findVisibleConversation(app.db, caller, request.params.id);
    const { before, after } = request.query;
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
      // The conversation is in hand: its display id is not read again.
      payload: await presentMessages(app.db, rows, known, new Map([[row.id, row.display_id]])),
    };
  });

  app.post(
    '/conversations/:id/messages',
    {
      schema: { params: AccountIdParams, body: CreateBody, response: ok(MessageSchema) },
      config: { appAction: NOTE_APP_ACTION },
      preValidation: readMultipart(limits),
    },
    async (request) => {
      const caller = requireMember(request);
      const attributes = request.body.content_attributes;
      return sendMessage(
        app,
        caller,
        request.params.id,
        {
          ...request.body,
          // A note an app wrote says so, for the thread and for other apps.
          content_attributes: caller.app ? { ...attributes, app_id: caller.app.id } : attributes,
        },
        uploadsOf(request),
      );
    },
  );

  app.delete(
    '/conversations/:id/messages/:message_id',
    { schema: { params: MessageParams, response: ok(MessageSchema) } },
    async (request) => {
      const caller = requireMember(request);
      const { id: displayId, message_id: messageId } = request.params;
      const files = await attachmentKeysOf(app.db, messageId);
      const { result } = await runCommand(app, (tx) =>
        deleteMessage(tx, caller, displayId, messageId),
      );
      // Chatwoot removes a deleted message's files; the rows went in the transaction.
      await dropUnreferenced(app, files);
      return result;
    },
  );
}
