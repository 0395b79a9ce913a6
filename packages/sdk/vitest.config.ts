import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../source-condition';

export default defineConfig({
  ...sourceResolution,
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'sdk',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Browser tests launch Chromium and local servers; each file stops what it starts.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
