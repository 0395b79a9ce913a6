/**
 * Writes a dashboard app makes through the host (level 2) run with the agent's own session and
 * through the same routes and commands as the dashboard's buttons, so an app can never do what
 * the agent could not. On top of that (defence in depth) the host marks them with the app's id
 * and the conversation it acts in, and the server checks here, before the route runs:
 * the app exists in this account, the administrator granted what the route needs, the agent
 * may see that conversation, and the route's target belongs to it. Each write (and each
 * refusal of a permission) is recorded in the audit log; activity messages name the app.
 */
import {
  APP_CONVERSATION_HEADER,
  APP_ID_HEADER,
  type AppPermission,
  type JsonObject,
  type JsonValue,
} from '@bevatel/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findVisibleConversation } from '../../core/visibility';
import type { ConversationRow } from '../../db/schema';
import { HttpError } from '../../lib/errors';
import { MAX_DB_INTEGER } from '../../lib/schemas';
import { requireMember } from '../../plugins/auth';
import { writeAudit, type AppActionName } from './audit';
import { grantsOf } from './presenter';
import { findApp } from './queries';

/** What a route lets apps do, declared in its `config.appAction`. */
export interface AppActionRule {
  /** Recorded as `dashboard_app.<action>`. */
  action: AppActionName;
  /** What this request needs, from its validated body; null: apps may not make it. */
  needs(body: unknown): AppPermission[] | null;
  /** What `:id` is: the conversation itself, or its contact. */
  target: 'conversation' | 'contact';
}

/** The app on whose behalf a request is made, once the checks passed. */
export interface ActingApp {
  id: number;
  title: string;
  permissions: AppPermission[];
  conversation: ConversationRow;
  rule: AppActionRule;
}

declare module 'fastify' {
  interface FastifyRequest {
    actingApp: ActingApp | null;
  }
  interface FastifyContextConfig {
    appAction?: AppActionRule;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const denied = (message: string) => new HttpError('permission_denied', message);

function headerId(request: FastifyRequest, name: string): number | null {
  const raw = request.headers[name];
  if (raw === undefined) return null;
  const text = Array.isArray(raw) ? raw[0] : raw;
  const n = text !== undefined && /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_DB_INTEGER) {
    throw new HttpError('unprocessable_entity', `${name} must be a positive integer`, name);
  }
  return n;
}

const fields = (body: unknown): Record<string, JsonValue> =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, JsonValue>)
    : {};

/** The keys of a body, for rules that depend on which fields are sent. */
export const bodyKeys = (body: unknown): string[] => Object.keys(fields(body));

async function check(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const appId = headerId(request, APP_ID_HEADER);
  if (appId === null) return;
  const caller = requireMember(request);
  const { account } = caller;
  const rule = request.routeOptions.config.appAction;
  if (!rule) {
    if (SAFE_METHODS.has(request.method)) return;
    throw denied('Dashboard apps cannot make this change');
  }
  const row = await findApp(app.db, account.id, appId);
  if (!row) throw denied('This dashboard app does not exist in this account');
  const permissions = grantsOf(row);
  const refuse = async (message: string): Promise<never> => {
    await writeAudit(app.db, caller, {
      action: 'dashboard_app.action_refused',
      appId,
      changes: { route: request.routeOptions.url ?? request.url, message },
    });
    throw denied(message);
  };
  const needs = rule.needs(request.body);
  if (needs === null) return refuse(`${row.title} may not make this change`);
  const missing = needs.filter((permission) => !permissions.includes(permission));
  if (missing.length) {
    return refuse(`${row.title} has not been granted ${missing.join(', ')} by an administrator`);
  }
  const displayId = headerId(request, APP_CONVERSATION_HEADER);
  if (displayId === null) {
    throw new HttpError(
      'unprocessable_entity',
      `${APP_CONVERSATION_HEADER} is required with ${APP_ID_HEADER}`,
      APP_CONVERSATION_HEADER,
    );
  }
  // The agent's own visibility rule: outside the conversation's inbox it is "not found".
  const conversation = await findVisibleConversation(app.db, caller, displayId);
  const targetId = (request.params as { id?: number }).id;
  const target = rule.target === 'conversation' ? conversation.display_id : conversation.contact_id;
  if (targetId !== target) {
    return refuse(`${row.title} may only change the conversation it is shown with`);
  }
  request.actingApp = { id: row.id, title: row.title, permissions, conversation, rule };
  caller.app = { id: row.id, title: row.title };
}

/** What the audit row says the app changed: the request's own fields, bounded. */
function changesOf(request: FastifyRequest, acting: ActingApp): JsonObject {
  const body = JSON.stringify(fields(request.body));
  return {
    conversation_id: acting.conversation.display_id,
    ...(acting.rule.target === 'contact' ? { contact_id: acting.conversation.contact_id } : {}),
    app_title: acting.title,
    params: body.length <= 4096 ? (JSON.parse(body) as JsonValue) : { truncated: true },
  };
}

async function audit(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const acting = request.actingApp;
  if (!acting || reply.statusCode >= 400) return;
  const caller = requireMember(request);
  try {
    await writeAudit(app.db, caller, {
      action: `dashboard_app.${acting.rule.action}`,
      appId: acting.id,
      changes: changesOf(request, acting),
    });
  } catch (error) {
    // The change itself is committed; a lost audit row is logged, never a failed answer.
    request.log.error({ err: error, appId: acting.id }, 'audit of a dashboard app action failed');
  }
}

/**
 * Installs the checks on the account-scoped routes (after membership, after validation, so a
 * rule sees the validated body) and the audit after each successful write.
 */
export function installActingApp(scope: FastifyInstance, app: FastifyInstance): void {
  scope.decorateRequest('actingApp', null);
  scope.addHook('preHandler', async (request) => check(app, request));
  scope.addHook('onSend', async (request, reply, payload) => {
    await audit(app, request, reply);
    return payload;
  });
}
