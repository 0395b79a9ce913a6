import { AccountDetailsSchema, ok } from '@bevatel/protocol/schemas';
import { LOCALES } from '@bevatel/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountParams, OneOf, Text } from '../../lib/schemas';
import { runCommand } from '../../core/commands';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { updateAccount } from './commands';
import { presentAccount } from './presenter';

const AccountBody = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
    locale: Type.Optional(OneOf(LOCALES)),
    contacts_by_inbox: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** `GET/PATCH /api/v1/accounts/:account_id`. */
export async function accountRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  const answer = { params: AccountParams, response: ok(AccountDetailsSchema) };
  app.get('', { schema: answer }, async (request) => {
    const member = requireMember(request);
    return presentAccount(member.account, member.role);
  });

  app.patch(
    '',
    { onRequest: adminOnly, schema: { ...answer, body: AccountBody } },
    async (request) => {
      const member = requireAdmin(request);
      if (request.body.name !== undefined && request.body.name.trim() === '') {
        throw invalid('name', 'name must not be blank');
      }
      const { result } = await runCommand(app, (tx) => updateAccount(tx, member, request.body));
      return presentAccount(result, member.role);
    },
  );
}
