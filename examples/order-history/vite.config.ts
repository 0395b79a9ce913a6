import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { sourceResolution } from '../../source-condition';

// The front end lives in web/; `npm run build` writes dist/, which the backend serves.
// `npm run dev` serves it with hot reload and forwards /api to a backend on port 4200.
export default defineConfig({
  ...sourceResolution,
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:4200' },
  },
});
