import type { ApiErrorBody } from '@bevatel/protocol';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../lib/errors';

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
) {
  const body: ApiErrorBody = { error, message, statusCode };
  if (field) body.field = field;
  return reply.status(statusCode).type('application/json').send(body);
}

const CLIENT_ERROR_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
};

/** One error shape for every failure: `{error, message, field?, statusCode}`. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      return send(reply, error.statusCode, error.code, error.message, error.field);
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
