import {
  APP_SETTING_TYPES,
  APP_VISIBILITY_ROLES,
  DEFAULT_APP_PERMISSIONS,
  DEFAULT_APP_LOCATIONS,
  isAppPermission,
  isDashboardAppLocation,
  type AppPermission,
  type AppSettingDefinition,
  type AppSettingValue,
  type AppSettingView,
  type DashboardApp,
  type DashboardAppFrame,
  type DashboardAppLocation,
  type DashboardAppVisibility,
  type UserRole,
} from '@bevatel/protocol';
import type { DashboardAppRow } from '../../db/schema';
import { parseJsonArray, parseJsonObject } from '../../lib/json';
import { secureSettingNames } from './secure-settings';
import { toSecondsOrZero } from '../../lib/time';

export function framesOf(row: Pick<DashboardAppRow, 'content'>): DashboardAppFrame[] {
  return parseJsonArray(row.content).flatMap((item) =>
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    typeof item.url === 'string'
      ? [{ type: 'frame' as const, url: item.url }]
      : [],
  );
}

export function permissionsOf(row: Pick<DashboardAppRow, 'allow'>): string[] {
  return parseJsonArray(row.allow).filter((item): item is string => typeof item === 'string');
}

/** The level-2 grants as stored (in the protocol's order); unknown names are dropped. */
export function grantsOf(row: Pick<DashboardAppRow, 'permissions'>): AppPermission[] {
  const stored = row.permissions ? parseJsonArray(row.permissions) : [...DEFAULT_APP_PERMISSIONS];
  return stored.filter(isAppPermission);
}

export function locationsOf(row: Pick<DashboardAppRow, 'locations'>): DashboardAppLocation[] {
  const stored = parseJsonArray(row.locations).filter(isDashboardAppLocation);
  return stored.length ? stored : [...DEFAULT_APP_LOCATIONS];
}

const ids = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];

export function visibilityOf(row: Pick<DashboardAppRow, 'visibility'>): DashboardAppVisibility {
  const stored = parseJsonObject(row.visibility);
  const roles = Array.isArray(stored.roles) ? stored.roles : [];
  return {
    inbox_ids: ids(stored.inbox_ids),
    team_ids: ids(stored.team_ids),
    roles: APP_VISIBILITY_ROLES.filter((role: UserRole) => roles.includes(role)),
  };
}

/** The stored definitions; entries that are not definitions (a damaged row) are dropped. */
export function settingDefinitionsOf(
  row: Pick<DashboardAppRow, 'settings'>,
): AppSettingDefinition[] {
  return parseJsonArray(row.settings).flatMap((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [];
    const { name, label, type } = item;
    if (typeof name !== 'string' || typeof label !== 'string') return [];
    if (!(APP_SETTING_TYPES as readonly unknown[]).includes(type)) return [];
    return [item as unknown as AppSettingDefinition];
  });
}

export function plainSettingValuesOf(
  row: Pick<DashboardAppRow, 'setting_values'>,
): Record<string, AppSettingValue> {
  return Object.fromEntries(
    Object.entries(parseJsonObject(row.setting_values)).filter(
      (entry): entry is [string, AppSettingValue] =>
        ['string', 'number', 'boolean'].includes(typeof entry[1]),
    ),
  );
}

/** Definitions with plain values; for secure settings only whether a value is stored. */
export function settingsOf(
  row: Pick<DashboardAppRow, 'settings' | 'setting_values' | 'secure_settings'>,
): AppSettingView[] {
  const plain = plainSettingValuesOf(row);
  const secure = new Set(secureSettingNames(row.secure_settings));
  return settingDefinitionsOf(row).map((definition) =>
    definition.secure
      ? { ...definition, has_value: secure.has(definition.name) }
      : {
          ...definition,
          value: plain[definition.name] ?? null,
          has_value: plain[definition.name] !== undefined,
        },
  );
}

export function proxyAllowlistOf(row: Pick<DashboardAppRow, 'proxy_allowlist'>): string[] {
  return parseJsonArray(row.proxy_allowlist).filter((h): h is string => typeof h === 'string');
}

/**
 * The one JSON shape of a dashboard app; the signing secret and secure setting values never
 * leave the server this way. `visibleToMe`: what the visibility rule says for the caller.
 */
export function presentDashboardApp(row: DashboardAppRow, visibleToMe = true): DashboardApp {
  return {
    id: row.id,
    title: row.title,
    content: framesOf(row),
    allow: permissionsOf(row),
    permissions: grantsOf(row),
    allow_send_anyway: row.allow_send_anyway !== 0,
    has_secret: row.secret_ciphertext !== null,
    created_at: toSecondsOrZero(row.created_at),
    updated_at: toSecondsOrZero(row.updated_at),
    user_id: row.user_id,
    title_ar: row.title_ar,
    description: row.description,
    icon_url: row.icon_url,
    locations: locationsOf(row),
    visibility: visibilityOf(row),
    visible_to_me: visibleToMe,
    enabled: row.enabled === 1,
    position: row.position,
    settings: settingsOf(row),
    proxy_allowlist: proxyAllowlistOf(row),
  };
}
