/** The SDK package's own folder (package.json, templates/, dist/), from src/ or dist/ alike. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SDK_PACKAGE_NAME = '@bevatel/dashboard-app-sdk';

export function sdkPackageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
    if (name === SDK_PACKAGE_NAME) return dir;
  }
  throw new Error(`Cannot find the ${SDK_PACKAGE_NAME} package folder`);
}

export function sdkVersion(root: string = sdkPackageRoot()): string {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return version;
}
