/** Every change to a dashboard app, each in one transaction with its audit row. */
import type { DashboardAppFrame, JsonObject, JsonValue } from '@bevatel/protocol';
import type { Kysely } from 'kysely';
import type { Database, DashboardAppRow } from '../../db/schema';
import { writeAudit } from './audit';
import type { DashboardAppInput } from './input';
import { framesOf, permissionsOf } from './presenter';
import { encryptAppSecret, generateAppSecret } from './secret';

type Db = Kysely<Database>;

interface Actor {
  accountId: number;
  userId: number;
}

const framesJson = (frames: DashboardAppFrame[]): JsonValue =>
  frames.map((frame) => ({ type: frame.type, url: frame.url }));

function snapshot(row: DashboardAppRow): JsonObject {
  return { title: row.title, content: framesJson(framesOf(row)), allow: permissionsOf(row) };
}

export async function createApp(
  db: Db,
  actor: Actor,
  input: DashboardAppInput,
): Promise<DashboardAppRow> {
  return db.transaction().execute(async (trx) => {
    const now = Date.now();
    const row = await trx
      .insertInto('dashboard_apps')
      .values({
        account_id: actor.accountId,
        user_id: actor.userId,
        title: input.title,
        content: JSON.stringify(input.content),
        allow: JSON.stringify(input.allow),
        secret_ciphertext: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      ...actor,
      action: 'dashboard_app.created',
      appId: row.id,
      changes: snapshot(row),
    });
    return row;
  });
}

/** Applies the fields given; records `{field: [before, after]}` for those that really changed. */
export async function updateApp(
  db: Db,
  actor: Actor,
  app: DashboardAppRow,
  input: Partial<DashboardAppInput>,
): Promise<DashboardAppRow> {
  const before = snapshot(app);
  const after: JsonObject = {
    ...before,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.content !== undefined ? { content: framesJson(input.content) } : {}),
    ...(input.allow !== undefined ? { allow: input.allow } : {}),
  };
  const changes: JsonObject = {};
  for (const key of Object.keys(after)) {
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[key] = [was, now];
  }
  if (Object.keys(changes).length === 0) return app;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('dashboard_apps')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.content !== undefined ? { content: JSON.stringify(input.content) } : {}),
        ...(input.allow !== undefined ? { allow: JSON.stringify(input.allow) } : {}),
        updated_at: Date.now(),
      })
      .where('id', '=', app.id)
      .where('account_id', '=', actor.accountId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { ...actor, action: 'dashboard_app.updated', appId: app.id, changes });
    return row;
  });
}

export async function deleteApp(db: Db, actor: Actor, app: DashboardAppRow): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('dashboard_apps')
      .where('id', '=', app.id)
      .where('account_id', '=', actor.accountId)
      .execute();
    await writeAudit(trx, {
      ...actor,
      action: 'dashboard_app.deleted',
      appId: app.id,
      changes: { ...snapshot(app), has_secret: app.secret_ciphertext !== null },
    });
  });
}

/** Creates or replaces the signing secret; the plaintext is returned to show once. */
export async function rotateSecret(
  db: Db,
  actor: Actor,
  app: DashboardAppRow,
  secretKeyBase: string,
): Promise<string> {
  const secret = generateAppSecret();
  const had = app.secret_ciphertext !== null;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('dashboard_apps')
      .set({
        secret_ciphertext: encryptAppSecret(
          secret,
          { accountId: actor.accountId, appId: app.id },
          secretKeyBase,
        ),
        updated_at: Date.now(),
      })
      .where('id', '=', app.id)
      .where('account_id', '=', actor.accountId)
      .execute();
    await writeAudit(trx, {
      ...actor,
      action: had ? 'dashboard_app.secret_rotated' : 'dashboard_app.secret_generated',
      appId: app.id,
      changes: { has_secret: [had, true] },
    });
  });
  return secret;
}

/** Removes the signing secret; false when there was none (nothing changed, nothing audited). */
export async function removeSecret(db: Db, actor: Actor, app: DashboardAppRow): Promise<boolean> {
  if (app.secret_ciphertext === null) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('dashboard_apps')
      .set({ secret_ciphertext: null, updated_at: Date.now() })
      .where('id', '=', app.id)
      .where('account_id', '=', actor.accountId)
      .execute();
    await writeAudit(trx, {
      ...actor,
      action: 'dashboard_app.secret_removed',
      appId: app.id,
      changes: { has_secret: [true, false] },
    });
  });
  return true;
}
