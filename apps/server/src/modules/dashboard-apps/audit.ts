import type { JsonObject } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Caller } from '../../core/caller';
import type { Database } from '../../db/schema';

/** What an app did through the host (level 2), recorded as `dashboard_app.<name>`. */
export type AppActionName =
  | 'labels_changed'
  | 'note_created'
  | 'conversation_attributes_set'
  | 'contact_attributes_set'
  | 'status_changed'
  | 'priority_changed'
  | 'assigned'
  | 'conversation_updated'
  | 'action_refused'
  /** A call through the request proxy: host, method, status, duration — never secrets. */
  | 'request';

export type DashboardAppAuditAction =
  | `dashboard_app.${AppActionName}`
  | 'dashboard_app.created'
  | 'dashboard_app.updated'
  | 'dashboard_app.deleted'
  | 'dashboard_app.secret_generated'
  | 'dashboard_app.secret_rotated'
  | 'dashboard_app.secret_removed';

export interface AuditEntry {
  action: DashboardAppAuditAction;
  appId: number;
  /** What changed; never secrets. */
  changes: JsonObject;
}

/** Who the audit row says did it: the caller, in its account. */
export type AuditCaller = Pick<Caller, 'accountId' | 'user'>;

/** Writes one audit row; call inside the transaction of the change it records. */
export async function writeAudit(
  db: Kysely<Database>,
  caller: AuditCaller,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_logs')
    .values({
      account_id: caller.accountId,
      user_id: caller.user.id,
      action: entry.action,
      auditable_type: 'DashboardApp',
      auditable_id: entry.appId,
      changes: JSON.stringify(entry.changes),
      created_at: Date.now(),
    })
    .execute();
}
