/**
 * Inside this monorepo, workspace packages resolve to their TypeScript source through the
 * custom export condition `@bevatel/source` (see packages/sdk/package.json); everyone else gets
 * the built `dist/` through `import`/`require`/`types`. The same condition is set for tsc
 * (`customConditions` in tsconfig.base.json), for Node and tsx (`--conditions`), and here for
 * Vite and vitest.
 */
import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';

export const SOURCE_CONDITION = '@bevatel/source';

/**
 * Server-side conditions as plain Node uses them. vitest hands these to the Node processes that
 * load dependencies, and Vite's `module` (a bundlers' convention) made Node pick ES builds
 * meant for bundlers (e.g. the AWS SDK's dist-es, whose imports lack file extensions).
 */
const nodeConditions = defaultServerConditions.filter((condition) => condition !== 'module');

/** Vite/vitest `resolve` settings: the source condition first, then Vite's defaults. */
export const sourceResolution = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: {
    resolve: {
      conditions: [SOURCE_CONDITION, ...nodeConditions],
      externalConditions: [SOURCE_CONDITION],
    },
  },
} satisfies UserConfig;
