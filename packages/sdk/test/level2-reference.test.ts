import { readFileSync } from 'node:fs';
import { APP_ERROR_CODES, APP_EVENTS, APP_METHODS, APP_PERMISSIONS } from '@bevatel/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../scripts/gen-payload-reference';
import { generateLevel2Reference, LEVEL2_OUTPUTS } from '../scripts/gen-level2-reference';

describe('docs/dashboard-apps level 2 reference', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await generateLevel2Reference(); // builds a TypeScript program: a few seconds
  });

  it('is up to date with the protocol (run `npm run gen:reference -w @bevatel/dashboard-app-sdk`)', () => {
    expect(Object.keys(files).sort()).toEqual(Object.values(LEVEL2_OUTPUTS).sort());
    for (const [path, expected] of Object.entries(files)) {
      const committed = readFileSync(new URL(path, REPO_ROOT), 'utf8');
      expect(committed, `${path} is stale`).toBe(expected);
    }
  });

  it('has a section for every method and event, and lists every permission and error, in both languages', () => {
    for (const text of Object.values(files)) {
      for (const name of [...APP_METHODS, ...APP_EVENTS]) {
        expect(text).toContain(`### \`${name}\`\n`);
      }
      for (const name of [...APP_PERMISSIONS, ...APP_ERROR_CODES]) {
        expect(text).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
      }
    }
  });

  it('prints the params of each method from the schema the dashboard validates with', () => {
    const english = files[LEVEL2_OUTPUTS.en] ?? '';
    const insert = english.slice(english.indexOf('### `composer.insert`'));
    expect(insert).toMatch(/\| `text` +\| string \(1–150,000 characters\) +\| required/);
    expect(insert).toMatch(
      /\| `mode` +\| `"insert"` \\\| `"replace"` \\\| `"append"` +\| optional/,
    );
    expect(english).toContain('**Result**: `{ labels: string[] }`');
  });
});
