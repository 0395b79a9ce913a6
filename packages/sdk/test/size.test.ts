import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildGlobalBundle, bundle, CORE_ENTRY } from './helpers/bundle';

const BUDGET = 2048;

describe('size budget', () => {
  it(`the browser core is at most ${BUDGET} bytes minified + gzipped`, async () => {
    const esm = await bundle(CORE_ENTRY, { format: 'esm', minify: true });
    const iife = await buildGlobalBundle();
    const sizes = {
      esm: { minified: esm.length, gzip: gzipSync(esm, { level: 9 }).length },
      iife: { minified: iife.length, gzip: gzipSync(iife, { level: 9 }).length },
    };
    console.log(
      `sdk browser core: ESM ${sizes.esm.minified} B minified, ${sizes.esm.gzip} B gzip; ` +
        `script-tag IIFE ${sizes.iife.minified} B minified, ${sizes.iife.gzip} B gzip ` +
        `(budget ${BUDGET} B gzip)`,
    );
    expect(sizes.esm.gzip).toBeLessThanOrEqual(BUDGET);
    expect(sizes.iife.gzip).toBeLessThanOrEqual(BUDGET);
  });
});
