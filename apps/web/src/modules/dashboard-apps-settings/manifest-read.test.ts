import { describe, expect, it } from 'vitest';
import type { UrlRules } from './form';
import { manifestFileName, manifestOrigin, readManifest } from './manifest-read';

const RULES: UrlRules = { dashboardOrigins: ['http://localhost:3000'], allowedHttpHosts: [] };
const good = {
  manifest_version: 1,
  name: 'Order history',
  url: 'https://apps.example.com/orders?email={{contact.email}}',
  settings: [{ name: 'api_key', label: 'API key', type: 'text', secure: true, required: true }],
  proxy_allowlist: ['api.example.com'],
};

describe('reading a manifest', () => {
  it('accepts a manifest the server would install', () => {
    expect(readManifest(JSON.stringify(good), RULES)).toEqual({ ok: true, manifest: good });
  });

  it('says what is wrong: nothing, not JSON, not an object, the schema, the rules', () => {
    const problems = (text: string) => {
      const reading = readManifest(text, RULES);
      return reading.ok ? [] : reading.problems;
    };
    expect(problems('  ')).toEqual([{ path: '', message: { key: 'manifest.empty' } }]);
    expect(problems('{')[0]?.message).toMatchObject({ key: 'manifest.notJson' });
    expect(problems('[1]')).toEqual([{ path: '', message: { key: 'manifest.notObject' } }]);
    expect(problems(JSON.stringify({ manifest_version: 1, name: 'X' }))[0]).toMatchObject({
      path: 'url',
      message: { text: expect.stringContaining('url') },
    });
    expect(
      problems(
        JSON.stringify({
          ...good,
          url: 'https://{{account.id}}.example.com',
          proxy_allowlist: ['https://api.example.com'],
          settings: [{ name: 'n', label: 'N', type: 'number', secure: true }],
        }),
      ).map((p) => p.path),
    ).toEqual(['url', 'proxy_allowlist[0]', 'settings[0].secure']);
  });

  it('names the origin and the export file', () => {
    expect(manifestOrigin(good)).toBe('https://apps.example.com');
    expect(manifestFileName('Order history (EU)', 4)).toBe('order-history-eu.manifest.json');
    expect(manifestFileName('سجل', 4)).toBe('dashboard-app-4.manifest.json');
  });
});
