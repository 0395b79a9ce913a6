/**
 * Finds the SDK's script-tag bundle (`dist/bevatel-dashboard-app.global.js` of
 * @bevatel/dashboard-app-sdk). In this repository the SDK may not be built yet; then the same
 * IIFE is bundled from the SDK's sources with esbuild, once, in memory.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@bevatel/dashboard-app-sdk';
const BUNDLE = 'dist/bevatel-dashboard-app.global.js';
const GLOBAL_SOURCE = 'src/global.ts';

/** Node's own lookup: the nearest node_modules/<PACKAGE> above this file. */
export function findSdkDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', PACKAGE);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${PACKAGE} is not installed (run npm install)`);
  }
}

const bundledFromSource = new Map<string, Promise<string>>();

/** The bundle's text. Read on every call when built, so a rebuilt SDK is served at once. */
export function loadSdkBundle(sdkDir: string = findSdkDir()): Promise<string> {
  const built = join(sdkDir, BUNDLE);
  if (existsSync(built)) return readFile(built, 'utf8');
  let bundle = bundledFromSource.get(sdkDir);
  if (!bundle) {
    bundle = bundleFromSource(sdkDir).catch((error: unknown) => {
      bundledFromSource.delete(sdkDir);
      throw error;
    });
    bundledFromSource.set(sdkDir, bundle);
  }
  return bundle;
}

async function bundleFromSource(sdkDir: string): Promise<string> {
  const entry = join(sdkDir, GLOBAL_SOURCE);
  if (!existsSync(entry)) {
    throw new Error(`${PACKAGE} has neither ${BUNDLE} nor ${GLOBAL_SOURCE}: build the SDK first`);
  }
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'BevatelDashboardApp',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the SDK bundle');
  return file.text;
}
