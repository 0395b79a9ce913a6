import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePayloadReference, REPO_ROOT } from '../scripts/gen-payload-reference';

describe('docs/dashboard-apps payload reference', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await generatePayloadReference(); // builds a TypeScript program: a few seconds
  });

  it('is up to date with the protocol types (run `npm run gen:reference -w @bevatel/dashboard-app-sdk`)', () => {
    expect(Object.keys(files).length).toBe(2);
    for (const [path, expected] of Object.entries(files)) {
      const committed = readFileSync(new URL(path, REPO_ROOT), 'utf8');
      expect(committed, `${path} is stale`).toBe(expected);
    }
  });

  it('lists every field of the product document', () => {
    const english = Object.values(files)[0] ?? '';
    for (const field of [
      'allMessagesLoaded',
      'hmac_verified',
      'social_profiles',
      'source_id',
      'currentAgent',
      'platform_version',
    ]) {
      expect(english).toContain(`\`${field}\``);
    }
  });
});
