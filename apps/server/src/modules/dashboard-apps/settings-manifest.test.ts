/**
 * Per-install settings and manifests on both databases: plain values come back, secure ones
 * never do (no dashboard_apps response, no audit row, not the column in clear), and an app
 * installed from its manifest exports the same manifest.
 */
import type { DashboardApp, DashboardAppManifest } from '@bevatel/protocol';
import { checkManifestShape } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { openSecureSettings } from './secure-settings';

const SECRET = 'sk_live_9f8e7d6c5b4a-never-shown';
const SECOND_SECRET = 'sk_live_rotated-0123456789';

const MANIFEST: DashboardAppManifest = {
  manifest_version: 1,
  name: 'Order history',
  name_ar: 'سجل الطلبات',
  description: 'Orders and refunds of the customer',
  icon_url: 'https://shop.example.com/icon.svg',
  url: 'https://shop.example.com/orders?email={{contact.email}}',
  locations: ['conversation.sidebar', 'contact.page'],
  permissions: ['request', 'ui'],
  allow: ['clipboard-write'],
  settings: [
    { name: 'api_key', label: 'API key', type: 'text', secure: true, required: true },
    { name: 'region', label: 'Region', type: 'select', options: ['eu', 'us'], default: 'eu' },
    { name: 'page_size', label: 'Orders per page', type: 'number', required: false, secure: false },
    { name: 'show_refunds', label: 'Show refunds', type: 'boolean' },
  ],
  proxy_allowlist: ['api.shop.example.com', '*.cdn.example.com'],
};

describe.each(DATABASE_KINDS)('dashboard app settings and manifests on %s', (kind) => {
  let t: TestApp;
  let world: World;
  const apps = () => `/api/v1/accounts/${world.accountId}/dashboard_apps`;
  /** Every body a dashboard_apps route answered in this test, to search for secrets. */
  const bodies: string[] = [];
  const call = async (...args: Parameters<typeof request>) => {
    const res = await request(...args);
    bodies.push(res.body);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  let app: DashboardApp;

  it('installs from a manifest with the values asked on the consent screen', async () => {
    expect(checkManifestShape(MANIFEST)).toBeNull();
    const res = await call(t.app, 'POST', `${apps()}/manifest`, {
      as: world.admin,
      body: { manifest: MANIFEST, settings: { api_key: SECRET, page_size: 25 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    app = res.json();
    expect(app).toMatchObject({
      title: 'Order history',
      title_ar: 'سجل الطلبات',
      locations: ['conversation.sidebar', 'contact.page'],
      permissions: ['ui', 'request'],
      proxy_allowlist: ['api.shop.example.com', '*.cdn.example.com'],
      enabled: true,
    });
    expect(app.settings).toEqual([
      {
        name: 'api_key',
        label: 'API key',
        type: 'text',
        required: true,
        secure: true,
        has_value: true,
      },
      {
        name: 'region',
        label: 'Region',
        type: 'select',
        required: false,
        secure: false,
        options: ['eu', 'us'],
        default: 'eu',
        value: null,
        has_value: false,
      },
      {
        name: 'page_size',
        label: 'Orders per page',
        type: 'number',
        required: false,
        secure: false,
        value: 25,
        has_value: true,
      },
      {
        name: 'show_refunds',
        label: 'Show refunds',
        type: 'boolean',
        required: false,
        secure: false,
        value: null,
        has_value: false,
      },
    ]);
  });

  it('exports the same manifest it was installed from (round trip)', async () => {
    const res = await call(t.app, 'GET', `${apps()}/${app.id}/manifest`, { as: world.admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const exported = res.json() as DashboardAppManifest;
    expect(checkManifestShape(exported)).toBeNull();
    const normalise = (m: DashboardAppManifest) => ({
      ...m,
      permissions: [...(m.permissions ?? [])].sort(),
      settings: (m.settings ?? []).map((s) => ({ required: false, secure: false, ...s })),
    });
    expect(normalise(exported)).toEqual(normalise(MANIFEST));
    // …and installs again elsewhere as the same app.
    const again = await call(t.app, 'POST', `${apps()}/manifest`, {
      as: world.admin,
      body: { manifest: exported, settings: { api_key: 'another-key' } },
    });
    expect(again.statusCode, again.body).toBe(200);
    const copy = (
      await call(t.app, 'GET', `${apps()}/${again.json().id}/manifest`, { as: world.admin })
    ).json();
    expect(copy).toEqual(exported);
    await call(t.app, 'DELETE', `${apps()}/${again.json().id}`, { as: world.admin });
  });

  it('keeps a secure value when the form re-sends the setting without it, and replaces it when given', async () => {
    const keep = await call(t.app, 'PATCH', `${apps()}/${app.id}`, {
      as: world.admin,
      body: {
        settings: app.settings.map(({ value: _value, has_value: _has, ...definition }) =>
          definition.name === 'region' ? { ...definition, value: 'us' } : definition,
        ),
      },
    });
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json().settings.find((s: { name: string }) => s.name === 'api_key').has_value).toBe(
      true,
    );
    expect(keep.json().settings.find((s: { name: string }) => s.name === 'region').value).toBe(
      'us',
    );
    // page_size was re-sent without a value: kept too.
    expect(keep.json().settings.find((s: { name: string }) => s.name === 'page_size').value).toBe(
      25,
    );

    const replace = await call(t.app, 'PATCH', `${apps()}/${app.id}`, {
      as: world.admin,
      body: {
        settings: keep
          .json()
          .settings.map(
            ({
              value,
              has_value: _has,
              ...definition
            }: {
              value?: unknown;
              has_value: boolean;
              name: string;
            }) =>
              definition.name === 'api_key'
                ? { ...definition, value: SECOND_SECRET }
                : { ...definition, value },
          ),
      },
    });
    expect(replace.statusCode, replace.body).toBe(200);
    const row = await t.app.db
      .selectFrom('dashboard_apps')
      .selectAll()
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row.secure_settings).not.toContain(SECOND_SECRET);
    expect(
      openSecureSettings(
        row.secure_settings,
        { accountId: world.accountId, appId: app.id },
        t.app.config.secretKeyBase,
      ),
    ).toEqual({ api_key: SECOND_SECRET });
    // A required secure setting cannot be cleared.
    const clear = await call(t.app, 'PATCH', `${apps()}/${app.id}`, {
      as: world.admin,
      body: {
        settings: [
          {
            name: 'api_key',
            label: 'API key',
            type: 'text',
            secure: true,
            required: true,
            value: null,
          },
        ],
      },
    });
    expect(clear.statusCode).toBe(422);
    expect(clear.json().field).toBe('settings[0].value');
  });

  it('never shows a secure value: in any dashboard_apps answer, to agents, or in the audit log', async () => {
    for (const as of [world.admin, world.agent]) {
      await call(t.app, 'GET', apps(), { as });
      await call(t.app, 'GET', `${apps()}/${app.id}`, { as });
      await call(t.app, 'GET', `/api/v1/accounts/${world.accountId}/integrations/apps`, { as });
    }
    await call(t.app, 'GET', `${apps()}/${app.id}/manifest`, { as: world.admin });
    await call(t.app, 'PUT', `${apps()}/order`, { as: world.admin, body: { ids: [app.id] } });
    const audit = await call(t.app, 'GET', `/api/v1/accounts/${world.accountId}/audit_logs`, {
      as: world.admin,
    });
    expect(audit.json().audit_logs.length).toBeGreaterThan(2);
    const rows = await t.app.db.selectFrom('audit_logs').select('changes').execute();
    const changed = rows.map((r) => r.changes).find((c) => c.includes('secure_settings_changed'));
    expect(changed).toContain('api_key');
    for (const text of [...bodies, ...rows.map((r) => r.changes)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECOND_SECRET);
      expect(text).not.toContain('another-key');
    }
    expect(bodies.length).toBeGreaterThan(12);
  });
});
