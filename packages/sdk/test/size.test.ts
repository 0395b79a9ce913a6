import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildGlobalBundle, bundle, CLIENT_ENTRY, CORE_ENTRY } from './helpers/bundle';

const CORE_BUDGET = 2048;
const CLIENT_BUDGET = 4096;

const gzip = (code: string) => gzipSync(code, { level: 9 }).length;

describe('size budget', () => {
  it(`the level-1 core is at most ${CORE_BUDGET} bytes minified + gzipped`, async () => {
    const core = await bundle(CORE_ENTRY, { format: 'esm', minify: true });
    console.log(
      `sdk level-1 core: ESM ${core.length} B minified, ${gzip(core)} B gzip (budget ${CORE_BUDGET} B)`,
    );
    expect(gzip(core)).toBeLessThanOrEqual(CORE_BUDGET);
  });

  it(`the whole client with level 2 is at most ${CLIENT_BUDGET} bytes, as ESM and as the script-tag bundle`, async () => {
    const esm = await bundle(CLIENT_ENTRY, { format: 'esm', minify: true });
    const iife = await buildGlobalBundle();
    console.log(
      `sdk level-2 client: ESM ${esm.length} B minified, ${gzip(esm)} B gzip; ` +
        `script-tag IIFE ${iife.length} B minified, ${gzip(iife)} B gzip (budget ${CLIENT_BUDGET} B gzip)`,
    );
    expect(gzip(esm)).toBeLessThanOrEqual(CLIENT_BUDGET);
    expect(gzip(iife)).toBeLessThanOrEqual(CLIENT_BUDGET);
    // The level-2 entry really carries level 2 (the budget measures something).
    expect(esm).toContain('bevatel-dashboard-app:hello');
  });
});
