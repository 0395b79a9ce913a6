import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

const SRC = new URL('../../src/', import.meta.url);

/** Bundles one entry for the browser and returns the code (nothing is written to disk). */
export async function bundle(entry: string | URL, options: BuildOptions = {}): Promise<string> {
  const result = await build({
    entryPoints: [typeof entry === 'string' ? entry : entry.pathname],
    bundle: true,
    write: false,
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    ...options,
  });
  return result.outputFiles?.[0]?.text ?? '';
}

/** The script-tag bundle, built the way tsup builds dist/bevatel-dashboard-app.global.js. */
export function buildGlobalBundle(options: BuildOptions = {}): Promise<string> {
  return bundle(new URL('global.ts', SRC), {
    format: 'iife',
    globalName: 'BevatelDashboardApp',
    minify: true,
    ...options,
  });
}

/** Level 1 alone: appContext and fetch-info. */
export const CORE_ENTRY = new URL('core.ts', SRC);
/** The whole browser client: level 1 and level 2 (the package's main entry). */
export const CLIENT_ENTRY = new URL('index.ts', SRC);
