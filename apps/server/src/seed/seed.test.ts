import { buildAppContext, type Conversation, type Message } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revealAccessToken } from '../lib/access-tokens';
import { appContextValidator } from '../test/conversations';
import { decryptAppSecret } from '../modules/dashboard-apps/secret';
import { createTestApp, request, type TestApp } from '../test/app';
import { DATABASE_KINDS } from '../test/databases';
import { DEMO_AGENT_EMAILS, seedDemo, type SeedResult } from './index';
import { DEFAULT_DEMO_DASHBOARD_APPS, demoDashboardApps } from './dashboard-apps';

describe.each(DATABASE_KINDS)('demo seed on %s', (kind) => {
  let t: TestApp;
  let result: SeedResult;
  let seconds = 0;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { adminPassword: 'Demo-Pass-1' });
    const started = performance.now();
    result = await seedDemo(t.app.db, t.app.config, { log: (line) => lines.push(line) });
    seconds = (performance.now() - started) / 1000;
  });
  afterAll(() => t.close());

  it('creates the demo account quickly and prints where to sign in', async () => {
    expect(result.created).toBe(true);
    expect(seconds).toBeLessThan(3);
    const text = lines.join('\n');
    expect(text).toContain(`http://localhost:3000/app/accounts/${result.accountId}/conversations`);
    expect(text).toContain('admin@bevatel.test / Demo-Pass-1');
    expect(text).toContain('omar@bevatel.test / Demo-Pass-1');
    expect(text).toContain('sarah@bevatel.test / Demo-Pass-1');
    const count = async (
      table:
        | 'contacts'
        | 'conversations'
        | 'labels'
        | 'dashboard_apps'
        | 'canned_responses'
        | 'custom_attribute_definitions',
    ) =>
      Number(
        (
          await t.app.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('contacts')).toBe(30);
    expect(await count('conversations')).toBe(50);
    expect(await count('labels')).toBe(11);
    expect(await count('dashboard_apps')).toBe(2);
    expect(await count('canned_responses')).toBe(5);
    expect(await count('custom_attribute_definitions')).toBe(5);
  });

  it('does nothing the second time', async () => {
    const again = await seedDemo(t.app.db, t.app.config, { log: () => undefined });
    expect(again).toEqual({ created: false, accountId: null });
  });

  it('lets the admin and the agents sign in with the documented password', async () => {
    for (const email of ['admin@bevatel.test', DEMO_AGENT_EMAILS.omar, DEMO_AGENT_EMAILS.sarah]) {
      const res = await request(t.app, 'POST', '/auth/sign_in', {
        body: { email, password: 'Demo-Pass-1' },
      });
      expect(res.statusCode, email).toBe(200);
    }
  });

  it('serves varied conversations through the API, each valid as an appContext', async () => {
    const adminRow = await t.app.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'admin@bevatel.test')
      .executeTakeFirstOrThrow();
    const admin = {
      ...adminRow,
      access_token: revealAccessToken(adminRow, t.app.config.secretKeyBase) ?? '',
    };
    const base = `/api/v1/accounts/${result.accountId}/conversations`;
    const all: Conversation[] = [];
    for (const page of [1, 2]) {
      const res = await request(t.app, 'GET', `${base}?status=all&page=${page}`, { as: admin });
      expect(res.statusCode).toBe(200);
      all.push(...res.json().data.payload);
    }
    expect(all).toHaveLength(50);
    expect(new Set(all.map((c) => c.status))).toEqual(
      new Set(['open', 'resolved', 'pending', 'snoozed']),
    );
    expect(all.some((c) => c.unread_count > 0)).toBe(true);
    expect(all.some((c) => c.meta.assignee === null)).toBe(true);
    expect(all.some((c) => c.meta.team !== null)).toBe(true);
    expect(all.some((c) => c.labels.length > 1)).toBe(true);
    expect(all.some((c) => c.priority === 'urgent')).toBe(true);
    expect(all.some((c) => /[\u0600-\u06FF]/.test(c.meta.sender.name ?? ''))).toBe(true);
    const days = all.map((c) => c.created_at);
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThan(20 * 24 * 3600);

    const validate = appContextValidator();
    for (const c of all.slice(0, 10)) {
      const page = (await request(t.app, 'GET', `${base}/${c.id}/messages`, { as: admin })).json();
      const messages: Message[] = page.payload;
      const context = buildAppContext({
        conversation: c,
        messages,
        allMessagesLoaded: true,
        contact: page.meta.contact,
        currentAgent: { id: admin.id, name: admin.name, email: admin.email },
        locale: 'en',
        theme: 'light',
        account: { id: result.accountId!, name: 'Bevatel Demo' },
      });
      expect(validate(JSON.parse(JSON.stringify(context))), JSON.stringify(validate.errors)).toBe(
        true,
      );
    }
    const notes = await t.app.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('private', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(notes.n)).toBeGreaterThan(5);
  });
});

describe('demo dashboard app with a signing secret', () => {
  it('registers the secret encrypted, so the app receives signed context', async () => {
    const t = await createTestApp('sqlite');
    try {
      const secret = 'demo-order-history-secret-0123456789';
      const seeded = await seedDemo(t.app.db, t.app.config, {
        log: () => undefined,
        dashboardApps: [{ title: 'Orders', url: 'http://127.0.0.1:4200/', secret }],
      });
      const app = await t.app.db.selectFrom('dashboard_apps').selectAll().executeTakeFirstOrThrow();
      expect(app.secret_ciphertext).toBeTruthy();
      expect(app.secret_ciphertext).not.toContain(secret);
      const owner = { accountId: seeded.accountId!, appId: app.id };
      expect(decryptAppSecret(app.secret_ciphertext!, owner, t.app.config.secretKeyBase)).toBe(
        secret,
      );
    } finally {
      await t.close();
    }
  });
});

describe('DEMO_DASHBOARD_APPS', () => {
  it('defaults to the two example apps and reads a JSON list', () => {
    expect(demoDashboardApps({})).toEqual(DEFAULT_DEMO_DASHBOARD_APPS);
    expect(demoDashboardApps({ DEMO_DASHBOARD_APPS: '[]' })).toEqual([]);
    expect(
      demoDashboardApps({
        DEMO_DASHBOARD_APPS: '[{"title":" CRM ","url":"https://crm.example.com/app"}]',
      }),
    ).toEqual([{ title: 'CRM', url: 'https://crm.example.com/app' }]);
    expect(
      demoDashboardApps({
        DEMO_DASHBOARD_APPS:
          '[{"title":"O","url":"http://127.0.0.1:4200/","secret":"s3cret-s3cret-s3cret"}]',
      }),
    ).toEqual([{ title: 'O', url: 'http://127.0.0.1:4200/', secret: 's3cret-s3cret-s3cret' }]);
  });

  it('ignores a malformed value with a warning', () => {
    const warnings: string[] = [];
    for (const value of [
      'nope',
      '{"title":"x"}',
      '[{"title":"x","url":"javascript:alert(1)"}]',
      '[{"title":"x","url":"https://x.test/","secret":"short"}]',
    ]) {
      expect(demoDashboardApps({ DEMO_DASHBOARD_APPS: value }, (w) => warnings.push(w))).toEqual(
        DEFAULT_DEMO_DASHBOARD_APPS,
      );
    }
    expect(warnings).toHaveLength(4);
  });
});
