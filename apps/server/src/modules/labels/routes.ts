import { LabelListSchema, LabelSchema, NoContent, ok } from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams, Nullable, Text } from '../../lib/schemas';
import { runCommand } from '../../core/commands';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { createLabel, deleteLabel, updateLabel } from './commands';
import { LABEL_COLOR_PATTERN, LABEL_TITLE_PATTERN } from './policy';
import { presentLabel } from './presenter';
import { findLabel, listLabels } from './queries';

const Title = Type.String({ minLength: 1, maxLength: 255, pattern: LABEL_TITLE_PATTERN });
const LabelFields = {
  description: Type.Optional(Nullable(Text({ maxLength: 10_000 }))),
  color: Type.Optional(Type.String({ pattern: LABEL_COLOR_PATTERN })),
  show_on_sidebar: Type.Optional(Type.Boolean()),
};
const CreateLabelBody = Type.Object(
  { title: Title, ...LabelFields },
  { additionalProperties: false },
);
const UpdateLabelBody = Type.Object(
  { title: Type.Optional(Title), ...LabelFields },
  { additionalProperties: false },
);

/** `labels`: any member reads, administrators write. */
export async function labelRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/labels',
    { schema: { params: AccountParams, response: ok(LabelListSchema) } },
    async (request) => {
      const member = requireMember(request);
      const rows = await listLabels(app.db, member.account.id);
      return { payload: rows.map(presentLabel) };
    },
  );

  const one = { params: AccountIdParams, response: ok(LabelSchema) };
  app.get('/labels/:id', { schema: one }, async (request) => {
    const member = requireMember(request);
    const row = await findLabel(app.db, member.account.id, request.params.id);
    if (!row) throw notFound('Label');
    return presentLabel(row);
  });

  app.post(
    '/labels',
    {
      onRequest: adminOnly,
      schema: { params: AccountParams, body: CreateLabelBody, response: ok(LabelSchema) },
    },
    async (request) => {
      const caller = requireAdmin(request);
      const { result } = await runCommand(app, (tx) => createLabel(tx, caller, request.body));
      return presentLabel(result);
    },
  );

  app.patch(
    '/labels/:id',
    { onRequest: adminOnly, schema: { ...one, body: UpdateLabelBody } },
    async (request) => {
      const caller = requireAdmin(request);
      const { result } = await runCommand(app, (tx) =>
        updateLabel(tx, caller, request.params.id, request.body),
      );
      return presentLabel(result);
    },
  );

  app.delete(
    '/labels/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, response: NoContent } },
    async (request, reply) => {
      const caller = requireAdmin(request);
      await runCommand(app, (tx) => deleteLabel(tx, caller, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
