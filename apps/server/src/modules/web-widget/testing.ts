/** Fixtures of the website widget's public routes for the cross-cutting suites. */
import type { FastifyInstance } from 'fastify';
import { WORLD_WIDGET, type World } from '../../test/fixtures';
import { insertVisitor, insertVisitorConversation } from '../../test/factories';

export const PUBLIC = '/public/api/v1';
export const PUBLIC_INBOX = `${PUBLIC}/inboxes/:inbox_identifier`;
export const PUBLIC_CONTACT = `${PUBLIC_INBOX}/contacts/:contact_identifier`;
export const PUBLIC_CONVERSATION = `${PUBLIC_CONTACT}/conversations/:conversation_id`;

/** A fresh visitor of the world's widget, with a conversation; the params of its routes. */
export async function visitorWithConversation(app: FastifyInstance, world: World) {
  const visitor = await insertVisitor(app.db, world.accountId, world.widgetInboxId, 'Visitor');
  const conversation = await insertVisitorConversation(
    app.db,
    world.accountId,
    world.widgetInboxId,
    visitor,
  );
  return {
    inbox_identifier: WORLD_WIDGET.inboxIdentifier,
    contact_identifier: visitor.sourceId,
    conversation_id: conversation.displayId,
  };
}
