/**
 * Reading a pasted or uploaded manifest before the consent screen: JSON, then the protocol's
 * schema, then the rules the server applies to its parts (URL templates, proxy hosts, setting
 * definitions), so what the consent screen shows can be installed.
 */
import {
  checkAppSettingDefinition,
  checkManifestShape,
  checkProxyHost,
  type DashboardAppManifest,
} from '@bevatel/protocol';
import type { FieldMessage } from './form-messages';
import { urlProblemKey, type UrlRules } from './form';

/** Largest file read: a manifest is a few kilobytes. */
export const MANIFEST_MAX_BYTES = 256 * 1024;

export interface ManifestProblem {
  /** Where in the manifest (`url`, `settings[1].options`), empty for the whole document. */
  path: string;
  message: FieldMessage;
}

export type ManifestReading =
  { ok: true; manifest: DashboardAppManifest } | { ok: false; problems: ManifestProblem[] };

export function readManifest(text: string, rules: UrlRules): ManifestReading {
  if (!text.trim())
    return { ok: false, problems: [{ path: '', message: { key: 'manifest.empty' } }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '', message: { key: 'manifest.notJson', values: { detail } } }],
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ path: '', message: { key: 'manifest.notObject' } }] };
  }
  const shape = checkManifestShape(value);
  if (shape)
    return { ok: false, problems: [{ path: shape.path, message: { text: shape.message } }] };
  const manifest = value as DashboardAppManifest;
  const problems: ManifestProblem[] = [];
  const urls = [manifest.url, ...(manifest.additional_urls ?? [])];
  urls.forEach((url, index) => {
    const message = urlProblemKey(url, rules);
    if (message)
      problems.push({ path: index === 0 ? 'url' : `additional_urls[${index - 1}]`, message });
  });
  (manifest.proxy_allowlist ?? []).forEach((host, index) => {
    const problem = checkProxyHost(host.trim());
    if (problem) problems.push({ path: `proxy_allowlist[${index}]`, message: { text: problem } });
  });
  const names = new Set<string>();
  (manifest.settings ?? []).forEach((setting, index) => {
    const problem = checkAppSettingDefinition({
      ...setting,
      required: setting.required ?? false,
      secure: setting.secure ?? false,
    });
    if (problem) {
      problems.push({
        path: `settings[${index}].${problem.key}`,
        message: { text: problem.message },
      });
    }
    if (names.has(setting.name)) {
      problems.push({ path: `settings[${index}].name`, message: { key: 'settings.nameTaken' } });
    }
    names.add(setting.name);
  });
  return problems.length ? { ok: false, problems } : { ok: true, manifest };
}

/** The origin the app is served from, as the consent screen names it. */
export function manifestOrigin(manifest: Pick<DashboardAppManifest, 'url'>): string {
  try {
    return new URL(manifest.url.replace(/\{\{[^{}]*\}\}/g, '0')).origin;
  } catch {
    return manifest.url;
  }
}

/** A file name for an exported manifest: the app's name in lower-case words. */
export function manifestFileName(title: string, id: number): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || `dashboard-app-${id}`}.manifest.json`;
}
