import type { AuditLogPage } from '@bevatel/protocol/schemas';
import { AuditLogPageSchema, ok } from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { parseJsonObject } from '../../lib/json';
import { toSecondsOrZero } from '../../lib/time';
import { adminOnly } from '../../lib/route-guards';
import { AccountParams } from '../../lib/schemas';
import { requireAdmin } from '../../plugins/auth';

export const AUDIT_LOGS_PER_PAGE = 15;

const AuditQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});

/** `GET audit_logs?page=`: the account's audit trail, newest first, for administrators. */
export async function auditLogRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/audit_logs',
    {
      onRequest: adminOnly,
      schema: { params: AccountParams, querystring: AuditQuery, response: ok(AuditLogPageSchema) },
    },
    async (request) => {
      const { account } = requireAdmin(request);
      const page = request.query.page ?? 1;
      const total = await app.db
        .selectFrom('audit_logs')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('account_id', '=', account.id)
        .executeTakeFirstOrThrow();
      const rows = await app.db
        .selectFrom('audit_logs')
        .leftJoin('users', 'users.id', 'audit_logs.user_id')
        .selectAll('audit_logs')
        .select('users.email as username')
        .where('audit_logs.account_id', '=', account.id)
        .orderBy('audit_logs.id', 'desc')
        .limit(AUDIT_LOGS_PER_PAGE)
        .offset((page - 1) * AUDIT_LOGS_PER_PAGE)
        .execute();
      const body: AuditLogPage = {
        per_page: AUDIT_LOGS_PER_PAGE,
        total_entries: Number(total.count),
        current_page: page,
        audit_logs: rows.map((row) => ({
          id: row.id,
          account_id: row.account_id,
          action: row.action,
          auditable_type: row.auditable_type,
          auditable_id: row.auditable_id,
          user_id: row.user_id,
          user_type: 'User',
          username: row.username,
          audited_changes: parseJsonObject(row.changes),
          created_at: toSecondsOrZero(row.created_at),
        })),
      };
      return body;
    },
  );
}
