import { defineConfig } from 'tsup';

/**
 * Two browser bundles, no framework: `sdk.js` (the launcher every page of the customer's site
 * loads, kept under its gzip budget in bench/web) and `frame.js` (the chat, loaded only when
 * the visitor opens it). `public/` (frame.html, frame.css) is copied beside them.
 */
export default defineConfig({
  entry: { sdk: 'src/launcher/index.ts', frame: 'src/frame/index.ts' },
  format: ['iife'],
  outExtension: () => ({ js: '.js' }),
  target: 'es2020',
  minify: true,
  sourcemap: false,
  clean: true,
  publicDir: 'public',
  outDir: 'dist',
});
