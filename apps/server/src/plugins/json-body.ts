/**
 * JSON bodies: Fastify's own parser (prototype-poisoning safe), after a depth check. Nothing
 * the API takes nests deeper than a few levels; 5,000 nested arrays used to reach recursive
 * code and answer 500. A body-less request sent with `Content-Type: application/json` (as
 * Chatwoot's clients send DELETE) has no body rather than a parse error.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../lib/errors';

export const MAX_JSON_DEPTH = 32;

/** Whether the JSON text nests objects/arrays deeper than `limit` (strings are skipped). */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return false;
}

export const jsonBodyPlugin = fp(
  async (app: FastifyInstance) => {
    const parse = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: app.initialConfig.bodyLimit },
      (request, body, done) => {
        const text = typeof body === 'string' ? body : body.toString('utf8');
        if (text.trim() === '') return done(null, undefined);
        if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
          return done(
            new HttpError('bad_request', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`),
            undefined,
          );
        }
        parse(request, text, done);
      },
    );
  },
  { name: 'json-body' },
);
