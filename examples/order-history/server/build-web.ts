/** Builds the front end with Vite (the same as `npm run build`), for starters that need it. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST = join(APP_DIR, 'dist');

export type BuildMode = 'if-missing' | 'always' | 'never';

/** Builds into `outDir` (default dist/; tests use a directory of their own). */
export async function ensureWebBuild(mode: BuildMode, outDir: string = WEB_DIST): Promise<void> {
  if (mode === 'never' || (mode === 'if-missing' && existsSync(join(outDir, 'index.html')))) {
    return;
  }
  // Vite is a build tool (a devDependency): loaded only when a build is wanted.
  const { build } = await import('vite');
  await build({
    configFile: join(APP_DIR, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}
