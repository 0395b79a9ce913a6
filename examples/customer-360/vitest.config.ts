import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../source-condition';

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
