import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { checkManifestShape, manifestJsonSchema, type DashboardAppManifest } from './manifest';

const PUBLISHED = new URL('../schema/dashboard-app-manifest.schema.json', import.meta.url);

const valid: DashboardAppManifest = {
  manifest_version: 1,
  name: 'Orders',
  url: 'https://shop.example.com/orders?email={{contact.email}}',
  locations: ['conversation.sidebar'],
  permissions: ['request'],
  settings: [{ name: 'api_key', label: 'API key', type: 'text', secure: true, required: true }],
  proxy_allowlist: ['api.shop.example.com'],
};

describe('the manifest schema', () => {
  it('is published as generated (regenerate: npx tsx packages/protocol/scripts/write-manifest-schema.ts)', () => {
    expect(JSON.parse(readFileSync(PUBLISHED, 'utf8'))).toEqual(manifestJsonSchema());
  });

  it('is real JSON Schema 2020-12, and checkManifestShape agrees with Ajv', () => {
    const ajv = new Ajv2020({ strict: true, strictTuples: false });
    const check = ajv.compile(manifestJsonSchema());
    const cases: unknown[] = [
      valid,
      { ...valid, manifest_version: 2 },
      { ...valid, url: undefined },
      { ...valid, name: '' },
      { ...valid, locations: [] },
      { ...valid, locations: ['header'] },
      { ...valid, permissions: ['root'] },
      { ...valid, settings: [{ name: 'Bad Name', label: 'x', type: 'text' }] },
      { ...valid, settings: [{ name: 'a', label: 'x', type: 'color' }] },
      { ...valid, settings: [{ name: 'a', label: 'x', type: 'number', default: 1.5 }] },
      { ...valid, scripts: ['evil.js'] },
      { manifest_version: 1, name: 'Minimal', url: 'https://a.example.com' },
    ];
    for (const value of cases) {
      expect(checkManifestShape(value) === null, JSON.stringify(value)).toBe(check(value));
    }
    expect(checkManifestShape({ ...valid, manifest_version: 2 })?.path).toBe('manifest_version');
  });
});
