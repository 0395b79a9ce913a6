/**
 * The SDK files this installation serves to app developers, read from the SDK package folder
 * (packages/sdk): its version, the script-tag bundle (dist/) and the npm tarball (release/,
 * written by the SDK's build). Each file is re-read only when it changes on disk, so a rebuilt
 * SDK is served at once and an unchanged one costs a stat.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SdkFile {
  body: Buffer;
  /** Subresource Integrity value: `sha384-<base64>`. */
  integrity: string;
  /** Strong validator for conditional requests. */
  etag: string;
}

/** The npm tarball's name for a version, as `npm pack` names a scoped package. */
export const tarballName = (version: string) => `bevatel-dashboard-app-sdk-${version}.tgz`;

export const SCRIPT_BUNDLE = 'dist/bevatel-dashboard-app.global.js';
export const SCRIPT_SOURCE_MAP = 'dist/bevatel-dashboard-app.global.js.map';

export interface SdkFiles {
  /** The SDK's version, from its package.json; null when the folder holds no SDK. */
  version(): string | null;
  /** A file of the SDK folder by its relative path, or null when it is not there. */
  file(relativePath: string): SdkFile | null;
}

export function sdkFiles(root: string): SdkFiles {
  const cache = new Map<string, { mtimeMs: number; size: number; file: SdkFile }>();
  const file = (relativePath: string): SdkFile | null => {
    const path = join(root, relativePath);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return null;
    }
    if (!stats.isFile()) return null;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) {
      return cached.file;
    }
    const body = readFileSync(path);
    const sha384 = createHash('sha384').update(body).digest('base64');
    const entry: SdkFile = {
      body,
      integrity: `sha384-${sha384}`,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    };
    cache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, file: entry });
    return entry;
  };
  return {
    version: () => {
      const manifest = file('package.json');
      if (!manifest) return null;
      const parsed = JSON.parse(manifest.body.toString('utf8')) as { version?: unknown };
      return typeof parsed.version === 'string' ? parsed.version : null;
    },
    file,
  };
}
