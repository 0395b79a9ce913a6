import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../source-condition';

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
