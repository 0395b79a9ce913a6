import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../source-condition';

// Fault tests (`npm test -- reliability`): real server processes with their own PostgreSQL
// cluster and Redis, faults injected. One file at a time: their time limits assume a quiet CPU.
export default defineConfig({
  // Workspace packages (the SDK's verify helper) from their source, as in the unit tests.
  ...sourceResolution,
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['apps/server/src/reliability/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
