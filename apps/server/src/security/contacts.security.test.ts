/** "Agents see only the contacts of their inboxes": an account setting, off by default. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../test/app';
import { DATABASE_KINDS } from '../test/databases';
import { insertContact, insertConversation } from '../test/factories';
import { createWorld, type World } from '../test/fixtures';

describe.each(DATABASE_KINDS)('contacts by inbox on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let loner: number;
  const contacts = () => `/api/v1/accounts/${w.accountId}/contacts`;
  const idsSeenBy = async (as: World['agent']) =>
    ((await request(t.app, 'GET', contacts(), { as })).json().payload as { id: number }[]).map(
      (c) => c.id,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
    await insertConversation(t.app.db, {
      account_id: w.accountId,
      inbox_id: w.apiInboxId,
      contact_id: w.contactId,
    });
    loner = await insertContact(t.app.db, w.accountId, { name: 'No Conversation Yet' });
  });
  afterAll(() => t.close());

  it('is off by default: every member sees every contact', async () => {
    const account = await request(t.app, 'GET', `/api/v1/accounts/${w.accountId}`, { as: w.admin });
    expect(account.json().contacts_by_inbox).toBe(false);
    expect(await idsSeenBy(w.outsider)).toEqual(expect.arrayContaining([w.contactId, loner]));
  });

  it('when on, agents see only contacts of their inboxes; administrators see all', async () => {
    const on = await request(t.app, 'PATCH', `/api/v1/accounts/${w.accountId}`, {
      as: w.admin,
      body: { contacts_by_inbox: true },
    });
    expect(on.json().contacts_by_inbox).toBe(true);
    expect(await idsSeenBy(w.agent)).toEqual([w.contactId]);
    expect(await idsSeenBy(w.outsider)).toEqual([]);
    expect(await idsSeenBy(w.admin)).toEqual(expect.arrayContaining([w.contactId, loner]));
    const hidden = await request(t.app, 'GET', `${contacts()}/${w.contactId}`, { as: w.outsider });
    expect(hidden.statusCode).toBe(404);
    const edit = await request(t.app, 'PATCH', `${contacts()}/${w.contactId}`, {
      as: w.outsider,
      body: { name: 'Changed by someone who may not see it' },
    });
    expect(edit.statusCode).toBe(404);
    const search = await request(t.app, 'GET', `${contacts()}/search?q=Sara`, { as: w.outsider });
    expect(search.json().payload).toEqual([]);
    const agents = await request(t.app, 'PATCH', `/api/v1/accounts/${w.accountId}`, {
      as: w.agent,
      body: { contacts_by_inbox: false },
    });
    expect(agents.statusCode).toBe(403);
  });
});
