import { defineConfig } from 'tsup';

// One bundle for the server; workspace packages (protocol) are bundled in, npm deps stay external.
export const config = defineConfig({
  entry: { main: 'src/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  noExternal: [/^@bevatel\//],
});

// tsup reads the default export.
export { config as default };
