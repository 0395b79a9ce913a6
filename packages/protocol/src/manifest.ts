/**
 * The dashboard app manifest (issue 12): one JSON document that describes an app so an
 * administrator can install it without retyping it, and that any installed app exports. The
 * schema is written once with the level-2 builders; `schema/dashboard-app-manifest.schema.json`
 * is generated from it (a test keeps the two equal) and published in the guide. Values of
 * settings, visibility and the on/off switch are per install, so they are not part of it.
 */
import {
  APP_SETTING_LIMITS,
  APP_SETTING_TYPES,
  type AppSettingDefinition,
  type AppSettingValue,
} from './app-settings';
import { APP_REQUEST_LIMITS, PROXY_ALLOWLIST_MAX } from './app-request';
import {
  DASHBOARD_APP_MAX_FRAMES,
  DASHBOARD_APP_PERMISSIONS,
  DASHBOARD_APP_TITLE_MAX_LENGTH,
  DASHBOARD_APP_URL_MAX_LENGTH,
  type DashboardAppPermission,
} from './app-url';
import { APP_PERMISSIONS, type AppPermission } from './level2/permissions';
import {
  array,
  boolean,
  literals,
  object,
  optional,
  string,
  validate,
  type Schema,
  type SchemaProblem,
} from './level2/schema';
import {
  DASHBOARD_APP_DESCRIPTION_MAX_LENGTH,
  DASHBOARD_APP_LOCATIONS,
  type DashboardAppLocation,
} from './placements';

export const MANIFEST_VERSION = 1;

/** Where the schema is published (its `$id`): the guide serves it at this path. */
export const MANIFEST_SCHEMA_PATH = '/docs/dashboard-apps/dashboard-app-manifest.schema.json';

export interface DashboardAppManifest {
  manifest_version: typeof MANIFEST_VERSION;
  name: string;
  name_ar?: string;
  description?: string;
  icon_url?: string;
  /** The app's URL, possibly a template (`{{contact.email}}`…). */
  url: string;
  /** Further frames shown below the first (rare). */
  additional_urls?: string[];
  locations?: DashboardAppLocation[];
  /** Level-2 permissions the app asks for; the consent screen shows each. */
  permissions?: AppPermission[];
  /** Browser features for its frame (`clipboard-write`…). */
  allow?: DashboardAppPermission[];
  settings?: ManifestSetting[];
  proxy_allowlist?: string[];
}

export type ManifestSetting = Omit<AppSettingDefinition, 'required' | 'secure'> & {
  required?: boolean;
  secure?: boolean;
};

const url = (description: string) =>
  string({ minLength: 1, maxLength: DASHBOARD_APP_URL_MAX_LENGTH, description });

const settingSchema = object({
  name: string({
    minLength: 1,
    maxLength: APP_SETTING_LIMITS.nameLength,
    pattern: '^[a-z][a-z0-9_]*$',
    description: 'lower-case letters, digits and _, starting with a letter',
  }),
  label: string({ minLength: 1, maxLength: APP_SETTING_LIMITS.labelLength }),
  label_ar: optional(string({ minLength: 1, maxLength: APP_SETTING_LIMITS.labelLength })),
  description: optional(string({ maxLength: APP_SETTING_LIMITS.descriptionLength })),
  type: literals(APP_SETTING_TYPES),
  required: optional(boolean()),
  secure: optional(boolean({ description: 'sealed on the server, never sent to a browser' })),
  options: optional(
    array(string({ minLength: 1, maxLength: APP_SETTING_LIMITS.optionLength }), {
      minItems: 1,
      maxItems: APP_SETTING_LIMITS.options,
      uniqueItems: true,
    }),
  ),
  default: optional({
    anyOf: [
      { type: 'string', maxLength: APP_SETTING_LIMITS.valueLength },
      { type: 'number' },
      { type: 'boolean' },
    ],
    description: 'used when no value is entered (not for secure settings)',
  } as Schema<AppSettingValue>),
});

export const MANIFEST_SCHEMA = object(
  {
    $schema: optional(string({ maxLength: DASHBOARD_APP_URL_MAX_LENGTH })),
    manifest_version: {
      enum: [MANIFEST_VERSION],
      description: 'the version of this format',
    } as Schema<typeof MANIFEST_VERSION>,
    name: string({ minLength: 1, maxLength: DASHBOARD_APP_TITLE_MAX_LENGTH }),
    name_ar: optional(string({ minLength: 1, maxLength: DASHBOARD_APP_TITLE_MAX_LENGTH })),
    description: optional(string({ maxLength: DASHBOARD_APP_DESCRIPTION_MAX_LENGTH })),
    icon_url: optional(url('an https:// image')),
    url: url('https:// URL of the app; may hold {{placeholders}} in its path, query and fragment'),
    additional_urls: optional(
      array(url('further frames'), { maxItems: DASHBOARD_APP_MAX_FRAMES - 1 }),
    ),
    locations: optional(
      array(literals(DASHBOARD_APP_LOCATIONS), { minItems: 1, uniqueItems: true }),
    ),
    permissions: optional(array(literals(APP_PERMISSIONS), { uniqueItems: true })),
    allow: optional(array(literals(DASHBOARD_APP_PERMISSIONS), { uniqueItems: true })),
    settings: optional(array(settingSchema, { maxItems: APP_SETTING_LIMITS.settings })),
    proxy_allowlist: optional(
      array(string({ minLength: 1, maxLength: 253 }), {
        maxItems: PROXY_ALLOWLIST_MAX,
        uniqueItems: true,
      }),
    ),
  },
  {
    description: `A Bevatel dashboard app (request proxy: ${APP_REQUEST_LIMITS.timeoutMs / 1000} s, 1 MiB)`,
  },
) as Schema<DashboardAppManifest>;

/** The schema as published: a JSON Schema document of its own. */
export function manifestJsonSchema(baseUrl = 'https://bevatel.example'): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${baseUrl}${MANIFEST_SCHEMA_PATH}`,
    title: 'Bevatel dashboard app manifest',
    ...MANIFEST_SCHEMA,
  };
}

/** The first way `value` is not a manifest by its schema (shape, types, limits), or null. */
export function checkManifestShape(value: unknown): SchemaProblem | null {
  return validate(MANIFEST_SCHEMA, value);
}
