import {
  ATTRIBUTE_DISPLAY_TYPES,
  ATTRIBUTE_KEY_MAX_LENGTH,
  ATTRIBUTE_KEY_PATTERN,
  ATTRIBUTE_LIST_MAX_VALUES,
  ATTRIBUTE_MODELS,
} from '@bevatel/protocol';
import {
  CustomAttributeDefinitionListSchema,
  CustomAttributeDefinitionSchema,
  NoContent,
  ok,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { runCommand } from '../../core/commands';
import { notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Nullable, OneOf, Text } from '../../lib/schemas';
import { unwrapBody } from '../../lib/unwrap-body';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { createDefinition, deleteDefinition, updateDefinition } from './commands';
import { presentDefinition } from './presenter';
import { findDefinition, listDefinitions } from './queries';

const Key = Type.String({
  minLength: 1,
  maxLength: ATTRIBUTE_KEY_MAX_LENGTH,
  pattern: ATTRIBUTE_KEY_PATTERN,
  description: 'letters, digits, _ . -',
});
const Fields = {
  attribute_description: Type.Optional(Nullable(Text({ maxLength: 10_000 }))),
  attribute_display_type: Type.Optional(OneOf(ATTRIBUTE_DISPLAY_TYPES)),
  attribute_model: Type.Optional(OneOf(ATTRIBUTE_MODELS)),
  attribute_values: Type.Optional(
    Type.Array(Text({ maxLength: 255 }), { maxItems: ATTRIBUTE_LIST_MAX_VALUES }),
  ),
  regex_pattern: Type.Optional(Nullable(Text({ maxLength: 255 }))),
};
const DisplayName = Text({ minLength: 1, maxLength: 255 });
const strict = { additionalProperties: false } as const;
const CreateBody = Type.Object(
  { attribute_display_name: DisplayName, attribute_key: Key, ...Fields },
  strict,
);
const UpdateBody = Type.Object(
  {
    attribute_display_name: Type.Optional(DisplayName),
    attribute_key: Type.Optional(Key),
    ...Fields,
  },
  strict,
);
const ListQuery = Type.Object(
  { attribute_model: Type.Optional(OneOf(ATTRIBUTE_MODELS)) },
  { additionalProperties: false },
);
const unwrap = unwrapBody('custom_attribute_definition');

/** `custom_attribute_definitions` (Chatwoot's resource): any member reads, administrators write. */
export async function customAttributeRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/custom_attribute_definitions',
    {
      schema: {
        params: AccountParams,
        querystring: ListQuery,
        response: ok(CustomAttributeDefinitionListSchema),
      },
    },
    async (request) => {
      const member = requireMember(request);
      const rows = await listDefinitions(app.db, member.account.id, request.query.attribute_model);
      return rows.map(presentDefinition);
    },
  );

  app.get(
    '/custom_attribute_definitions/:id',
    { schema: { params: AccountIdParams, response: ok(CustomAttributeDefinitionSchema) } },
    async (request) => {
      const member = requireMember(request);
      const row = await findDefinition(app.db, member.account.id, request.params.id);
      if (!row) throw notFound('Custom attribute definition');
      return presentDefinition(row);
    },
  );

  app.post(
    '/custom_attribute_definitions',
    {
      onRequest: adminOnly,
      preValidation: unwrap,
      schema: {
        params: AccountParams,
        body: CreateBody,
        response: ok(CustomAttributeDefinitionSchema),
      },
    },
    async (request) => {
      const caller = requireAdmin(request);
      const { result } = await runCommand(app, (tx) => createDefinition(tx, caller, request.body));
      return presentDefinition(result);
    },
  );

  for (const method of ['patch', 'put'] as const) {
    app[method](
      '/custom_attribute_definitions/:id',
      {
        onRequest: adminOnly,
        preValidation: unwrap,
        schema: {
          params: AccountIdParams,
          body: UpdateBody,
          response: ok(CustomAttributeDefinitionSchema),
        },
      },
      async (request) => {
        const caller = requireAdmin(request);
        const { result } = await runCommand(app, (tx) =>
          updateDefinition(tx, caller, request.params.id, request.body),
        );
        return presentDefinition(result);
      },
    );
  }

  app.delete(
    '/custom_attribute_definitions/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, response: NoContent } },
    async (request, reply) => {
      const caller = requireAdmin(request);
      await runCommand(app, (tx) => deleteDefinition(tx, caller, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
