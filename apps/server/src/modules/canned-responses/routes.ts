import {
  CannedResponseListSchema,
  CannedResponseSchema,
  NoContent,
  ok,
} from '@bevatel/protocol/schemas';
import { CANNED_CONTENT_MAX_LENGTH, CANNED_SHORT_CODE_MAX_LENGTH } from '@bevatel/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { runCommand } from '../../core/commands';
import { AccountIdParams, AccountParams, Text } from '../../lib/schemas';
import { unwrapBody } from '../../lib/unwrap-body';
import { requireMember } from '../../plugins/auth';
import { createCannedResponse, deleteCannedResponse, updateCannedResponse } from './commands';
import { SHORT_CODE_PATTERN } from './policy';
import { presentCannedResponse } from './presenter';
import { listCannedResponses } from './queries';

const ShortCode = Type.String({
  minLength: 1,
  maxLength: CANNED_SHORT_CODE_MAX_LENGTH,
  pattern: SHORT_CODE_PATTERN,
  description: 'one word, no spaces',
});
const Content = Text({ minLength: 1, maxLength: CANNED_CONTENT_MAX_LENGTH });
const strict = { additionalProperties: false } as const;
const CreateBody = Type.Object({ short_code: ShortCode, content: Content }, strict);
const UpdateBody = Type.Object(
  { short_code: Type.Optional(ShortCode), content: Type.Optional(Content) },
  strict,
);
const ListQuery = Type.Object(
  { search: Type.Optional(Text({ maxLength: 255 })) },
  { additionalProperties: false },
);
const unwrap = unwrapBody('canned_response');

/**
 * `canned_responses` (Chatwoot's resource): every member lists (`?search=`) and adds them;
 * administrators change or delete any, agents their own (policy.ts).
 */
export async function cannedResponseRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/canned_responses',
    {
      schema: {
        params: AccountParams,
        querystring: ListQuery,
        response: ok(CannedResponseListSchema),
      },
    },
    async (request) => {
      const member = requireMember(request);
      const rows = await listCannedResponses(app.db, member.account.id, request.query.search);
      return rows.map(presentCannedResponse);
    },
  );

  app.post(
    '/canned_responses',
    {
      preValidation: unwrap,
      schema: { params: AccountParams, body: CreateBody, response: ok(CannedResponseSchema) },
    },
    async (request) => {
      const caller = requireMember(request);
      const { result } = await runCommand(app, (tx) =>
        createCannedResponse(tx, caller, request.body),
      );
      return presentCannedResponse(result);
    },
  );

  for (const method of ['patch', 'put'] as const) {
    app[method](
      '/canned_responses/:id',
      {
        preValidation: unwrap,
        schema: { params: AccountIdParams, body: UpdateBody, response: ok(CannedResponseSchema) },
      },
      async (request) => {
        const caller = requireMember(request);
        const { result } = await runCommand(app, (tx) =>
          updateCannedResponse(tx, caller, request.params.id, request.body),
        );
        return presentCannedResponse(result);
      },
    );
  }

  app.delete(
    '/canned_responses/:id',
    { schema: { params: AccountIdParams, response: NoContent } },
    async (request, reply) => {
      const caller = requireMember(request);
      await runCommand(app, (tx) => deleteCannedResponse(tx, caller, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
