/** Test-only: dashboard apps written straight to the table, with or without a secret. */
import type { FastifyInstance } from 'fastify';
import type { Insertable } from 'kysely';
import type { DashboardAppsTable } from '../../db/schema';
import { encryptAppSecret, generateAppSecret } from './secret';

export interface InsertedApp {
  id: number;
  secret: string | null;
}

export async function insertDashboardApp(
  app: FastifyInstance,
  accountId: number,
  options: {
    url?: string;
    withSecret?: boolean;
    /** Issue-12 columns as stored (JSON text where the column holds JSON). */
    columns?: Partial<
      Pick<
        Insertable<DashboardAppsTable>,
        'permissions' | 'locations' | 'visibility' | 'enabled' | 'proxy_allowlist' | 'settings'
      >
    >;
  } = {},
): Promise<InsertedApp> {
  const now = Date.now();
  const row = await app.db
    .insertInto('dashboard_apps')
    .values({
      account_id: accountId,
      user_id: null,
      title: 'Matrix app',
      content: JSON.stringify([
        { type: 'frame', url: options.url ?? 'https://orders.example.com' },
      ]),
      allow: '[]',
      secret_ciphertext: null,
      ...options.columns,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!options.withSecret) return { id: row.id, secret: null };
  const secret = generateAppSecret();
  await app.db
    .updateTable('dashboard_apps')
    .set({
      secret_ciphertext: encryptAppSecret(
        secret,
        { accountId, appId: row.id },
        app.config.secretKeyBase,
      ),
    })
    .where('id', '=', row.id)
    .execute();
  return { id: row.id, secret };
}
