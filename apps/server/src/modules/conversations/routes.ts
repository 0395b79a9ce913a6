import {
  AssignmentResponseSchema,
  ConversationListSchema,
  ConversationMetaResponseSchema,
  ConversationSchema,
  CustomAttributesResponseSchema,
  LabelTitlesSchema,
  ok,
  ToggleStatusResponseSchema,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { runCommand } from '../../core/commands';
import { gather } from '../../core/gather';
import { findVisibleConversation } from '../../core/visibility';
import { invalid } from '../../lib/errors';
import { AccountParams } from '../../lib/schemas';
import { requireMember } from '../../plugins/auth';
import { SEARCH_LIMIT } from '../../plugins/rate-limits';
import { presentConversations } from '../../presenters/conversation';
import { assignAgent, assignTeam } from './commands/assignment';
import { replaceCustomAttributes, markRead, updateConversation } from './commands/attributes';
import { createConversation } from './commands/create';
import { changeLabels, type LabelChange } from './commands/labels';
import { setMuted, setPriority, toggleStatus } from './commands/status';
import { countConversations, listConversations, type ConversationFilters } from './queries';
import { APP_ACTIONS } from './app-actions';
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

/** Exactly one of `labels`, `add`, `remove`. */
function labelChangeOf(body: Static<typeof LabelsBody>): LabelChange {
  const given = (['labels', 'add', 'remove'] as const).filter((key) => body[key] !== undefined);
  if (given.length !== 1) {
    throw invalid('labels', 'Send one of labels (replaces them all), add or remove');
  }
  if (body.add) return { add: body.add };
  if (body.remove) return { remove: body.remove };
  return { set: body.labels ?? [] };
}

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

const byId = { params: ConversationParams };
const answersConversation = { response: ok(ConversationSchema) };

/**
 * Conversations under /api/v1/accounts/:account_id, in Chatwoot's shapes. Handlers only
 * parse, run a command and answer; rules live in commands/ and core/.
 */
export async function conversationRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const list = {
    params: AccountParams,
    querystring: ListQuery,
    response: ok(ConversationListSchema),
  };
  app.get('/conversations', { schema: list, config: SEARCH_LIMIT }, async (request) => {
    const caller = requireMember(request);
    const query = request.query;
    const filters = filtersOf(query);
    const [meta, rows] = await gather(
      app.db,
      () => countConversations(app.db, caller, filters),
      () => listConversations(app.db, caller, filters, query.page ?? 1),
    );
    return { data: { meta, payload: await presentConversations(app.db, rows) } };
  });

  const meta = {
    params: AccountParams,
    querystring: ListQuery,
    response: ok(ConversationMetaResponseSchema),
  };
  app.get('/conversations/meta', { schema: meta }, async (request) => {
    const caller = requireMember(request);
    const filters = filtersOf(request.query);
    return { meta: await countConversations(app.db, caller, filters) };
  });

  const create = { params: AccountParams, body: CreateBody, ...answersConversation };
  app.post('/conversations', { schema: create }, async (request) => {
    const caller = requireMember(request);
    const { result } = await runCommand(app, (tx) => createConversation(tx, caller, request.body));
    return result;
  });

  app.get(
    '/conversations/:id',
    { schema: { ...byId, ...answersConversation } },
    async (request) => {
      const caller = requireMember(request);
      const row = await findVisibleConversation(app.db, caller, request.params.id);
      const [conversation] = await presentConversations(app.db, [row]);
      return conversation!;
    },
  );

  const update = { ...byId, body: UpdateBody, ...answersConversation };
  app.patch(
    '/conversations/:id',
    { schema: update, config: { appAction: APP_ACTIONS.update } },
    async (request) => {
      const caller = requireMember(request);
      const { result } = await runCommand(app, (tx) =>
        updateConversation(tx, caller, request.params.id, request.body),
      );
      return result;
    },
  );

  app.post(
    '/conversations/:id/toggle_status',
    {
      schema: { ...byId, body: ToggleStatusBody, response: ok(ToggleStatusResponseSchema) },
      config: { appAction: APP_ACTIONS.status },
      // A bare POST (no body at all) is Chatwoot's plain toggle.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const caller = requireMember(request);
      const body = request.body ?? {};
      const { result } = await runCommand(app, (tx) =>
        toggleStatus(tx, caller, request.params.id, body),
      );
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
    {
      schema: { ...byId, body: TogglePriorityBody, ...answersConversation },
      config: { appAction: APP_ACTIONS.priority },
    },
    async (request) => {
      const caller = requireMember(request);
      const { priority } = request.body;
      const { result } = await runCommand(app, (tx) =>
        setPriority(tx, caller, request.params.id, priority),
      );
      return result;
    },
  );

  app.post(
    '/conversations/:id/assignments',
    {
      schema: { ...byId, body: AssignmentBody, response: ok(AssignmentResponseSchema) },
      config: { appAction: APP_ACTIONS.assign },
    },
    async (request, reply) => {
      const caller = requireMember(request);
      const { assignee_id: assigneeId, team_id: teamId } = request.body;
      const displayId = request.params.id;
      let answer: Static<typeof AssignmentResponseSchema>;
      if (assigneeId !== undefined) {
        answer = (await runCommand(app, (tx) => assignAgent(tx, caller, displayId, assigneeId)))
          .result;
      } else if (teamId !== undefined) {
        answer = (await runCommand(app, (tx) => assignTeam(tx, caller, displayId, teamId))).result;
      } else {
        throw invalid('assignee_id', 'Send assignee_id or team_id (null unassigns)');
      }
      // Chatwoot answers `null` after unassigning: JSON null, not an empty body.
      return reply.type('application/json').send(answer);
    },
  );

  const titles = { ...byId, response: ok(LabelTitlesSchema) };
  app.get('/conversations/:id/labels', { schema: titles }, async (request) => {
    const caller = requireMember(request);
    const row = await findVisibleConversation(app.db, caller, request.params.id);
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
    { schema: { ...titles, body: LabelsBody }, config: { appAction: APP_ACTIONS.labels } },
    async (request) => {
      const caller = requireMember(request);
      const change = labelChangeOf(request.body);
      const { result } = await runCommand(app, (tx) =>
        changeLabels(tx, caller, request.params.id, change),
      );
      return { payload: result };
    },
  );

  app.post(
    '/conversations/:id/custom_attributes',
    {
      schema: {
        ...byId,
        body: CustomAttributesBody,
        response: ok(CustomAttributesResponseSchema),
      },
      config: { appAction: APP_ACTIONS.customAttributes },
    },
    async (request) => {
      const caller = requireMember(request);
      const { custom_attributes } = request.body;
      const { result } = await runCommand(app, (tx) =>
        replaceCustomAttributes(tx, caller, request.params.id, custom_attributes),
      );
      return { custom_attributes: result };
    },
  );

  const action = { ...byId, ...answersConversation };
  app.post('/conversations/:id/update_last_seen', { schema: action }, async (request) => {
    const caller = requireMember(request);
    return (await runCommand(app, (tx) => markRead(tx, caller, request.params.id))).result;
  });

  for (const [path, muted] of [
    ['mute', true],
    ['unmute', false],
  ] as const) {
    app.post(`/conversations/:id/${path}`, { schema: action }, async (request) => {
      const caller = requireMember(request);
      const { result } = await runCommand(app, (tx) =>
        setMuted(tx, caller, request.params.id, muted),
      );
      return result;
    });
  }
}
