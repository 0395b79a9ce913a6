import { NoContent } from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { findVisibleConversation } from '../../core/visibility';
import { displayName } from '../../core/caller';
import { requireMember } from '../../plugins/auth';
import { ConversationParams } from '../conversations';
import { runCommand } from '../../core/commands';
import { AgentTypingBody } from './schemas';
import { typingChanged } from './typing';

/**
 * Chatwoot's `POST conversations/:id/toggle_typing_status`: the other agents of the inbox see
 * it, and on a website conversation the visitor does too (unless it is a private note).
 */
export async function agentTypingRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/conversations/:id/toggle_typing_status',
    { schema: { params: ConversationParams, body: AgentTypingBody, response: NoContent } },
    async (request, reply) => {
      const caller = requireMember(request);
      const row = await findVisibleConversation(app.db, caller, request.params.id);
      const typing = request.body.typing_status === 'on';
      const typist = { id: caller.user.id, name: displayName(caller.user), type: 'user' as const };
      const isPrivate = request.body.is_private === true;
      await runCommand(app, (tx) => typingChanged(tx, row, typist, typing, isPrivate));
      return reply.status(204).send(null);
    },
  );
}
