import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../source-condition';

// Browser tests: real servers and Debian's Chromium. One file at a time on a 2-core machine.
export default defineConfig({
  ...sourceResolution,
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});
