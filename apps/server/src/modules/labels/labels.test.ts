import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { conversationLabels, insertConversation } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('labels on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const base = () => `/api/v1/accounts/${w.accountId}/labels`;
  const create = (body: unknown) => request(t.app, 'POST', base(), { as: w.admin, body });

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('creates labels with lowercase titles and lists them by title', async () => {
    const vip = await create({ title: 'VIP', color: '#FF0000', description: 'Big spenders' });
    expect(vip.statusCode).toBe(200);
    expect(vip.json()).toEqual({
      id: expect.any(Number),
      title: 'vip',
      description: 'Big spenders',
      color: '#ff0000',
      show_on_sidebar: true,
    });
    const billing = await create({ title: 'billing_issue-2', show_on_sidebar: false });
    expect(billing.json()).toMatchObject({ color: '#1f93ff', show_on_sidebar: false });

    const list = await request(t.app, 'GET', base(), { as: w.outsider });
    expect(list.statusCode).toBe(200);
    expect(list.json().payload.map((l: { title: string }) => l.title)).toEqual([
      'billing_issue-2',
      'vip',
    ]);
    const one = await request(t.app, 'GET', `${base()}/${vip.json().id}`, { as: w.agent });
    expect(one.json().title).toBe('vip');
  });

  it('rejects bad titles and colors, and duplicates per account', async () => {
    const cases: [unknown, string][] = [
      [{ title: 'has space' }, 'title'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(256) }, 'title'],
      [{ title: 'ok', color: 'red' }, 'color'],
      [{ title: 'ok', color: '#12345' }, 'color'],
      [{ title: 'ok', show_on_sidebar: 'yes' }, 'show_on_sidebar'],
      [{ title: "'; DROP TABLE labels; --" }, 'title'],
      [{ title: 'Vip' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    expect((await create({ title: 'x'.repeat(255) })).statusCode).toBe(200);
    const elsewhere = await request(t.app, 'POST', `/api/v1/accounts/${w.otherAccountId}/labels`, {
      as: w.stranger,
      body: { title: 'vip' },
    });
    expect(elsewhere.statusCode).toBe(200);
    const crossAccount = await request(t.app, 'GET', `${base()}/${elsewhere.json().id}`, {
      as: w.admin,
    });
    expect(crossAccount.statusCode).toBe(404);
  });

  it('renames a label on the account’s conversations; deleting takes it off', async () => {
    const label = (await create({ title: 'urgent' })).json();
    await create({ title: 'later' });
    const conversation = await insertConversation(
      t.app.db,
      { account_id: w.accountId, inbox_id: w.apiInboxId, contact_id: w.contactId },
      ['urgent', 'vip'],
    );
    const both = await insertConversation(
      t.app.db,
      { account_id: w.accountId, inbox_id: w.apiInboxId, contact_id: w.contactId },
      ['urgent', 'asap'],
    );
    const clash = await request(t.app, 'PATCH', `${base()}/${label.id}`, {
      as: w.admin,
      body: { title: 'later' },
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().field).toBe('title');

    const renamed = await request(t.app, 'PATCH', `${base()}/${label.id}`, {
      as: w.admin,
      body: { title: 'asap', color: '#00AA00' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'asap', color: '#00aa00' });
    expect(await conversationLabels(t.app.db, conversation)).toEqual(['asap', 'vip']);
    expect(await conversationLabels(t.app.db, both)).toEqual(['asap']);

    const removed = await request(t.app, 'DELETE', `${base()}/${label.id}`, { as: w.admin });
    expect(removed.statusCode).toBe(204);
    expect(await conversationLabels(t.app.db, conversation)).toEqual(['vip']);
    const again = await request(t.app, 'DELETE', `${base()}/${label.id}`, { as: w.admin });
    expect(again.statusCode).toBe(404);
  });

  it('lets only administrators write labels', async () => {
    const label = (await create({ title: 'agents-cannot' })).json();
    const post = await request(t.app, 'POST', base(), { as: w.agent, body: { title: 'x' } });
    expect(post.statusCode).toBe(403);
    const patch = await request(t.app, 'PATCH', `${base()}/${label.id}`, {
      as: w.agent,
      body: { color: '#000000' },
    });
    expect(patch.statusCode).toBe(403);
    const del = await request(t.app, 'DELETE', `${base()}/${label.id}`, { as: w.agent });
    expect(del.statusCode).toBe(403);
  });
});
