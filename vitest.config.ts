import { defineConfig } from 'vitest/config';
import { sourceResolution } from './source-condition';

// Unit and API tests of every workspace; browser tests (e2e/) and fault tests
// (apps/server/vitest.reliability.config.ts) have their own configs.
export default defineConfig({
  ...sourceResolution,
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/web/src/**/*.test.{ts,tsx}',
      'examples/*/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', 'apps/server/src/reliability/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
