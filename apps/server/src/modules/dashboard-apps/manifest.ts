/**
 * Installing an app from its manifest, and exporting any app as one. The manifest's shape is
 * checked against the protocol's schema; its fields then go through the same readers as the
 * `dashboard_apps` body, so a manifest cannot install what the form could not save.
 */
import {
  MANIFEST_VERSION,
  OPEN_VISIBILITY,
  checkManifestShape,
  type AppSettingValue,
  type AppUrlRules,
  type DashboardAppManifest,
  type ManifestSetting,
} from '@bevatel/protocol';
import type { DashboardAppRow } from '../../db/schema';
import { HttpError, invalid } from '../../lib/errors';
import { readCreateInput, type DashboardAppInput } from './input';
import {
  framesOf,
  grantsOf,
  locationsOf,
  permissionsOf,
  proxyAllowlistOf,
  settingDefinitionsOf,
} from './presenter';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Field names of the app body, as the manifest calls them (for error paths). */
const MANIFEST_FIELD: Record<string, string> = {
  title: 'name',
  title_ar: 'name_ar',
  content: 'url',
};

function manifestField(field: string | undefined): string {
  if (!field) return 'manifest';
  const frame = /^content\[(\d+)\]\.url$/.exec(field);
  if (frame) {
    const index = Number(frame[1]);
    return index === 0 ? 'manifest.url' : `manifest.additional_urls[${index - 1}]`;
  }
  const [head = '', ...rest] = field.split(/(?=[.[])/);
  return `manifest.${MANIFEST_FIELD[head] ?? head}${rest.join('')}`;
}

/**
 * `{manifest, settings?: {name: value}}`: the app to create. Values of settings are given
 * beside the manifest (the consent screen asks for them); required ones must be there.
 */
export function readManifestInstall(body: unknown, rules: AppUrlRules): DashboardAppInput {
  if (!isObject(body)) {
    throw new HttpError(
      'unprocessable_entity',
      'The body must be a JSON object {manifest, settings}',
    );
  }
  const unknown = Object.keys(body).find((key) => key !== 'manifest' && key !== 'settings');
  if (unknown !== undefined) throw invalid(unknown, `${unknown} is not accepted here`);
  const manifest = body.manifest;
  if (!isObject(manifest)) throw invalid('manifest', 'manifest must be a JSON object');
  const problem = checkManifestShape(manifest);
  if (problem) {
    const field = problem.path ? `manifest.${problem.path}` : 'manifest';
    throw invalid(field, `manifest: ${problem.message}`);
  }
  const values = body.settings ?? {};
  if (!isObject(values)) throw invalid('settings', 'settings must be an object {name: value}');
  const m = manifest as unknown as DashboardAppManifest;
  const definitions = m.settings ?? [];
  const named = new Set(definitions.map((setting) => setting.name));
  const stray = Object.keys(values).find((name) => !named.has(name));
  if (stray !== undefined) {
    throw invalid(`settings.${stray}`, `settings.${stray}: the manifest defines no such setting`);
  }
  for (const setting of definitions) {
    const given = values[setting.name];
    if (
      setting.required &&
      setting.default === undefined &&
      (given === undefined || given === null || given === '')
    ) {
      throw invalid(
        `settings.${setting.name}`,
        `settings.${setting.name}: ${setting.label} is required`,
      );
    }
  }
  try {
    return readCreateInput(
      {
        title: m.name,
        title_ar: m.name_ar ?? null,
        description: m.description ?? null,
        icon_url: m.icon_url ?? null,
        content: [m.url, ...(m.additional_urls ?? [])].map((url) => ({ type: 'frame', url })),
        locations: m.locations ?? null,
        permissions: m.permissions ?? [],
        allow: m.allow ?? [],
        visibility: OPEN_VISIBILITY,
        enabled: true,
        proxy_allowlist: m.proxy_allowlist ?? [],
        settings: definitions.map((setting) =>
          setting.name in values ? { ...setting, value: values[setting.name] } : { ...setting },
        ),
      },
      rules,
    );
  } catch (error) {
    if (error instanceof HttpError && error.field) {
      const field = error.field.startsWith('settings[')
        ? settingField(error.field, definitions)
        : manifestField(error.field);
      throw invalid(field, error.message.replace(error.field, field));
    }
    throw error;
  }
}

/** `settings[2].value` → `settings.api_key`; `settings[2].type` → `manifest.settings[2].type`. */
function settingField(field: string, definitions: ManifestSetting[]): string {
  const match = /^settings\[(\d+)\]\.(\w+)$/.exec(field);
  if (!match) return `manifest.${field}`;
  const name = definitions[Number(match[1])]?.name ?? '';
  return match[2] === 'value' ? `settings.${name}` : `manifest.${field}`;
}

/** Any app as a manifest: what another account needs to install it (no values, no rule). */
export function manifestOf(row: DashboardAppRow): DashboardAppManifest {
  const frames = framesOf(row);
  const settings: ManifestSetting[] = settingDefinitionsOf(row).map((definition) => {
    const { default: fallback, ...rest } = definition;
    return fallback === undefined ? rest : { ...rest, default: fallback as AppSettingValue };
  });
  const manifest: DashboardAppManifest = {
    manifest_version: MANIFEST_VERSION,
    name: row.title,
    url: frames[0]?.url ?? '',
    locations: locationsOf(row),
    permissions: grantsOf(row),
    allow: permissionsOf(row) as DashboardAppManifest['allow'],
    settings,
    proxy_allowlist: proxyAllowlistOf(row),
  };
  if (row.title_ar) manifest.name_ar = row.title_ar;
  if (row.description) manifest.description = row.description;
  if (row.icon_url) manifest.icon_url = row.icon_url;
  if (frames.length > 1) manifest.additional_urls = frames.slice(1).map((frame) => frame.url);
  return manifest;
}
