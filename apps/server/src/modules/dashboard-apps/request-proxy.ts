/**
 * `POST dashboard_apps/:id/request`: the level-2 method `request` (permission `request`), made
 * by the server for an app shown to the agent. The URL's host must be on the app's allowlist;
 * `{{settings.<name>}}` in headers and body is replaced by the app's settings, secure ones
 * included, so they are used without ever reaching a browser. Every call is audited with its
 * host, method, status and duration — never headers, bodies or the values substituted.
 */
import {
  APP_REQUEST_FORBIDDEN_HEADERS,
  APP_REQUEST_LIMITS,
  APP_REQUEST_RESPONSE_HEADERS,
  METHOD_PARAMS,
  SETTINGS_PLACEHOLDER,
  proxyHostAllowed,
  validate,
  type AppRequestResult,
  type AppSettingValue,
} from '@bevatel/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OutboundError, outboundRequest, type OutboundFailure } from '../../core/outbound/client';
import type { DashboardAppRow } from '../../db/schema';
import { HttpError, invalid } from '../../lib/errors';
import { MAX_DB_INTEGER } from '../../lib/schemas';
import { writeAudit, type AuditCaller } from './audit';
import {
  grantsOf,
  plainSettingValuesOf,
  proxyAllowlistOf,
  settingDefinitionsOf,
} from './presenter';
import { openSecureSettings } from './secure-settings';

interface ProxyCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  conversationId: number | null;
}

/** The body: the method's params (the protocol's schema) and the conversation in view. */
export function readProxyCall(body: unknown): ProxyCall {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError('unprocessable_entity', 'The body must be {url, method, headers, body}');
  }
  const { conversation_id: conversation, ...params } = body as Record<string, unknown>;
  const problem = validate(METHOD_PARAMS.request, params);
  if (problem) throw invalid(problem.path || 'url', problem.message.replace(/^params\b/, 'body'));
  let conversationId: number | null = null;
  if (conversation !== undefined && conversation !== null) {
    if (
      typeof conversation !== 'number' ||
      !Number.isInteger(conversation) ||
      conversation < 1 ||
      conversation > MAX_DB_INTEGER
    ) {
      throw invalid('conversation_id', 'conversation_id must be a positive integer');
    }
    conversationId = conversation;
  }
  const given = params as {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given.headers ?? {})) {
    const lower = name.toLowerCase();
    if ((APP_REQUEST_FORBIDDEN_HEADERS as readonly string[]).includes(lower)) {
      throw invalid(`headers.${name}`, `headers.${name} is set by the proxy, not by the app`);
    }
    headers[lower] = value;
  }
  return {
    url: new URL(given.url),
    method: given.method ?? 'GET',
    headers,
    body: given.body,
    conversationId,
  };
}

/** The values `{{settings.<name>}}` stands for: plain (or their defaults) and secure. */
function settingValues(row: DashboardAppRow, secretKeyBase: string): Map<string, string> {
  const values = new Map<string, string>();
  const plain = plainSettingValuesOf(row);
  for (const definition of settingDefinitionsOf(row)) {
    const value: AppSettingValue | undefined = plain[definition.name] ?? definition.default;
    if (!definition.secure && value !== undefined) values.set(definition.name, String(value));
  }
  const secure = openSecureSettings(
    row.secure_settings,
    { accountId: row.account_id, appId: row.id },
    secretKeyBase,
  );
  for (const [name, value] of Object.entries(secure)) values.set(name, value);
  return values;
}

function substitute(text: string, values: Map<string, string>, field: string): string {
  return text.replace(SETTINGS_PLACEHOLDER, (_whole, name: string) => {
    const value = values.get(name);
    if (value === undefined) {
      throw invalid(field, `${field} uses {{settings.${name}}}, which has no value for this app`);
    }
    return value;
  });
}

// eslint-disable-next-line no-control-regex
const HEADER_BREAK = /[\r\n\u0000]/;

const FAILURES: Record<OutboundFailure, { code: ConstructorParameters<typeof HttpError>[0] }> = {
  not_https: { code: 'unprocessable_entity' },
  private_address: { code: 'forbidden' },
  redirect_refused: { code: 'forbidden' },
  too_many_redirects: { code: 'bad_gateway' },
  timeout: { code: 'gateway_timeout' },
  response_too_large: { code: 'bad_gateway' },
  connection_failed: { code: 'bad_gateway' },
};

const SECOND_BYTE_LIMIT = APP_REQUEST_LIMITS.maxRequestBytes;

/**
 * Makes the call for `row` (already found visible to the caller and granted `request`);
 * audits it whatever the outcome.
 */
export async function proxyAppRequest(
  app: FastifyInstance,
  request: FastifyRequest,
  row: DashboardAppRow,
  call: ProxyCall,
  caller: AuditCaller,
): Promise<AppRequestResult> {
  const audit = (changes: Record<string, string | number | null>) =>
    writeAudit(app.db, caller, { action: 'dashboard_app.request', appId: row.id, changes });
  const port = Number(call.url.port || 443);
  if (!grantsOf(row).includes('request')) {
    throw new HttpError(
      'permission_denied',
      'The administrator has not allowed this app to make requests (permission "request")',
    );
  }
  if (!proxyHostAllowed(proxyAllowlistOf(row), call.url.hostname, port)) {
    await audit({
      host: call.url.host,
      method: call.method,
      status: null,
      duration_ms: 0,
      outcome: 'host_not_allowed',
    });
    throw new HttpError(
      'forbidden',
      `${call.url.host} is not on this app's allowlist of request hosts`,
      'url',
    );
  }
  const budget = await app.outboundLimiter(request);
  if (!budget.isAllowed && budget.isExceeded) {
    throw new HttpError(
      'too_many_requests',
      `This app may make ${app.outbound.requestsPerMinute} requests a minute; wait and retry`,
    );
  }
  const values = settingValues(row, app.config.secretKeyBase);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers)) {
    const filled = substitute(value, values, `headers.${name}`);
    if (HEADER_BREAK.test(filled)) {
      throw invalid(
        `headers.${name}`,
        `headers.${name} must be one line once its settings are filled in`,
      );
    }
    headers[name] = filled;
  }
  const body =
    call.body === undefined ? undefined : Buffer.from(substitute(call.body, values, 'body'));
  if (body && body.length > SECOND_BYTE_LIMIT) {
    throw new HttpError(
      'payload_too_large',
      `The request body must be at most ${SECOND_BYTE_LIMIT} bytes`,
      'body',
    );
  }
  const started = performance.now();
  try {
    const answer = await outboundRequest(
      { url: call.url, method: call.method, headers, ...(body ? { body } : {}) },
      app.outbound.policy,
    );
    const duration = Math.round(performance.now() - started);
    await audit({
      host: call.url.host,
      method: call.method,
      status: answer.status,
      duration_ms: duration,
      outcome: 'ok',
    });
    const kept: Record<string, string> = {};
    for (const name of APP_REQUEST_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) kept[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: answer.status, headers: kept, body: answer.body.toString('utf8') };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    const duration = Math.round(performance.now() - started);
    await audit({
      host: call.url.host,
      method: call.method,
      status: null,
      duration_ms: duration,
      outcome: error.reason,
    });
    throw new HttpError(FAILURES[error.reason].code, error.message);
  }
}
