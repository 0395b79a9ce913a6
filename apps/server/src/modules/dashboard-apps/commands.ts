/** Every change to a dashboard app, each in one transaction with its audit row. */
import type { DashboardAppFrame, JsonObject, JsonValue } from '@bevatel/protocol';
import type { DashboardAppRow, DashboardAppUpdate } from '../../db/schema';
import { writeAudit, type AuditCaller } from './audit';
import type { DashboardAppInput } from './input';
import {
  framesOf,
  grantsOf,
  locationsOf,
  permissionsOf,
  plainSettingValuesOf,
  proxyAllowlistOf,
  settingDefinitionsOf,
  visibilityOf,
} from './presenter';
import { secureSettingNames, sealedSecureSettings, storeSecureSettings } from './secure-settings';
import { mergeSettings, type SettingInput } from './settings-input';
import { encryptAppSecret, generateAppSecret } from './secret';
import { outcome, type Outcome, type Tx } from '../../core/commands';

const framesJson = (frames: DashboardAppFrame[]): JsonValue =>
  frames.map((frame) => ({ type: frame.type, url: frame.url }));

/**
 * What the audit log records of an app: everything but secrets. Secure settings appear as the
 * names that hold a value, never the values.
 */
function snapshot(row: DashboardAppRow): JsonObject {
  return {
    title: row.title,
    title_ar: row.title_ar,
    description: row.description,
    icon_url: row.icon_url,
    content: framesJson(framesOf(row)),
    allow: permissionsOf(row),
    permissions: grantsOf(row),
    allow_send_anyway: row.allow_send_anyway !== 0,
    locations: locationsOf(row),
    visibility: { ...visibilityOf(row) },
    enabled: row.enabled === 1,
    settings: settingDefinitionsOf(row).map((definition) => ({ ...definition })),
    setting_values: plainSettingValuesOf(row),
    secure_settings_set: secureSettingNames(row.secure_settings),
    proxy_allowlist: proxyAllowlistOf(row),
  };
}

/** The columns for the fields given (settings apart: they need the app's id to be sealed). */
function columnsOf(input: Partial<DashboardAppInput>): DashboardAppUpdate {
  const set: DashboardAppUpdate = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.content !== undefined) set.content = JSON.stringify(input.content);
  if (input.allow !== undefined) set.allow = JSON.stringify(input.allow);
  if (input.permissions !== undefined) set.permissions = JSON.stringify(input.permissions);
  if (input.allow_send_anyway !== undefined) {
    set.allow_send_anyway = input.allow_send_anyway ? 1 : 0;
  }
  if (input.title_ar !== undefined) set.title_ar = input.title_ar;
  if (input.description !== undefined) set.description = input.description;
  if (input.icon_url !== undefined) set.icon_url = input.icon_url;
  if (input.locations !== undefined) set.locations = JSON.stringify(input.locations);
  if (input.visibility !== undefined) set.visibility = JSON.stringify(input.visibility);
  if (input.enabled !== undefined) set.enabled = input.enabled ? 1 : 0;
  if (input.proxy_allowlist !== undefined) {
    set.proxy_allowlist = JSON.stringify(input.proxy_allowlist);
  }
  return set;
}

/** The settings columns after `inputs` are applied to what `row` stores. */
function settingsColumns(
  row: Pick<
    DashboardAppRow,
    'id' | 'account_id' | 'setting_values' | 'secure_settings' | 'settings'
  >,
  inputs: SettingInput[],
  secretKeyBase: string,
): { columns: DashboardAppUpdate; sealedNow: string[] } {
  const merged = mergeSettings(
    {
      definitions: settingDefinitionsOf(row),
      plain: plainSettingValuesOf(row),
      sealed: sealedSecureSettings(row.secure_settings),
    },
    inputs,
  );
  return {
    columns: {
      settings: JSON.stringify(merged.definitions),
      setting_values: JSON.stringify(merged.plain),
      secure_settings: storeSecureSettings(
        merged.sealed,
        merged.toSeal,
        { accountId: row.account_id, appId: row.id },
        secretKeyBase,
      ),
    },
    sealedNow: Object.keys(merged.toSeal),
  };
}

/** `{field: [before, after]}` for the fields that really changed. */
function diff(before: JsonObject, after: JsonObject): JsonObject {
  const changes: JsonObject = {};
  for (const key of Object.keys(after)) {
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[key] = [was, now];
  }
  return changes;
}

export async function createApp(
  tx: Tx,
  caller: AuditCaller,
  input: DashboardAppInput,
  secretKeyBase: string,
): Promise<Outcome<DashboardAppRow>> {
  const trx = tx.db;
  const now = Date.now();
  const last = await trx
    .selectFrom('dashboard_apps')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('account_id', '=', caller.accountId)
    .executeTakeFirst();
  let row = await trx
    .insertInto('dashboard_apps')
    .values({
      ...columnsOf(input),
      account_id: caller.accountId,
      user_id: caller.user.id,
      title: input.title,
      content: JSON.stringify(input.content),
      allow: JSON.stringify(input.allow),
      secret_ciphertext: null,
      position: Number(last?.position ?? 0) + 1,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.settings) {
    const { columns } = settingsColumns(row, input.settings, secretKeyBase);
    row = await trx
      .updateTable('dashboard_apps')
      .set(columns)
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  await writeAudit(trx, caller, {
    action: 'dashboard_app.created',
    appId: row.id,
    changes: snapshot(row),
  });
  return outcome(row);
}

/**
 * Applies the fields given; records `{field: [before, after]}` for those that really changed,
 * and the names of secure settings given a new value (never the value).
 */
export async function updateApp(
  tx: Tx,
  caller: AuditCaller,
  app: DashboardAppRow,
  input: Partial<DashboardAppInput>,
  secretKeyBase: string,
): Promise<Outcome<DashboardAppRow>> {
  const settings = input.settings ? settingsColumns(app, input.settings, secretKeyBase) : null;
  const set: DashboardAppUpdate = { ...columnsOf(input), ...settings?.columns };
  const changes = diff(snapshot(app), snapshot({ ...app, ...set } as DashboardAppRow));
  if (settings?.sealedNow.length) changes.secure_settings_changed = settings.sealedNow;
  if (Object.keys(changes).length === 0) return outcome(app);
  const trx = tx.db;
  const row = await trx
    .updateTable('dashboard_apps')
    .set({ ...set, updated_at: Date.now() })
    .where('id', '=', app.id)
    .where('account_id', '=', caller.accountId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, caller, { action: 'dashboard_app.updated', appId: app.id, changes });
  return outcome(row);
}

/**
 * Puts the account's apps in the order of `ids` (every app once). One audit row per app whose
 * place changed.
 */
export async function reorderApps(
  tx: Tx,
  caller: AuditCaller,
  rows: DashboardAppRow[],
  ids: number[],
): Promise<Outcome<void>> {
  const trx = tx.db;
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [index, id] of ids.entries()) {
    const row = byId.get(id);
    const position = index + 1;
    if (!row || row.position === position) continue;
    await trx
      .updateTable('dashboard_apps')
      .set({ position, updated_at: Date.now() })
      .where('id', '=', id)
      .where('account_id', '=', caller.accountId)
      .execute();
    await writeAudit(trx, caller, {
      action: 'dashboard_app.updated',
      appId: id,
      changes: { position: [row.position, position] },
    });
  }
  return outcome(undefined);
}

export async function deleteApp(
  tx: Tx,
  caller: AuditCaller,
  app: DashboardAppRow,
): Promise<Outcome<void>> {
  const trx = tx.db;
  await trx
    .deleteFrom('dashboard_apps')
    .where('id', '=', app.id)
    .where('account_id', '=', caller.accountId)
    .execute();
  await writeAudit(trx, caller, {
    action: 'dashboard_app.deleted',
    appId: app.id,
    changes: { ...snapshot(app), has_secret: app.secret_ciphertext !== null },
  });
  return outcome(undefined);
}

/** Creates or replaces the signing secret; the plaintext is returned to show once. */
export async function rotateSecret(
  tx: Tx,
  caller: AuditCaller,
  app: DashboardAppRow,
  secretKeyBase: string,
): Promise<Outcome<string>> {
  const secret = generateAppSecret();
  const had = app.secret_ciphertext !== null;
  const trx = tx.db;
  await trx
    .updateTable('dashboard_apps')
    .set({
      secret_ciphertext: encryptAppSecret(
        secret,
        { accountId: caller.accountId, appId: app.id },
        secretKeyBase,
      ),
      updated_at: Date.now(),
    })
    .where('id', '=', app.id)
    .where('account_id', '=', caller.accountId)
    .execute();
  await writeAudit(trx, caller, {
    action: had ? 'dashboard_app.secret_rotated' : 'dashboard_app.secret_generated',
    appId: app.id,
    changes: { has_secret: [had, true] },
  });
  return outcome(secret);
}

/** Removes the signing secret; false when there was none (nothing changed, nothing audited). */
export async function removeSecret(
  tx: Tx,
  caller: AuditCaller,
  app: DashboardAppRow,
): Promise<Outcome<boolean>> {
  if (app.secret_ciphertext === null) return outcome(false);
  const trx = tx.db;
  await trx
    .updateTable('dashboard_apps')
    .set({ secret_ciphertext: null, updated_at: Date.now() })
    .where('id', '=', app.id)
    .where('account_id', '=', caller.accountId)
    .execute();
  await writeAudit(trx, caller, {
    action: 'dashboard_app.secret_removed',
    appId: app.id,
    changes: { has_secret: [true, false] },
  });
  return outcome(true);
}
