import type { JsonObject } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export type DashboardAppAuditAction =
  | 'dashboard_app.created'
  | 'dashboard_app.updated'
  | 'dashboard_app.deleted'
  | 'dashboard_app.secret_generated'
  | 'dashboard_app.secret_rotated'
  | 'dashboard_app.secret_removed';

export interface AuditEntry {
  accountId: number;
  userId: number;
  action: DashboardAppAuditAction;
  appId: number;
  /** What changed; never secrets. */
  changes: JsonObject;
}

/** Writes one audit row; call inside the transaction of the change it records. */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_logs')
    .values({
      account_id: entry.accountId,
      user_id: entry.userId,
      action: entry.action,
      auditable_type: 'DashboardApp',
      auditable_id: entry.appId,
      changes: JSON.stringify(entry.changes),
      created_at: Date.now(),
    })
    .execute();
}
