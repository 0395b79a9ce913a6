/**
 * The widget's public API, Chatwoot's shape under `/public/api/v1`: the widget's start-up
 * configuration, then `inboxes/:inbox_identifier/contacts/:contact_identifier/conversations/
 * :conversation_id/messages`. No session, no account token: the path's keys are the
 * credentials (see visitor.ts). Every request spends the visitor budgets (rate-limits.ts).
 */
import {
  NoContent,
  ok,
  PublicContactSchema,
  PublicConversationListSchema,
  PublicConversationSchema,
  PublicInboxSchema,
  PublicMessageListSchema,
  PublicMessageSchema,
  WidgetConfigSchema,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JsonObject } from '@bevatel/protocol';
import { HttpError, invalid, notFound } from '../../lib/errors';
import { visitorLimiter } from '../../plugins/rate-limits';
import { isUniqueViolation } from '../../lib/db-errors';
import { runCommand } from '../../core/commands';
import { presentMessages } from '../../presenters/message';
import { browserAttributes } from './browser';
import { isDomainAllowed } from './domains';
import { RefusedIdentity, type IdentityInput } from './identity';
import { allowedDomainsOf, isAway, presentWidgetConfig, workingHoursOf } from './presenter';
import { widgetByWebsiteToken } from './queries';
import { typingChanged } from './typing';
import {
  ContactParams,
  ConversationParams,
  CreateConversationBody,
  CreateMessageBody,
  IdentityBody,
  InboxParams,
  TypingBody,
  WebsiteTokenParams,
} from './schemas';
import { findVisitorConversation, loadVisitor, loadWidgetInbox, type Visitor } from './visitor';
import {
  createVisitor,
  createVisitorConversation,
  createVisitorMessage,
  markVisitorSeen,
  updateVisitor,
} from './visitor-commands';
import {
  presentPublicContact,
  presentPublicConversation,
  toPublicMessage,
} from '../../presenters/visitor';

function httpUrl(value: string | undefined, field: string): string | null {
  if (value === undefined || value === '') return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  throw invalid(field, `${field} must be an http(s) URL`);
}

export async function publicWidgetRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const secret = () => app.config.secretKeyBase;
  const perAddress = visitorLimiter(scope, 'address');
  const perVisitor = visitorLimiter(scope, 'visitor');
  const newVisitor = visitorLimiter(scope, 'new-visitor');

  /** Refused identities are logged (never the hash) and answered as they are. */
  async function identifying<T>(
    request: FastifyRequest,
    inboxId: number,
    input: IdentityInput,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RefusedIdentity) {
        request.log.warn(
          { inboxId, identifier: input.identifier, reason: error.refusal },
          'web widget identity refused',
        );
      }
      throw error;
    }
  }

  async function visitorOf(request: FastifyRequest): Promise<Visitor> {
    const params = request.params as { inbox_identifier: string; contact_identifier: string };
    return loadVisitor(app.db, params.inbox_identifier, params.contact_identifier);
  }

  // The launcher asks from the customer's site: answered (with CORS) only where it may load.
  app.get(
    '/widget/:website_token',
    {
      schema: { params: WebsiteTokenParams, response: ok(WidgetConfigSchema) },
      preHandler: perAddress,
    },
    async (request, reply) => {
      const widget = await widgetByWebsiteToken(app.db, request.params.website_token);
      const inbox = widget
        ? await app.db
            .selectFrom('inboxes')
            .select(['name', 'greeting_message'])
            .where('id', '=', widget.inbox_id)
            .executeTakeFirst()
        : undefined;
      if (!widget || !inbox) throw notFound('Widget');
      const origin = request.headers.origin;
      reply.header('vary', 'origin');
      if (origin !== undefined) {
        if (!isDomainAllowed(origin, allowedDomainsOf(widget))) {
          throw new HttpError('forbidden', 'The widget may not load on this site');
        }
        reply.header('access-control-allow-origin', origin);
      }
      return presentWidgetConfig(widget, inbox);
    },
  );

  app.get(
    '/inboxes/:inbox_identifier',
    { schema: { params: InboxParams, response: ok(PublicInboxSchema) }, preHandler: perAddress },
    async (request) => {
      const { widget, inbox } = await loadWidgetInbox(app.db, request.params.inbox_identifier);
      return {
        identifier: widget.inbox_identifier,
        name: inbox.name,
        timezone: widget.timezone,
        working_hours_enabled: widget.working_hours_enabled === 1,
        working_hours: workingHoursOf(widget),
        away: isAway(widget),
        greeting_enabled: widget.greeting_enabled === 1,
        greeting_message: inbox.greeting_message,
        csat_survey_enabled: false,
        identity_validation_enabled: widget.hmac_mandatory === 1,
      };
    },
  );

  app.post(
    '/inboxes/:inbox_identifier/contacts',
    {
      schema: { params: InboxParams, body: IdentityBody, response: ok(PublicContactSchema) },
      preHandler: newVisitor,
    },
    async (request) => {
      const target = await loadWidgetInbox(app.db, request.params.inbox_identifier);
      const { result: visitor } = await identifying(request, target.inbox.id, request.body, () =>
        runCommand(app, (tx) => createVisitor(tx, target, request.body, secret())),
      );
      return presentPublicContact(visitor.contact, visitor.contactInbox);
    },
  );

  app.get(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier',
    {
      schema: { params: ContactParams, response: ok(PublicContactSchema) },
      preHandler: perVisitor,
    },
    async (request) => {
      const visitor = await visitorOf(request);
      return presentPublicContact(visitor.contact, visitor.contactInbox);
    },
  );

  app.patch(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier',
    {
      schema: { params: ContactParams, body: IdentityBody, response: ok(PublicContactSchema) },
      preHandler: perVisitor,
    },
    async (request) => {
      const visitor = await visitorOf(request);
      const { result: after } = await identifying(request, visitor.inbox.id, request.body, () =>
        runCommand(app, async (tx) => {
          // Read again inside the transaction: a concurrent identify may have moved it.
          const current = await loadVisitor(
            tx.db,
            visitor.widget.inbox_identifier,
            visitor.contactInbox.source_id,
          );
          return updateVisitor(tx, current, request.body, secret());
        }),
      );
      return presentPublicContact(after.contact, after.contactInbox);
    },
  );

  async function conversationJson(visitor: Visitor, displayId: number) {
    const row = await findVisitorConversation(app.db, visitor, displayId);
    const messages = await app.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', row.id)
      .orderBy('id')
      .execute();
    const known = new Map<number, never>();
    return presentPublicConversation(
      row,
      visitor.contact,
      await presentMessages(app.db, messages, known),
    );
  }

  app.get(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier/conversations',
    {
      schema: { params: ContactParams, response: ok(PublicConversationListSchema) },
      preHandler: perVisitor,
    },
    async (request) => {
      const visitor = await visitorOf(request);
      const rows = await app.db
        .selectFrom('conversations')
        .select('display_id')
        .where('contact_inbox_id', '=', visitor.contactInbox.id)
        .orderBy('id')
        .limit(100)
        .execute();
      return Promise.all(rows.map((row) => conversationJson(visitor, row.display_id)));
    },
  );

  app.post(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier/conversations',
    {
      schema: {
        params: ContactParams,
        body: CreateConversationBody,
        response: ok(PublicConversationSchema),
      },
      preHandler: perVisitor,
    },
    async (request) => {
      const visitor = await visitorOf(request);
      const body = request.body;
      const additional: JsonObject = {
        browser: { ...browserAttributes(request.headers['user-agent']) },
        referer: httpUrl(body.referer_url, 'referer_url'),
        initiated_at: { timestamp: body.initiated_at ?? new Date().toString() },
        browser_language:
          body.browser_language ??
          request.headers['accept-language']?.split(',')[0]?.trim().slice(0, 35) ??
          null,
      };
      const input = {
        additional_attributes: additional,
        custom_attributes: body.custom_attributes as JsonObject | undefined,
        message: body.message,
      };
      const { result: displayId } = await runCommand(app, (tx) =>
        createVisitorConversation(tx, visitor, input),
      );
      return conversationJson(visitor, displayId);
    },
  );

  app.get(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier/conversations/:conversation_id',
    {
      schema: { params: ConversationParams, response: ok(PublicConversationSchema) },
      preHandler: perVisitor,
    },
    async (request) => conversationJson(await visitorOf(request), request.params.conversation_id),
  );

  app.get(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier/conversations/:conversation_id/messages',
    {
      schema: { params: ConversationParams, response: ok(PublicMessageListSchema) },
      preHandler: perVisitor,
    },
    async (request) => {
      const json = await conversationJson(await visitorOf(request), request.params.conversation_id);
      return json.messages;
    },
  );

  app.post(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier/conversations/:conversation_id/messages',
    {
      schema: {
        params: ConversationParams,
        body: CreateMessageBody,
        response: ok(PublicMessageSchema),
      },
      preHandler: perVisitor,
    },
    async (request) => {
      const visitor = await visitorOf(request);
      const displayId = request.params.conversation_id;
      const run = async () =>
        (await runCommand(app, (tx) => createVisitorMessage(tx, visitor, displayId, request.body)))
          .result;
      let message;
      try {
        message = await run();
      } catch (error) {
        // A retry racing past the lock hit the unique echo_id index: the second try finds it.
        if (!isUniqueViolation(error) || request.body.echo_id === undefined) throw error;
        message = await run();
      }
      return toPublicMessage(message);
    },
  );

  app.post(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier/conversations/:conversation_id/toggle_typing',
    {
      schema: { params: ConversationParams, body: TypingBody, response: NoContent },
      preHandler: perVisitor,
    },
    async (request, reply) => {
      const visitor = await visitorOf(request);
      const row = await findVisitorConversation(app.db, visitor, request.params.conversation_id);
      const typist = {
        id: visitor.contact.id,
        name: visitor.contact.name ?? '',
        type: 'contact' as const,
      };
      const typing = request.body.typing_status === 'on';
      await runCommand(app, (tx) => typingChanged(tx, row, typist, typing, false));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/inboxes/:inbox_identifier/contacts/:contact_identifier/conversations/:conversation_id/update_last_seen',
    { schema: { params: ConversationParams, response: NoContent }, preHandler: perVisitor },
    async (request, reply) => {
      const visitor = await visitorOf(request);
      const displayId = request.params.conversation_id;
      await runCommand(app, (tx) => markVisitorSeen(tx, visitor, displayId));
      return reply.status(204).send(null);
    },
  );
}
