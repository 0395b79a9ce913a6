import { defineConfig } from 'tsup';

// The protocol package is private and not published: inline its types into the .d.ts files.
const inlineProtocolTypes = {
  resolve: true,
  compilerOptions: { paths: { '@bevatel/protocol': ['../protocol/src/index.ts'] } },
};

// @bevatel/protocol is a devDependency, so tsup bundles what the SDK uses of it (code and
// types): the published package has no runtime dependencies. React stays external (peer).
export default defineConfig([
  {
    entry: { index: 'src/index.ts', react: 'src/react/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'browser',
    target: 'es2020',
    dts: inlineProtocolTypes,
    clean: true,
    sourcemap: true,
  },
  {
    entry: { server: 'src/server/index.ts', simulator: 'src/simulator/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: {
      entry: { server: 'src/server/index.ts', simulator: 'src/simulator/index.ts' },
      ...inlineProtocolTypes,
    },
    sourcemap: true,
  },
  {
    // The bin's entry: ESM only.
    entry: { 'cli-run': 'src/cli-run.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
  },
  {
    // The script-tag bundle: one global, `BevatelDashboardApp`.
    entry: { 'bevatel-dashboard-app': 'src/global.ts' },
    format: ['iife'],
    globalName: 'BevatelDashboardApp',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
  },
]);
