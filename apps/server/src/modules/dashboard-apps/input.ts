/**
 * Reads a dashboard app's create/update body by hand rather than with a JSON schema: the body
 * may come bare or wrapped as `{dashboard_app: …}` (Chatwoot's clients send both), and every
 * refusal must name the exact field (`title`, `content[0].url`, `allow[1]`) in either form.
 */
import {
  APP_PERMISSIONS,
  APP_URL_PROBLEM_MESSAGES,
  DEFAULT_APP_PERMISSIONS,
  DASHBOARD_APP_MAX_FRAMES,
  DASHBOARD_APP_PERMISSIONS,
  DASHBOARD_APP_TITLE_MAX_LENGTH,
  isAppPermission,
  isDashboardAppPermission,
  DEFAULT_APP_LOCATIONS,
  OPEN_VISIBILITY,
  urlTemplateIssueMessage,
  validateAppUrlTemplate,
  type AppPermission,
  type DashboardAppLocation,
  type DashboardAppVisibility,
  type AppUrlRules,
  type DashboardAppFrame,
  type DashboardAppPermission,
} from '@bevatel/protocol';
import { HttpError, invalid } from '../../lib/errors';
import { refuseBidiControls } from '../../lib/bidi';
import {
  readDescription,
  readEnabled,
  readIconUrl,
  readLocations,
  readProxyAllowlist,
  readTitleAr,
  readVisibility,
} from './placement-input';
import { readSettings, type SettingInput } from './settings-input';

export interface DashboardAppInput {
  title: string;
  content: DashboardAppFrame[];
  allow: DashboardAppPermission[];
  /** Level-2 grants, in the protocol's order. */
  permissions: AppPermission[];
  allow_send_anyway: boolean;
  title_ar: string | null;
  description: string | null;
  icon_url: string | null;
  locations: DashboardAppLocation[];
  visibility: DashboardAppVisibility;
  enabled: boolean;
  /** Null: no change to the settings (create: none). */
  settings: SettingInput[] | null;
  proxy_allowlist: string[];
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const APP_KEYS = [
  'title',
  'content',
  'allow',
  'permissions',
  'allow_send_anyway',
  'title_ar',
  'description',
  'icon_url',
  'locations',
  'visibility',
  'enabled',
  'settings',
  'proxy_allowlist',
];
const FRAME_KEYS = ['type', 'url'];

/** Unknown keys are refused, naming the first: a misspelt field must not pass silently. */
function onlyKnownKeys(fields: Fields, known: readonly string[], prefix = ''): void {
  const unknown = Object.keys(fields).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw invalid(`${prefix}${unknown}`, `${prefix}${unknown} is not a field of a dashboard app`);
  }
}

function unwrap(body: unknown): Fields {
  if (body === undefined || body === null) return {};
  if (!isObject(body)) {
    throw new HttpError('unprocessable_entity', 'The body must be a JSON object {title, content}');
  }
  if (!('dashboard_app' in body)) {
    onlyKnownKeys(body, APP_KEYS);
    return body;
  }
  onlyKnownKeys(body, ['dashboard_app']);
  if (!isObject(body.dashboard_app)) {
    throw invalid(
      'dashboard_app',
      'dashboard_app must be an object {title, content, allow, permissions}',
    );
  }
  onlyKnownKeys(body.dashboard_app, APP_KEYS);
  return body.dashboard_app;
}

function readTitle(value: unknown): string {
  if (value === undefined || value === null) throw invalid('title', 'title is required');
  if (typeof value !== 'string') throw invalid('title', 'title must be a string');
  const title = value.trim();
  if (!title) throw invalid('title', 'title must not be blank');
  if (title.length > DASHBOARD_APP_TITLE_MAX_LENGTH) {
    throw invalid('title', `title must be at most ${DASHBOARD_APP_TITLE_MAX_LENGTH} characters`);
  }
  if (CONTROL_CHARACTERS.test(title)) {
    throw invalid('title', 'title must be a single line without control characters');
  }
  refuseBidiControls('title', title);
  return title;
}

function readFrame(value: unknown, index: number, rules: AppUrlRules): DashboardAppFrame {
  const at = `content[${index}]`;
  if (!isObject(value)) throw invalid(at, `${at} must be an object {type: "frame", url}`);
  onlyKnownKeys(value, FRAME_KEYS, `${at}.`);
  if (value.type !== 'frame') throw invalid(`${at}.type`, `${at}.type must be "frame"`);
  if (value.url === undefined || value.url === null) {
    throw invalid(`${at}.url`, `${at}.url is required`);
  }
  if (typeof value.url !== 'string') throw invalid(`${at}.url`, `${at}.url must be a string`);
  const url = value.url.trim();
  const issue = validateAppUrlTemplate(url, rules);
  if (issue) {
    throw invalid(
      `${at}.url`,
      `${at}.url: ${urlTemplateIssueMessage(issue, APP_URL_PROBLEM_MESSAGES)}`,
    );
  }
  return { type: 'frame', url };
}

function readContent(value: unknown, rules: AppUrlRules): DashboardAppFrame[] {
  if (value === undefined || value === null) throw invalid('content', 'content is required');
  if (!Array.isArray(value)) {
    throw invalid('content', 'content must be a list of frames [{type: "frame", url}]');
  }
  if (value.length === 0) throw invalid('content', 'content must hold at least one frame');
  if (value.length > DASHBOARD_APP_MAX_FRAMES) {
    throw invalid('content', `content must hold at most ${DASHBOARD_APP_MAX_FRAMES} frames`);
  }
  return value.map((frame, index) => readFrame(frame, index, rules));
}

function readAllow(value: unknown): DashboardAppPermission[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid('allow', 'allow must be a list of permission names');
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const at = `allow[${index}]`;
    if (!isDashboardAppPermission(item)) {
      throw invalid(
        at,
        `${at} must be one of: ${DASHBOARD_APP_PERMISSIONS.join(', ')} (got ${JSON.stringify(item)})`,
      );
    }
    if (seen.has(item)) throw invalid(at, `${at} repeats "${item}"`);
    seen.add(item);
    return item;
  });
}

function readSendAnyway(value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw invalid('allow_send_anyway', 'allow_send_anyway must be true or false');
  return value;
}

/** Level-2 grants: known names, each once; stored in the protocol's order. */
function readPermissions(value: unknown): AppPermission[] {
  if (!Array.isArray(value)) {
    throw invalid('permissions', 'permissions must be a list of permission names');
  }
  const seen = new Set<AppPermission>();
  value.forEach((item: unknown, index) => {
    const at = `permissions[${index}]`;
    if (!isAppPermission(item)) {
      throw invalid(
        at,
        `${at} must be one of: ${APP_PERMISSIONS.join(', ')} (got ${JSON.stringify(item)})`,
      );
    }
    if (seen.has(item)) throw invalid(at, `${at} repeats "${item}"`);
    seen.add(item);
  });
  return APP_PERMISSIONS.filter((name) => seen.has(name));
}

/**
 * A new app: title and content required, allow optional; without `permissions` it gets the
 * default (private notes in its context, nothing else).
 */
export function readCreateInput(body: unknown, rules: AppUrlRules): DashboardAppInput {
  const fields = unwrap(body);
  return {
    title: readTitle(fields.title),
    content: readContent(fields.content, rules),
    allow: readAllow(fields.allow),
    permissions:
      fields.permissions === undefined || fields.permissions === null
        ? [...DEFAULT_APP_PERMISSIONS]
        : readPermissions(fields.permissions),
    allow_send_anyway:
      fields.allow_send_anyway === undefined ? true : readSendAnyway(fields.allow_send_anyway),
    title_ar: readTitleAr(fields.title_ar),
    description: readDescription(fields.description),
    icon_url: readIconUrl(fields.icon_url),
    locations:
      fields.locations === undefined || fields.locations === null
        ? [...DEFAULT_APP_LOCATIONS]
        : readLocations(fields.locations),
    visibility:
      fields.visibility === undefined ? OPEN_VISIBILITY : readVisibility(fields.visibility),
    enabled: fields.enabled === undefined ? true : readEnabled(fields.enabled),
    settings: fields.settings === undefined ? null : readSettings(fields.settings),
    proxy_allowlist: readProxyAllowlist(fields.proxy_allowlist),
  };
}

/** A change (PATCH or PUT alike): only the fields given are checked and changed. */
export function readUpdateInput(body: unknown, rules: AppUrlRules): Partial<DashboardAppInput> {
  const fields = unwrap(body);
  const input: Partial<DashboardAppInput> = {};
  if ('title' in fields) input.title = readTitle(fields.title);
  if ('content' in fields) input.content = readContent(fields.content, rules);
  if ('allow' in fields) input.allow = readAllow(fields.allow);
  if ('permissions' in fields) input.permissions = readPermissions(fields.permissions);
  if ('allow_send_anyway' in fields) {
    input.allow_send_anyway = readSendAnyway(fields.allow_send_anyway);
  }
  if ('title_ar' in fields) input.title_ar = readTitleAr(fields.title_ar);
  if ('description' in fields) input.description = readDescription(fields.description);
  if ('icon_url' in fields) input.icon_url = readIconUrl(fields.icon_url);
  if ('locations' in fields) input.locations = readLocations(fields.locations);
  if ('visibility' in fields) input.visibility = readVisibility(fields.visibility);
  if ('enabled' in fields) input.enabled = readEnabled(fields.enabled);
  if ('settings' in fields) input.settings = readSettings(fields.settings);
  if ('proxy_allowlist' in fields)
    input.proxy_allowlist = readProxyAllowlist(fields.proxy_allowlist);
  return input;
}
