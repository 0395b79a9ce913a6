import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import schema from '../schema/app-context.schema.json';

// shared/ stands beside the repository on every developer machine and in CI.
const SEED = new URL('../../../../shared/seed/app-context.schema.json', import.meta.url);

describe('the appContext schema', () => {
  it('is the one derived from the product document, in shared/seed', () => {
    expect(existsSync(SEED), `${SEED.pathname} is missing`).toBe(true);
    expect(schema).toEqual(JSON.parse(readFileSync(SEED, 'utf8')));
  });
});
