import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('accounts on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const url = () => `/api/v1/accounts/${w.accountId}`;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('shows the account with the caller’s role', async () => {
    const asAgent = await request(t.app, 'GET', url(), { as: w.agent });
    expect(asAgent.statusCode).toBe(200);
    expect(asAgent.json()).toEqual({
      id: w.accountId,
      name: 'Acme Support',
      locale: 'en',
      contacts_by_inbox: false,
      role: 'agent',
      created_at: expect.any(Number),
    });
    const asAdmin = await request(t.app, 'GET', url(), { as: w.admin });
    expect(asAdmin.json().role).toBe('administrator');
  });

  it('hides accounts the caller does not belong to', async () => {
    const res = await request(t.app, 'GET', `/api/v1/accounts/${w.otherAccountId}`, {
      as: w.admin,
    });
    expect(res.statusCode).toBe(404);
    const missing = await request(t.app, 'GET', '/api/v1/accounts/999999', { as: w.admin });
    expect(missing.statusCode).toBe(404);
  });

  it('lets an administrator rename the account and change its locale', async () => {
    const res = await request(t.app, 'PATCH', url(), {
      as: w.admin,
      body: { name: '  Acme Help  ', locale: 'ar' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Acme Help', locale: 'ar' });
    const again = await request(t.app, 'GET', url(), { as: w.agent });
    expect(again.json()).toMatchObject({ name: 'Acme Help', locale: 'ar' });
    const empty = await request(t.app, 'PATCH', url(), { as: w.admin, body: {} });
    expect(empty.statusCode).toBe(200);
    expect(empty.json().name).toBe('Acme Help');
  });

  it('refuses agents and bad input', async () => {
    const agent = await request(t.app, 'PATCH', url(), { as: w.agent, body: { name: 'Mine' } });
    expect(agent.statusCode).toBe(403);
    const locale = await request(t.app, 'PATCH', url(), { as: w.admin, body: { locale: 'fr' } });
    expect(locale.statusCode).toBe(422);
    expect(locale.json().field).toBe('locale');
    const blank = await request(t.app, 'PATCH', url(), { as: w.admin, body: { name: '   ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().field).toBe('name');
    const extra = await request(t.app, 'PATCH', url(), { as: w.admin, body: { plan: 'free' } });
    expect(extra.statusCode).toBe(422);
    expect(extra.json().field).toBe('plan');
  });
});
