import { LOCALES } from '@bevatel/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountParams, Text } from '../../lib/schemas';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { updateAccount } from './commands';
import { presentAccount } from './presenter';

const AccountBody = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 255 })),
    locale: Type.Optional(Type.Union(LOCALES.map((locale) => Type.Literal(locale)))),
  },
  { additionalProperties: false },
);

/** `GET/PATCH /api/v1/accounts/:account_id`. */
export async function accountRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get('', { schema: { params: AccountParams } }, async (request) => {
    const member = requireMember(request);
    return presentAccount(member.account, member.role);
  });

  app.patch(
    '',
    { onRequest: adminOnly, schema: { params: AccountParams, body: AccountBody } },
    async (request) => {
      const member = requireAdmin(request);
      if (request.body.name !== undefined && request.body.name.trim() === '') {
        throw invalid('name', 'name must not be blank');
      }
      const account = await updateAccount(app.db, member.account.id, request.body);
      return presentAccount(account, member.role);
    },
  );
}
