import type { FastifyRequest } from 'fastify';
import { invalid } from './errors';

/**
 * A `preValidation` hook for Chatwoot's wrapped bodies: its clients send `{<key>: {…fields}}`
 * (Rails' `params.require(:key)`), others send the fields bare; both reach the schema bare.
 */
export const unwrapBody =
  (key: string) =>
  async (request: FastifyRequest): Promise<void> => {
    const body = request.body as Record<string, unknown> | null | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return;
    if (Object.keys(body).length !== 1 || !(key in body)) return;
    const inner = body[key];
    if (!inner || typeof inner !== 'object' || Array.isArray(inner)) {
      throw invalid(key, `${key} must be an object`);
    }
    request.body = inner;
  };
