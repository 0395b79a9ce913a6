/**
 * Readers of the issue-12 fields of a dashboard app body (where it appears, for whom, its
 * Arabic title, description, icon, switch and proxy hosts). Each refusal names the exact field.
 */
import {
  APP_VISIBILITY_ROLES,
  DASHBOARD_APP_DESCRIPTION_MAX_LENGTH,
  DASHBOARD_APP_LOCATIONS,
  DASHBOARD_APP_TITLE_MAX_LENGTH,
  DASHBOARD_APP_URL_MAX_LENGTH,
  MAX_VISIBILITY_IDS,
  PROXY_ALLOWLIST_MAX,
  checkProxyHost,
  isDashboardAppLocation,
  type DashboardAppLocation,
  type DashboardAppVisibility,
  type UserRole,
} from '@bevatel/protocol';
import { refuseBidiControls } from '../../lib/bidi';
import { invalid } from '../../lib/errors';
import { MAX_DB_INTEGER } from '../../lib/schemas';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** An optional single line (null or "" clears it). */
export function readOptionalLine(field: string, value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(field, `${field} must be a string or null`);
  const text = value.trim();
  if (!text) return null;
  if (text.length > max) throw invalid(field, `${field} must be at most ${max} characters`);
  if (CONTROL_CHARACTERS.test(text)) {
    throw invalid(field, `${field} must be a single line without control characters`);
  }
  return text;
}

export function readTitleAr(value: unknown): string | null {
  const title = readOptionalLine('title_ar', value, DASHBOARD_APP_TITLE_MAX_LENGTH);
  if (title !== null) refuseBidiControls('title_ar', title);
  return title;
}

/** Several lines are fine in a description; NUL and other controls but newlines are not. */
export function readDescription(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid('description', 'description must be a string');
  const text = value.trim();
  if (!text) return null;
  if (text.length > DASHBOARD_APP_DESCRIPTION_MAX_LENGTH) {
    throw invalid(
      'description',
      `description must be at most ${DASHBOARD_APP_DESCRIPTION_MAX_LENGTH} characters`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text)) {
    throw invalid('description', 'description must not contain control characters');
  }
  return text;
}

/** An icon is an image the dashboard loads: https only, no credentials, no template. */
export function readIconUrl(value: unknown, field = 'icon_url'): string | null {
  const url = readOptionalLine(field, value, DASHBOARD_APP_URL_MAX_LENGTH);
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(field, `${field} must be a full https:// URL`);
  }
  if (parsed.protocol !== 'https:' || !/^https:\/\/[^/]/i.test(url)) {
    throw invalid(field, `${field} must be a full https:// URL`);
  }
  if (parsed.username || parsed.password) {
    throw invalid(field, `${field} must not contain a user name or password`);
  }
  return url;
}

export function readLocations(value: unknown, field = 'locations'): DashboardAppLocation[] {
  if (!Array.isArray(value)) {
    throw invalid(field, `${field} must be a list of: ${DASHBOARD_APP_LOCATIONS.join(', ')}`);
  }
  if (value.length === 0) throw invalid(field, `${field} must hold at least one location`);
  const seen = new Set<DashboardAppLocation>();
  value.forEach((item: unknown, index) => {
    const at = `${field}[${index}]`;
    if (!isDashboardAppLocation(item)) {
      throw invalid(
        at,
        `${at} must be one of: ${DASHBOARD_APP_LOCATIONS.join(', ')} (got ${JSON.stringify(item)})`,
      );
    }
    if (seen.has(item)) throw invalid(at, `${at} repeats "${item}"`);
    seen.add(item);
  });
  return DASHBOARD_APP_LOCATIONS.filter((location) => seen.has(location));
}

function readIds(value: unknown, field: string): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, `${field} must be a list of ids`);
  if (value.length > MAX_VISIBILITY_IDS) {
    throw invalid(field, `${field} must hold at most ${MAX_VISIBILITY_IDS} ids`);
  }
  const seen = new Set<number>();
  value.forEach((item: unknown, index) => {
    const at = `${field}[${index}]`;
    if (typeof item !== 'number' || !Number.isInteger(item) || item < 1 || item > MAX_DB_INTEGER) {
      throw invalid(at, `${at} must be a positive integer id`);
    }
    if (seen.has(item)) throw invalid(at, `${at} repeats ${item}`);
    seen.add(item);
  });
  return [...seen].sort((a, b) => a - b);
}

/** `{inbox_ids, team_ids, roles}`: each optional, empty means "no restriction". */
export function readVisibility(value: unknown): DashboardAppVisibility {
  if (value === null) return { inbox_ids: [], team_ids: [], roles: [] };
  if (!isObject(value)) {
    throw invalid('visibility', 'visibility must be an object {inbox_ids, team_ids, roles}');
  }
  const unknown = Object.keys(value).find((k) => !['inbox_ids', 'team_ids', 'roles'].includes(k));
  if (unknown !== undefined) {
    throw invalid(`visibility.${unknown}`, `visibility.${unknown} is not a field of visibility`);
  }
  const roles = value.roles ?? [];
  if (!Array.isArray(roles)) throw invalid('visibility.roles', 'visibility.roles must be a list');
  const seen = new Set<UserRole>();
  roles.forEach((item: unknown, index) => {
    const at = `visibility.roles[${index}]`;
    if (!(APP_VISIBILITY_ROLES as readonly unknown[]).includes(item)) {
      throw invalid(at, `${at} must be one of: ${APP_VISIBILITY_ROLES.join(', ')}`);
    }
    if (seen.has(item as UserRole)) throw invalid(at, `${at} repeats "${String(item)}"`);
    seen.add(item as UserRole);
  });
  return {
    inbox_ids: readIds(value.inbox_ids, 'visibility.inbox_ids'),
    team_ids: readIds(value.team_ids, 'visibility.team_ids'),
    roles: APP_VISIBILITY_ROLES.filter((role) => seen.has(role)),
  };
}

export function readEnabled(value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalid('enabled', 'enabled must be true or false');
  return value;
}

export function readProxyAllowlist(value: unknown, field = 'proxy_allowlist'): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, `${field} must be a list of host names`);
  if (value.length > PROXY_ALLOWLIST_MAX) {
    throw invalid(field, `${field} must hold at most ${PROXY_ALLOWLIST_MAX} hosts`);
  }
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const at = `${field}[${index}]`;
    if (typeof item !== 'string') throw invalid(at, `${at} must be a host name`);
    const host = item.trim();
    const problem = checkProxyHost(host);
    if (problem) throw invalid(at, `${at}: ${problem}`);
    if (seen.has(host)) throw invalid(at, `${at} repeats "${host}"`);
    seen.add(host);
    return host;
  });
}
