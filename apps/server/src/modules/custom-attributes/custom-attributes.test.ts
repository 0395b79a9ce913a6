import { APP_CONVERSATION_HEADER, APP_ID_HEADER } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { fixtureConversation, recordEvents } from '../../test/conversations';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('custom attribute definitions on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const account = () => `/api/v1/accounts/${w.accountId}`;
  const base = () => `${account()}/custom_attribute_definitions`;
  const define = (body: Record<string, unknown>) =>
    request(t.app, 'POST', base(), { as: w.admin, body });

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('creates definitions of every type and lists them per model in order', async () => {
    const events = recordEvents(t.app);
    const plan = await define({
      attribute_display_name: ' Plan ',
      attribute_key: 'plan',
      attribute_display_type: 'list',
      attribute_values: ['gold', 'silver'],
      attribute_model: 'contact_attribute',
      attribute_description: 'What they pay for',
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toEqual({
      id: expect.any(Number),
      attribute_display_name: 'Plan',
      attribute_display_type: 'list',
      attribute_description: 'What they pay for',
      attribute_key: 'plan',
      regex_pattern: null,
      attribute_values: ['gold', 'silver'],
      attribute_model: 'contact_attribute',
      default_value: null,
      created_at: expect.any(Number),
      updated_at: expect.any(Number),
    });
    for (const [key, type] of [
      ['seats', 'number'],
      ['crm_url', 'link'],
      ['renewal', 'date'],
      ['vip', 'checkbox'],
    ] as const) {
      const res = await define({
        attribute_display_name: key,
        attribute_key: key,
        attribute_display_type: type,
        attribute_model: 'contact_attribute',
        attribute_values: ['ignored'],
      });
      expect(res.statusCode, key).toBe(200);
      expect(res.json().attribute_values).toEqual([]);
    }
    // Chatwoot's default model and type; the wrapped body of its clients.
    const order = await define({
      custom_attribute_definition: { attribute_display_name: 'Order', attribute_key: 'order_id' },
    } as Record<string, unknown>);
    expect(order.json()).toMatchObject({
      attribute_model: 'conversation_attribute',
      attribute_display_type: 'text',
    });
    // The same key may exist once per model.
    const sameKey = await define({
      attribute_display_name: 'Plan of the conversation',
      attribute_key: 'plan',
      attribute_model: 'conversation_attribute',
    });
    expect(sameKey.statusCode).toBe(200);

    const contacts = await request(t.app, 'GET', `${base()}?attribute_model=contact_attribute`, {
      as: w.agent,
    });
    expect(contacts.json().map((d: { attribute_key: string }) => d.attribute_key)).toEqual([
      'plan',
      'seats',
      'crm_url',
      'renewal',
      'vip',
    ]);
    const all = await request(t.app, 'GET', base(), { as: w.outsider });
    expect(all.json()).toHaveLength(7);
    expect(events.names().every((name) => name === 'custom_attribute_definition.created')).toBe(
      true,
    );
    expect(events.names()).toHaveLength(7);
    events.stop();
  });

  it('validates contact values by type; unknown keys stay free-form; null clears', async () => {
    const contact = `${account()}/contacts/${w.contactId}`;
    const patch = (custom_attributes: Record<string, unknown>) =>
      request(t.app, 'PATCH', contact, { as: w.agent, body: { custom_attributes } });
    const good = await patch({
      plan: 'gold',
      seats: 12,
      crm_url: 'https://crm.example.com/c/1',
      renewal: '2026-12-31',
      vip: true,
      anything: { free: 'form' },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().payload.custom_attributes).toMatchObject({ plan: 'gold', seats: 12 });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ plan: 'bronze' }, 'plan', /one of: gold, silver/],
      [{ seats: '12' }, 'seats', /number/],
      [{ crm_url: 'ftp://x.test' }, 'crm_url', /link/],
      [{ renewal: 'tomorrow' }, 'renewal', /date/],
      [{ vip: 'true' }, 'vip', /true or false/],
    ];
    for (const [body, key, message] of cases) {
      const res = await patch(body);
      expect(res.statusCode, key).toBe(422);
      expect(res.json().field).toBe(`custom_attributes.${key}`);
      expect(res.json().message).toMatch(message);
    }
    // A conversation attribute of the same key is not the contact's definition.
    expect((await patch({ order_id: 42 })).statusCode).toBe(200);
    const cleared = await patch({ plan: null });
    expect(cleared.json().payload.custom_attributes.plan).toBeNull();
  });

  it('validates conversation values on PATCH, POST custom_attributes, create and level-2 app writes', async () => {
    const displayId = await fixtureConversation(t.app, w);
    const url = `${account()}/conversations/${displayId}`;
    await define({
      attribute_display_name: 'Priority score',
      attribute_key: 'score',
      attribute_display_type: 'number',
    });
    const ok = await request(t.app, 'POST', `${url}/custom_attributes`, {
      as: w.agent,
      body: { custom_attributes: { score: 3.5 } },
    });
    expect(ok.statusCode).toBe(200);
    const bad = await request(t.app, 'PATCH', url, {
      as: w.agent,
      body: { custom_attributes: { score: 'high' } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().field).toBe('custom_attributes.score');
    const badCreate = await request(t.app, 'POST', `${account()}/conversations`, {
      as: w.admin,
      body: {
        inbox_id: w.apiInboxId,
        contact_id: w.contactId,
        custom_attributes: { score: false },
      },
    });
    expect(badCreate.statusCode).toBe(422);

    const app = await request(t.app, 'POST', `${account()}/dashboard_apps`, {
      as: w.admin,
      body: {
        title: 'CRM',
        content: [{ type: 'frame', url: 'https://crm.example.com' }],
        permissions: ['attributes:write'],
      },
    });
    const asApp = (path: string, body: unknown) =>
      request(t.app, 'POST', path, {
        as: w.agent,
        body,
        headers: {
          [APP_ID_HEADER]: String(app.json().id),
          [APP_CONVERSATION_HEADER]: String(displayId),
        },
      });
    const appBad = await asApp(`${url}/custom_attributes`, { custom_attributes: { score: 'x' } });
    expect(appBad.statusCode).toBe(422);
    expect(appBad.json().field).toBe('custom_attributes.score');
    const appGood = await asApp(`${url}/custom_attributes`, { custom_attributes: { score: 9 } });
    expect(appGood.statusCode).toBe(200);
    expect(appGood.json().custom_attributes.score).toBe(9);
  });

  it('updates display fields, refuses key changes, deletes and keeps values', async () => {
    const list = await request(t.app, 'GET', `${base()}?attribute_model=contact_attribute`, {
      as: w.admin,
    });
    const plan = list.json().find((d: { attribute_key: string }) => d.attribute_key === 'plan');
    const events = recordEvents(t.app);
    const renamed = await request(t.app, 'PATCH', `${base()}/${plan.id}`, {
      as: w.admin,
      body: { attribute_display_name: 'Subscription', attribute_values: ['gold', 'platinum'] },
    });
    expect(renamed.json()).toMatchObject({
      attribute_display_name: 'Subscription',
      attribute_values: ['gold', 'platinum'],
    });
    const agent = await request(t.app, 'PATCH', `${base()}/${plan.id}`, {
      as: w.agent,
      body: { attribute_display_name: 'Mine' },
    });
    expect(agent.statusCode).toBe(403);
    const removed = await request(t.app, 'DELETE', `${base()}/${plan.id}`, { as: w.admin });
    expect(removed.statusCode).toBe(204);
    expect(events.names()).toEqual([
      'custom_attribute_definition.updated',
      'custom_attribute_definition.deleted',
    ]);
    events.stop();
    // Without its definition, the key is free-form again.
    const free = await request(t.app, 'PATCH', `${account()}/contacts/${w.contactId}`, {
      as: w.agent,
      body: { custom_attributes: { plan: 12 } },
    });
    expect(free.statusCode).toBe(200);
    const gone = await request(t.app, 'GET', `${base()}/${plan.id}`, { as: w.admin });
    expect(gone.statusCode).toBe(404);
  });
});
