import type { ApiErrorBody } from '@bevatel/protocol';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { databaseFault, type DatabaseFault } from '../db/faults';
import { HttpError } from '../lib/errors';
import { FaultLog } from '../lib/fault-log';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

// Names the field an Ajv/TypeBox issue is about: "/content/0/url" -> "content[0].url".
function fieldOf(issue: ValidationIssue): string | undefined {
  const path = (issue.instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
  const missing = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  if (typeof missing === 'string') return path ? `${path}.${missing}` : missing;
  return path || undefined;
}

function send(
  reply: FastifyReply,
  statusCode: number,
  error: string,
  message: string,
  field?: string,
  reason?: string,
) {
  const body: ApiErrorBody = { error, message, statusCode };
  if (field) body.field = field;
  if (reason) body.reason = reason;
  return reply.status(statusCode).type('application/json').send(body);
}

const CLIENT_ERROR_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
};

/** What a request failed by the database's state (not its own input) is answered with. */
const FAULT_ANSWERS: Record<DatabaseFault, [number, string, string]> = {
  unavailable: [
    503,
    'database_unavailable',
    'The database is not answering; try again in a few seconds',
  ],
  storage_full: [
    507,
    'storage_full',
    'The database storage is full: nothing can be saved until space is freed',
  ],
};

/** Seconds a client should wait before retrying a 503. */
const RETRY_AFTER_S = '5';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyInstance {
    /** Database outages seen by requests, logged once each (see lib/fault-log.ts). */
    faults: FaultLog;
  }
}

/**
 * One error shape for every failure: `{error, message, field?, reason?, statusCode}`. Database outages
 * are 503 `database_unavailable` (with Retry-After) and 507 `storage_full`, never a 500.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  const faults = new FaultLog(app.log);
  app.decorate('faults', faults);
  // A signed-in request read the database (its caller); a successful write wrote to it.
  app.addHook('onResponse', async (request, reply) => {
    if (!faults.active || !request.user || reply.statusCode >= 500) return;
    faults.recovered('unavailable');
    if (WRITE_METHODS.has(request.method) && reply.statusCode < 400) {
      faults.recovered('storage_full');
    }
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const fault = databaseFault(error);
    if (fault) {
      faults.report(fault, error);
      const [status, code, message] = FAULT_ANSWERS[fault];
      if (status === 503) reply.header('retry-after', RETRY_AFTER_S);
      return send(reply, status, code, message);
    }
    if (error instanceof HttpError) {
      return send(reply, error.statusCode, error.code, error.message, error.field, error.reason);
    }
    if (error.validation) {
      const issue = (error.validation[0] ?? {}) as ValidationIssue;
      const field = fieldOf(issue);
      const where = error.validationContext === 'body' ? '' : `${error.validationContext} `;
      const message = field
        ? `${where}${field} ${issue.message ?? 'is invalid'}`
        : `${where}${issue.message ?? 'is invalid'}`;
      return send(reply, 422, 'unprocessable_entity', message.trim(), field);
    }
    const known = error.code ? CLIENT_ERROR_CODES[error.code] : undefined;
    if (known) return send(reply, known[0], known[1], error.message);
    if (error.statusCode === 429) {
      return send(reply, 429, 'too_many_requests', 'Too many requests: wait a moment and retry');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'internal_error', 'Something went wrong on our side');
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`),
  );
});
