/**
 * Issue 12 on both databases: where apps appear (locations), for whom (visibility by inbox,
 * team and role, enforced on the list, the show and the context tokens), the on/off switch,
 * the order, URL templates, and Chatwoot's integrations list.
 */
import type { DashboardApp } from '@bevatel/protocol';
import { verifyContextToken } from '@bevatel/dashboard-app-sdk/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type AsUser, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertAgent, insertConversation, insertInbox, insertTeam } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';

const URL = 'https://orders.example.com/app';

describe.each(DATABASE_KINDS)('where dashboard apps appear and for whom, on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let teamAgent: AsUser & { id: number };
  let teamId: number;
  let otherInboxId: number;
  const base = `/api/v1/accounts/:a/dashboard_apps`;
  const apps = () => base.replace(':a', String(world.accountId));

  const create = async (body: Record<string, unknown>): Promise<DashboardApp> => {
    const res = await request(t.app, 'POST', apps(), {
      as: world.admin,
      body: { title: 'App', content: [{ type: 'frame', url: URL }], ...body },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const titles = async (as: AsUser) =>
    ((await request(t.app, 'GET', apps(), { as })).json() as DashboardApp[]).map((a) => a.title);

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    teamId = await insertTeam(t.app.db, world.accountId);
    teamAgent = await insertAgent(t.app.db, world.accountId);
    await t.app.db
      .insertInto('team_members')
      .values({ team_id: teamId, user_id: teamAgent.id })
      .execute();
    otherInboxId = await insertInbox(t.app.db, world.accountId);
    await t.app.db
      .insertInto('inbox_members')
      .values({ inbox_id: otherInboxId, user_id: teamAgent.id })
      .execute();
  });
  afterAll(() => t.close());

  it('keeps apps from before issue 12 as they were: a tab, for everyone, enabled, in creation order', async () => {
    const app = await create({ title: 'Legacy' });
    expect(app).toMatchObject({
      locations: ['conversation.tab'],
      visibility: { inbox_ids: [], team_ids: [], roles: [] },
      enabled: true,
      visible_to_me: true,
    });
    expect(await titles(world.agent)).toContain('Legacy');
    await request(t.app, 'DELETE', `${apps()}/${app.id}`, { as: world.admin });
  });

  it('lists to each agent only the enabled apps their rule lets them see; admins see all, with the verdict', async () => {
    const made = {
      everyone: await create({ title: 'Everyone' }),
      admins: await create({ title: 'Admins', visibility: { roles: ['administrator'] } }),
      team: await create({ title: 'Team', visibility: { team_ids: [teamId] } }),
      apiInbox: await create({ title: 'API inbox', visibility: { inbox_ids: [world.apiInboxId] } }),
      disabled: await create({ title: 'Disabled', enabled: false }),
    };
    expect(await titles(world.agent)).toEqual(['Everyone', 'API inbox']);
    expect(await titles(world.outsider)).toEqual(['Everyone']);
    expect(await titles(teamAgent)).toEqual(['Everyone', 'Team']);
    const forAdmin = (
      await request(t.app, 'GET', apps(), { as: world.admin })
    ).json() as DashboardApp[];
    expect(forAdmin.map((a) => [a.title, a.visible_to_me, a.enabled])).toEqual([
      ['Everyone', true, true],
      ['Admins', true, true],
      ['Team', false, true],
      ['API inbox', true, true],
      ['Disabled', false, false],
    ]);
    // The show answers like the list: an agent cannot tell a hidden app from a missing one.
    for (const hidden of [made.admins, made.team, made.disabled]) {
      const res = await request(t.app, 'GET', `${apps()}/${hidden.id}`, { as: world.agent });
      expect(res.statusCode).toBe(404);
    }
    expect(
      (await request(t.app, 'GET', `${apps()}/${made.team.id}`, { as: teamAgent })).statusCode,
    ).toBe(200);
    // Integrations (Chatwoot's discovery route) show the same apps.
    const integrations = await request(
      t.app,
      'GET',
      `/api/v1/accounts/${world.accountId}/integrations/apps`,
      { as: world.agent },
    );
    expect(integrations.statusCode).toBe(200);
    const entry = integrations.json().payload[0];
    expect(entry).toMatchObject({
      id: 'dashboard_apps',
      name: 'Dashboard Apps',
      enabled: true,
      hooks: [],
    });
    expect(entry.dashboard_apps.map((a: DashboardApp) => a.title)).toEqual([
      'Everyone',
      'API inbox',
    ]);
    for (const app of Object.values(made)) {
      await request(t.app, 'DELETE', `${apps()}/${app.id}`, { as: world.admin });
    }
  });

  it('mints context tokens only where the app appears: its rule, its inboxes, its locations', async () => {
    const inApi = await insertConversation(t.app.db, {
      account_id: world.accountId,
      inbox_id: world.apiInboxId,
      contact_id: world.contactId,
    });
    const inOther = await insertConversation(t.app.db, {
      account_id: world.accountId,
      inbox_id: otherInboxId,
      contact_id: world.contactId,
    });
    const display = async (id: number) =>
      (
        await t.app.db
          .selectFrom('conversations')
          .select('display_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).display_id;
    const restricted = await create({
      title: 'Other inbox only',
      locations: ['conversation.sidebar', 'contact.page', 'navigation.page'],
      visibility: { inbox_ids: [otherInboxId] },
    });
    const adminsOnly = await create({
      title: 'Admins only',
      visibility: { roles: ['administrator'] },
    });
    const secretOf = async (id: number) =>
      (await request(t.app, 'POST', `${apps()}/${id}/secret`, { as: world.admin })).json()
        .secret as string;
    const restrictedSecret = await secretOf(restricted.id);
    await secretOf(adminsOnly.id);
    const token = (id: number, as: AsUser, body: unknown) =>
      request(t.app, 'POST', `${apps()}/${id}/context_token`, { as, body });

    // Beside a conversation of the app's inbox, for an agent of that inbox.
    const ok = await token(restricted.id, world.admin, {
      conversation_id: await display(inOther),
      location: 'conversation.sidebar',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const claims = verifyContextToken(ok.json().token, restrictedSecret, {
      audience: 'https://orders.example.com',
    });
    expect(claims).toMatchObject({ location: 'conversation.sidebar', inbox_id: otherInboxId });
    // Not in another inbox's conversation (even for an admin who sees that conversation).
    const elsewhere = await token(restricted.id, world.admin, {
      conversation_id: await display(inApi),
      location: 'conversation.sidebar',
    });
    expect(elsewhere.statusCode).toBe(404);
    // Not in a location the app is not placed in.
    const tab = await token(restricted.id, world.admin, {
      conversation_id: await display(inOther),
    });
    expect(tab.statusCode).toBe(422);
    expect(tab.json().field).toBe('location');
    // The contact page: no conversation in the claims.
    const contact = await token(restricted.id, teamAgent, { contact_id: world.contactId });
    expect(contact.statusCode, contact.body).toBe(200);
    expect(
      verifyContextToken(contact.json().token, restrictedSecret, {
        audience: 'https://orders.example.com',
      }),
    ).toMatchObject({
      location: 'contact.page',
      contact_id: world.contactId,
      conversation_id: null,
      inbox_id: null,
    });
    // The full page: neither conversation nor contact.
    const page = await token(restricted.id, teamAgent, { location: 'navigation.page' });
    expect(
      verifyContextToken(page.json().token, restrictedSecret, {
        audience: 'https://orders.example.com',
      }),
    ).toMatchObject({ location: 'navigation.page', contact_id: null, conversation_id: null });
    // An agent outside the app's inboxes gets nothing anywhere.
    expect(
      (await token(restricted.id, world.agent, { location: 'navigation.page' })).statusCode,
    ).toBe(404);
    // The administrators' app: refused to the agent through the API, even in their own inbox.
    const refused = await token(adminsOnly.id, world.agent, {
      conversation_id: await display(inApi),
    });
    expect(refused.statusCode).toBe(404);
    expect(
      (await token(adminsOnly.id, world.admin, { conversation_id: await display(inApi) }))
        .statusCode,
    ).toBe(200);
    // A disabled app: no tokens for anyone.
    await request(t.app, 'PATCH', `${apps()}/${adminsOnly.id}`, {
      as: world.admin,
      body: { enabled: false },
    });
    expect(
      (await token(adminsOnly.id, world.admin, { conversation_id: await display(inApi) }))
        .statusCode,
    ).toBe(404);
    for (const app of [restricted, adminsOnly]) {
      await request(t.app, 'DELETE', `${apps()}/${app.id}`, { as: world.admin });
    }
  });

  it('keeps an order per account, changed by administrators with every app once', async () => {
    const a = await create({ title: 'A' });
    const b = await create({ title: 'B' });
    const c = await create({ title: 'C' });
    expect(await titles(world.agent)).toEqual(['A', 'B', 'C']);
    const res = await request(t.app, 'PUT', `${apps()}/order`, {
      as: world.admin,
      body: { ids: [c.id, a.id, b.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((x: DashboardApp) => x.title)).toEqual(['C', 'A', 'B']);
    expect(await titles(world.agent)).toEqual(['C', 'A', 'B']);
    // A new app goes last.
    const d = await create({ title: 'D' });
    expect(await titles(world.agent)).toEqual(['C', 'A', 'B', 'D']);
    const audit = await t.app.db
      .selectFrom('audit_logs')
      .select(['auditable_id', 'changes'])
      .where('account_id', '=', world.accountId)
      .where('changes', 'like', '%position%')
      .execute();
    expect(audit.length).toBe(3);
    for (const app of [a, b, c, d])
      await request(t.app, 'DELETE', `${apps()}/${app.id}`, { as: world.admin });
  });

  it('accepts URL templates with placeholders in path, query and fragment only, naming what is wrong', async () => {
    const template =
      'https://crm.example.com/customers/{{contact.custom_attributes.crm_id}}?email={{ contact.email }}&conversation={{conversation.id}}#{{agent.id}}';
    const app = await create({ content: [{ type: 'frame', url: template }] });
    expect(app.content[0]!.url).toBe(template);
    const refused = async (url: string, message: RegExp) => {
      const res = await request(t.app, 'POST', apps(), {
        as: world.admin,
        body: { title: 'X', content: [{ type: 'frame', url }] },
      });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().field).toBe('content[0].url');
      expect(res.json().message).toMatch(message);
    };
    await refused('https://{{contact.id}}.crm.example.com/', /never in the scheme, host or port/);
    await refused(
      'https://crm.example.com:{{conversation.id}}/',
      /never in the scheme, host or port/,
    );
    await refused('{{account.name}}://crm.example.com/', /./);
    await refused(
      'https://crm.example.com/{{contact.secret}}',
      /Unknown placeholder \{\{contact\.secret\}\}/,
    );
    await refused('https://crm.example.com/{{contact.id', /two braces/);
    await refused('http://crm.example.com/{{contact.id}}', /http:\/\//);
    await request(t.app, 'DELETE', `${apps()}/${app.id}`, { as: world.admin });
  });

  it('stores the Arabic title, description and icon, and clears them with null', async () => {
    const app = await create({
      title_ar: 'الطلبات',
      description: 'Orders of the customer\nand their refunds',
      icon_url: 'https://cdn.example.com/orders.svg',
    });
    expect(app).toMatchObject({
      title_ar: 'الطلبات',
      icon_url: 'https://cdn.example.com/orders.svg',
    });
    const cleared = await request(t.app, 'PATCH', `${apps()}/${app.id}`, {
      as: world.admin,
      body: { title_ar: null, description: '', icon_url: null },
    });
    expect(cleared.json()).toMatchObject({ title_ar: null, description: null, icon_url: null });
    await request(t.app, 'DELETE', `${apps()}/${app.id}`, { as: world.admin });
  });
});
