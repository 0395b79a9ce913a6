import type { JsonObject } from '@bevatel/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { invalid } from '../../lib/errors';
import { actorOf } from './actor';
import { assignAgent, assignTeam } from './commands/assignment';
import { replaceCustomAttributes, markRead, updateConversation } from './commands/attributes';
import { createConversation } from './commands/create';
import { replaceLabels } from './commands/labels';
import type { CommandDeps } from './commands/shared';
import { setMuted, setPriority, toggleStatus } from './commands/status';
import { deliver } from './events';
import { findVisibleConversation, visibleInboxIds } from './policy';
import { presentConversations } from './presenter';
import { countConversations, listConversations, type ConversationFilters } from './queries';
import {
  AssignmentBody,
  ConversationParams,
  CreateBody,
  CustomAttributesBody,
  LabelsBody,
  ListQuery,
  TogglePriorityBody,
  ToggleStatusBody,
  UpdateBody,
} from './schemas';
import { gather } from './gather';

function filtersOf(query: Static<typeof ListQuery>): ConversationFilters {
  return {
    status: query.status ?? 'open',
    assigneeType: query.assignee_type ?? 'all',
    inboxId: query.inbox_id,
    teamId: query.team_id,
    labels: [...(query['labels[]'] ?? []), ...(query.labels ?? [])],
    q: query.q?.trim() || undefined,
  };
}

/** `:id` is the per-account display id (validated by ConversationParams). */
const displayIdOf = (request: FastifyRequest) =>
  (request.params as Static<typeof ConversationParams>).id;
const byId = { params: ConversationParams };

/**
 * Conversations under /api/v1/accounts/:account_id, in Chatwoot's shapes. Handlers only
 * parse, call a command and present; rules live in commands/ and policy.ts.
 */
export async function conversationRoutes(app: FastifyInstance): Promise<void> {
  const deps = (): CommandDeps => ({ db: app.db, dialect: app.dialect });

  /** Answers the conversation as it is after the command, publishing its events. */
  const answerConversation = async (committed: Parameters<typeof deliver>[1]) =>
    (await deliver(app, committed, { presentConversation: true })).conversation;

  app.get('/conversations', { schema: { querystring: ListQuery } }, async (request) => {
    const actor = actorOf(request);
    const query = request.query as Static<typeof ListQuery>;
    const filters = filtersOf(query);
    const inboxIds = await visibleInboxIds(app.db, actor);
    const [meta, rows] = await gather(
      app.db,
      () => countConversations(app.db, actor, filters, inboxIds),
      () => listConversations(app.db, actor, filters, inboxIds, query.page ?? 1),
    );
    return { data: { meta, payload: await presentConversations(app.db, rows) } };
  });

  app.get('/conversations/meta', { schema: { querystring: ListQuery } }, async (request) => {
    const actor = actorOf(request);
    const filters = filtersOf(request.query as Static<typeof ListQuery>);
    const inboxIds = await visibleInboxIds(app.db, actor);
    return { meta: await countConversations(app.db, actor, filters, inboxIds) };
  });

  app.post('/conversations', { schema: { body: CreateBody } }, async (request) => {
    const actor = actorOf(request);
    const body = request.body as Static<typeof CreateBody>;
    const committed = await createConversation(deps(), actor, {
      ...body,
      additional_attributes: body.additional_attributes as JsonObject | undefined,
      custom_attributes: body.custom_attributes as JsonObject | undefined,
    });
    return answerConversation(committed);
  });

  app.get('/conversations/:id', { schema: byId }, async (request) => {
    const actor = actorOf(request);
    const row = await findVisibleConversation(app.db, actor, displayIdOf(request));
    const [conversation] = await presentConversations(app.db, [row]);
    return conversation;
  });

  app.patch('/conversations/:id', { schema: { ...byId, body: UpdateBody } }, async (request) => {
    const actor = actorOf(request);
    const body = request.body as Static<typeof UpdateBody>;
    const committed = await updateConversation(deps(), actor, displayIdOf(request), {
      ...body,
      additional_attributes: body.additional_attributes as JsonObject | undefined,
      custom_attributes: body.custom_attributes as JsonObject | undefined,
    });
    return answerConversation(committed);
  });

  app.post(
    '/conversations/:id/toggle_status',
    {
      schema: { ...byId, body: ToggleStatusBody },
      // A bare POST (no body at all) is Chatwoot's plain toggle.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = (request.body ?? {}) as Static<typeof ToggleStatusBody>;
      const result = await toggleStatus(deps(), actor, displayIdOf(request), body);
      await deliver(app, result);
      return {
        payload: {
          success: true,
          current_status: result.status,
          conversation_id: result.displayId,
          snoozed_until:
            result.snoozedUntil === null ? null : Math.floor(result.snoozedUntil / 1000),
        },
      };
    },
  );

  app.post(
    '/conversations/:id/toggle_priority',
    { schema: { ...byId, body: TogglePriorityBody } },
    async (request) => {
      const actor = actorOf(request);
      const { priority } = request.body as Static<typeof TogglePriorityBody>;
      return answerConversation(await setPriority(deps(), actor, displayIdOf(request), priority));
    },
  );

  app.post(
    '/conversations/:id/assignments',
    { schema: { ...byId, body: AssignmentBody } },
    async (request, reply: FastifyReply) => {
      const actor = actorOf(request);
      const body = request.body as Static<typeof AssignmentBody>;
      const displayId = displayIdOf(request);
      let answer: unknown;
      if (body.assignee_id !== undefined) {
        const result = await assignAgent(deps(), actor, displayId, body.assignee_id);
        await deliver(app, result);
        answer = result.agent;
      } else if (body.team_id !== undefined) {
        const result = await assignTeam(deps(), actor, displayId, body.team_id);
        await deliver(app, result);
        answer = result.team;
      } else {
        throw invalid('assignee_id', 'Send assignee_id or team_id (null unassigns)');
      }
      // Chatwoot answers `null` after unassigning; keep it JSON.
      return reply.type('application/json').send(JSON.stringify(answer));
    },
  );

  app.get('/conversations/:id/labels', { schema: byId }, async (request) => {
    const actor = actorOf(request);
    const row = await findVisibleConversation(app.db, actor, displayIdOf(request));
    const labels = await app.db
      .selectFrom('conversation_labels')
      .select('label')
      .where('conversation_id', '=', row.id)
      .orderBy('label')
      .execute();
    return { payload: labels.map((l) => l.label) };
  });

  app.post(
    '/conversations/:id/labels',
    { schema: { ...byId, body: LabelsBody } },
    async (request) => {
      const actor = actorOf(request);
      const { labels } = request.body as Static<typeof LabelsBody>;
      const result = await replaceLabels(deps(), actor, displayIdOf(request), labels);
      await deliver(app, result);
      return { payload: result.labels };
    },
  );

  app.post(
    '/conversations/:id/custom_attributes',
    { schema: { ...byId, body: CustomAttributesBody } },
    async (request) => {
      const actor = actorOf(request);
      const { custom_attributes } = request.body as Static<typeof CustomAttributesBody>;
      const result = await replaceCustomAttributes(
        deps(),
        actor,
        displayIdOf(request),
        custom_attributes as JsonObject,
      );
      await deliver(app, result);
      return { custom_attributes: result.customAttributes };
    },
  );

  app.post('/conversations/:id/update_last_seen', { schema: byId }, async (request) => {
    const actor = actorOf(request);
    return answerConversation(await markRead(deps(), actor, displayIdOf(request)));
  });

  app.post('/conversations/:id/mute', { schema: byId }, async (request) => {
    const actor = actorOf(request);
    return answerConversation(await setMuted(deps(), actor, displayIdOf(request), true));
  });

  app.post('/conversations/:id/unmute', { schema: byId }, async (request) => {
    const actor = actorOf(request);
    return answerConversation(await setMuted(deps(), actor, displayIdOf(request), false));
  });
}
