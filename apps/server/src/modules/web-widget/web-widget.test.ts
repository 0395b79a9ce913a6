import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { identifierHash } from '../../lib/widget-tokens';

describe.each(DATABASE_KINDS)('website inboxes on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const base = () => `/api/v1/accounts/${w.accountId}`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("creates one through Chatwoot's POST inboxes, with its keys, snippet and secret", async () => {
    const created = await request(t.app, 'POST', `${base()}/inboxes`, {
      as: w.admin,
      body: {
        name: 'Shop',
        greeting_enabled: true,
        greeting_message: 'Hello!',
        channel: {
          type: 'web_widget',
          website_url: 'https://shop.example/',
          widget_color: '#AA3366',
          welcome_title: 'Hi there',
          welcome_tagline: 'We reply within minutes',
          allowed_domains: 'shop.example, *.shop.example,https://localhost:4300',
        },
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const inbox = created.json();
    expect(inbox).toMatchObject({
      name: 'Shop',
      channel_type: 'Channel::WebWidget',
      greeting_message: 'Hello!',
      greeting_enabled: true,
      website_url: 'https://shop.example/',
      widget_color: '#aa3366',
      welcome_title: 'Hi there',
      welcome_tagline: 'We reply within minutes',
      allowed_domains: 'shop.example,*.shop.example,localhost:4300',
      hmac_mandatory: false,
      pre_chat_form_enabled: false,
      working_hours_enabled: false,
      timezone: 'UTC',
    });
    expect(inbox.website_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(inbox.inbox_identifier).toMatch(/^[a-f0-9]{32}$/);
    expect(inbox.hmac_token).toMatch(/^[a-f0-9]{64}$/);
    expect(inbox.web_widget_script).toContain(`websiteToken: "${inbox.website_token}"`);
    expect(inbox.web_widget_script).toContain('"http://localhost:3000"');
    expect(inbox.web_widget_script).toContain('/packs/js/sdk.js');
    // The secret is sealed at rest, never stored as typed.
    const stored = await t.app.db
      .selectFrom('web_widgets')
      .selectAll()
      .where('inbox_id', '=', inbox.id)
      .executeTakeFirstOrThrow();
    expect(stored.hmac_token_sealed).not.toContain(inbox.hmac_token);
  });

  it('shows hmac_token to administrators only; PATCH channel.hmac_mandatory turns verification on', async () => {
    await request(t.app, 'POST', `${base()}/inbox_members`, {
      as: w.admin,
      body: { inbox_id: w.widgetInboxId, user_ids: [w.agent.id] },
    });
    const asAgent = await request(t.app, 'GET', `${base()}/inboxes/${w.widgetInboxId}`, {
      as: w.agent,
    });
    expect(asAgent.statusCode).toBe(200);
    expect(asAgent.json().website_token).toBe('world-website-token');
    expect(asAgent.json()).not.toHaveProperty('hmac_token');
    const list = await request(t.app, 'GET', `${base()}/inboxes`, { as: w.agent });
    for (const item of list.json().payload) expect(item).not.toHaveProperty('hmac_token');
    const asAdmin = await request(t.app, 'GET', `${base()}/inboxes/${w.widgetInboxId}`, {
      as: w.admin,
    });
    expect(asAdmin.json().hmac_token).toBe('world-hmac-secret-0123456789abcdef');

    const agentPatch = await request(t.app, 'PATCH', `${base()}/inboxes/${w.widgetInboxId}`, {
      as: w.agent,
      body: { channel: { hmac_mandatory: true } },
    });
    expect(agentPatch.statusCode).toBe(403);
    const patched = await request(t.app, 'PATCH', `${base()}/inboxes/${w.widgetInboxId}`, {
      as: w.admin,
      body: { channel: { hmac_mandatory: true } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().hmac_mandatory).toBe(true);
    // Verification now refuses an identifier without its hash, and accepts a signed one.
    const path = `/public/api/v1/inboxes/worldwebsiteinbox/contacts`;
    const unsigned = await request(t.app, 'POST', path, { body: { identifier: 'u-1' } });
    expect(unsigned.statusCode).toBe(401);
    const signed = await request(t.app, 'POST', path, {
      body: {
        identifier: 'u-1',
        identifier_hash: identifierHash('u-1', asAdmin.json().hmac_token),
      },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().hmac_verified).toBe(true);
    await request(t.app, 'PATCH', `${base()}/inboxes/${w.widgetInboxId}`, {
      as: w.admin,
      body: { channel: { hmac_mandatory: false } },
    });
  });

  it('keeps greeting and away messages in English and Arabic, the pre-chat form and business hours', async () => {
    const patched = await request(t.app, 'PATCH', `${base()}/inboxes/${w.widgetInboxId}`, {
      as: w.admin,
      body: {
        greeting_message: 'Welcome!',
        greeting_enabled: true,
        out_of_office_message: 'We are away',
        working_hours_enabled: true,
        timezone: 'Asia/Riyadh',
        working_hours: [
          { day_of_week: 0, closed_all_day: true },
          {
            day_of_week: 1,
            closed_all_day: false,
            open_hour: 9,
            open_minutes: 0,
            close_hour: 17,
            close_minutes: 30,
          },
        ],
        channel: {
          translations: {
            ar: { greeting_message: 'أهلاً!', out_of_office_message: 'نحن غير متاحين' },
          },
          pre_chat_form_enabled: true,
          pre_chat_form_options: {
            pre_chat_message: 'Tell us who you are',
            pre_chat_fields: [
              { name: 'fullName', enabled: true, required: true },
              { name: 'emailAddress', enabled: true, required: false },
            ],
          },
          widget_theme: 'dark',
          locale: 'ar',
        },
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      greeting_message: 'Welcome!',
      out_of_office_message: 'We are away',
      translations: { ar: { greeting_message: 'أهلاً!', out_of_office_message: 'نحن غير متاحين' } },
      pre_chat_form_enabled: true,
      working_hours_enabled: true,
      timezone: 'Asia/Riyadh',
      widget_theme: 'dark',
      locale: 'ar',
    });
    expect(patched.json().working_hours).toHaveLength(2);
    expect(patched.json().working_hours[1]).toMatchObject({ open_hour: 9, close_minutes: 30 });
    // A later change of one Arabic text keeps the others.
    const again = await request(t.app, 'PATCH', `${base()}/inboxes/${w.widgetInboxId}`, {
      as: w.admin,
      body: { channel: { translations: { ar: { welcome_title: 'مرحباً' } } } },
    });
    expect(again.json().translations.ar).toEqual({
      greeting_message: 'أهلاً!',
      out_of_office_message: 'نحن غير متاحين',
      welcome_title: 'مرحباً',
    });
    const config = await request(t.app, 'GET', '/public/api/v1/widget/world-website-token');
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({
      inbox_identifier: 'worldwebsiteinbox',
      locale: 'ar',
      texts: {
        en: { greeting_message: 'Welcome!', out_of_office_message: 'We are away' },
        ar: { greeting_message: 'أهلاً!', welcome_title: 'مرحباً' },
      },
      pre_chat_form_enabled: true,
    });
    expect(typeof config.json().away).toBe('boolean');
    expect(config.json()).not.toHaveProperty('hmac_token');
  });

  it('refuses bad website options naming the field, and website options on an API inbox', async () => {
    const cases: [unknown, string][] = [
      [{ channel: { widget_color: 'red' } }, 'channel.widget_color'],
      [{ channel: { website_url: 'ftp://x' } }, 'channel.website_url'],
      [{ channel: { allowed_domains: 'shop.example, not a domain' } }, 'channel.allowed_domains'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [
        {
          working_hours: [{ day_of_week: 1, closed_all_day: false, open_hour: 18, close_hour: 9 }],
        },
        'working_hours',
      ],
      [
        {
          working_hours: [
            { day_of_week: 1, closed_all_day: true },
            { day_of_week: 1, closed_all_day: true },
          ],
        },
        'working_hours',
      ],
      [{ channel: { widget_theme: 'neon' } }, 'channel.widget_theme'],
      [{ channel: { translations: { fr: {} } } }, 'channel.translations.fr'],
    ];
    for (const [body, field] of cases) {
      const res = await request(t.app, 'PATCH', `${base()}/inboxes/${w.widgetInboxId}`, {
        as: w.admin,
        body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    const onApi = await request(t.app, 'PATCH', `${base()}/inboxes/${w.apiInboxId}`, {
      as: w.admin,
      body: { channel: { widget_color: '#000000' } },
    });
    expect(onApi.statusCode).toBe(422);
    expect(onApi.json().field).toBe('channel.widget_color');
    const createApi = await request(t.app, 'POST', `${base()}/inboxes`, {
      as: w.admin,
      body: { name: 'X', channel: { type: 'api', website_url: 'https://x.test' } },
    });
    expect(createApi.statusCode).toBe(422);
  });
});
