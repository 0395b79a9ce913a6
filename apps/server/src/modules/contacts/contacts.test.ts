import type { BusMessage } from '../../realtime/bus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertContact, insertConversation, insertInbox } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('contacts on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const base = () => `/api/v1/accounts/${w.accountId}/contacts`;
  const create = (body: unknown, as = w.admin) => request(t.app, 'POST', base(), { as, body });
  const countContacts = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('contacts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('presents every documented field of a contact', async () => {
    const res = await request(t.app, 'GET', `${base()}/${w.contactId}`, { as: w.outsider });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      payload: {
        id: w.contactId,
        name: 'Sara Customer',
        email: 'sara@customer.test',
        phone_number: '+966500000001',
        identifier: null,
        thumbnail: '',
        availability_status: 'offline',
        additional_attributes: {
          description: 'VIP customer',
          company_name: 'Acme',
          social_profiles: { github: 'sara', twitter: '', facebook: '', linkedin: '' },
        },
        custom_attributes: { plan: 'gold' },
        last_activity_at: expect.any(Number),
        created_at: expect.any(Number),
      },
    });
    const seconds = res.json().payload.last_activity_at as number;
    expect(seconds).toBeLessThan(Date.now() / 1000 + 1);
    expect(seconds).toBeGreaterThan(Date.now() / 1000 - 3600);
  });

  it('fills documented attributes with null when stored ones are empty or damaged', async () => {
    const id = await insertContact(t.app.db, w.accountId, {
      name: 'Bare',
      additional_attributes: '{not json',
      custom_attributes: '[]',
    });
    const res = await request(t.app, 'GET', `${base()}/${id}`, { as: w.agent });
    expect(res.json().payload).toMatchObject({
      additional_attributes: {
        description: null,
        company_name: null,
        social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
      },
      custom_attributes: {},
      last_activity_at: expect.any(Number),
      availability_status: 'offline',
    });
    await t.app.db.deleteFrom('contacts').where('id', '=', id).execute();
  });

  it('creates a contact with normalized fields and a contact_inbox', async () => {
    const res = await create({
      name: ' Hana ',
      email: ' Hana@Example.COM ',
      phone_number: '+966 50-000 0002',
      identifier: 'crm-42',
      additional_attributes: { company_name: 'Hana Co', city: 'Riyadh' },
      custom_attributes: { tier: 2, tags: ['a'] },
      inbox_id: w.apiInboxId,
    });
    expect(res.statusCode).toBe(200);
    const { contact, contact_inbox } = res.json().payload;
    expect(contact).toMatchObject({
      name: 'Hana',
      email: 'hana@example.com',
      phone_number: '+966500000002',
      identifier: 'crm-42',
      additional_attributes: {
        description: null,
        company_name: 'Hana Co',
        city: 'Riyadh',
        social_profiles: { github: null, twitter: null, facebook: null, linkedin: null },
      },
      custom_attributes: { tier: 2, tags: ['a'] },
      last_activity_at: expect.any(Number),
    });
    expect(contact_inbox.source_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(contact_inbox.inbox).toMatchObject({ id: w.apiInboxId, channel_type: 'Channel::Api' });

    const inboxes = await request(t.app, 'GET', `${base()}/${contact.id}/contact_inboxes`, {
      as: w.agent,
    });
    expect(inboxes.json().payload).toEqual([contact_inbox]);

    const plain = await create({ name: 'No Inbox' }, w.agent);
    expect(plain.statusCode).toBe(200);
    expect(plain.json().payload.contact_inbox).toBeNull();
  });

  it('refuses duplicate emails and identifiers in the account, not across accounts', async () => {
    const dup = await create({ name: 'Again', email: 'SARA@customer.test' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json()).toMatchObject({ error: 'unprocessable_entity', field: 'email' });
    const dupId = await create({ name: 'Again', identifier: 'crm-42' });
    expect(dupId.statusCode).toBe(422);
    expect(dupId.json().field).toBe('identifier');
    const elsewhere = await request(
      t.app,
      'POST',
      `/api/v1/accounts/${w.otherAccountId}/contacts`,
      { as: w.stranger, body: { email: 'sara@customer.test' } },
    );
    expect(elsewhere.statusCode).toBe(200);
  });

  it('lets only one of several simultaneous creations with one email through', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        create({ name: `Racer ${i}`, email: 'race@example.com' }),
      ),
    );
    const statuses = results.map((res) => res.statusCode).sort();
    expect(statuses).toEqual([200, 422, 422, 422, 422, 422]);
    const rows = await t.app.db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', w.accountId)
      .where('email', '=', 'race@example.com')
      .execute();
    expect(rows).toHaveLength(1);
    await t.app.db.deleteFrom('contacts').where('id', '=', rows[0]!.id).execute();
  });

  it('rejects bad contact input without writing anything', async () => {
    const before = await countContacts();
    const cases: [unknown, string][] = [
      [{ email: 'not an email' }, 'email'],
      [{ phone_number: '0500000000' }, 'phone_number'],
      [{ phone_number: '+1234567890123456' }, 'phone_number'],
      [{ name: 42 }, 'name'],
      [{ custom_attributes: 'gold' }, 'custom_attributes'],
      [{ custom_attributes: { big: 'x'.repeat(70_000) } }, 'custom_attributes'],
      [{ additional_attributes: { social_profiles: { github: 5 } } }, 'additional_attributes'],
      [{ inbox_id: 'one' }, 'inbox_id'],
      [{ inbox_id: 0 }, 'inbox_id'],
      [{ nickname: 'x' }, 'nickname'],
      [{ name: 'Ghost', inbox_id: 999_999 }, 'inbox_id'],
      [{ name: 'Nul\u0000byte' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.json().field, JSON.stringify(body).slice(0, 80)).toMatch(new RegExp(`^${field}`));
    }
    // An inbox of another account, or one the agent is not in: the contact is not half-created.
    let res = await create({ name: 'Half', inbox_id: w.widgetInboxId }, w.agent);
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('inbox_id');
    const otherInboxId = await insertInbox(t.app.db, w.otherAccountId);
    res = await create({ name: 'Half', inbox_id: otherInboxId });
    expect(res.statusCode).toBe(422);
    expect(await countContacts()).toBe(before);
  });

  it('updates with PATCH and PUT, merging attributes, and publishes after commit', async () => {
    const events: BusMessage[] = [];
    const seen: Promise<string | null>[] = [];
    const stop = t.app.realtimeBus.subscribe((message) => {
      events.push(message);
      // What a listener reading the database at that moment sees: the change must be committed.
      seen.push(
        t.app.db
          .selectFrom('contacts')
          .select('name')
          .where('id', '=', w.contactId)
          .executeTakeFirstOrThrow()
          .then((row) => row.name),
      );
    });
    try {
      const res = await request(t.app, 'PATCH', `${base()}/${w.contactId}`, {
        as: w.agent,
        body: {
          name: 'Sara C.',
          additional_attributes: { social_profiles: { twitter: 'sara_c' }, city: 'Jeddah' },
          custom_attributes: { seats: 5 },
        },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().payload).toMatchObject({
        name: 'Sara C.',
        email: 'sara@customer.test',
        additional_attributes: {
          description: 'VIP customer',
          company_name: 'Acme',
          city: 'Jeddah',
          social_profiles: { github: 'sara', twitter: 'sara_c', facebook: '', linkedin: '' },
        },
        custom_attributes: { plan: 'gold', seats: 5 },
      });
      expect(events).toHaveLength(1);
      expect(events[0]!.audience).toEqual({ accountId: w.accountId, inboxId: null });
      expect(events[0]!.envelope).toMatchObject({
        event: 'contact.updated',
        account_id: w.accountId,
        data: res.json().payload,
      });
      expect(await seen[0]).toBe('Sara C.');

      const put = await request(t.app, 'PUT', `${base()}/${w.contactId}`, {
        as: w.admin,
        body: { email: null, phone_number: '' },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json().payload).toMatchObject({ email: null, phone_number: null });

      const failed = await request(t.app, 'PATCH', `${base()}/${w.contactId}`, {
        as: w.admin,
        body: { email: 'hana@example.com' },
      });
      expect(failed.statusCode).toBe(422);
      expect(events).toHaveLength(2);

      const removed = await request(
        t.app,
        'POST',
        `${base()}/${w.contactId}/destroy_custom_attributes`,
        { as: w.agent, body: { custom_attributes: ['seats', 'missing'] } },
      );
      expect(removed.json().payload.custom_attributes).toEqual({ plan: 'gold' });
    } finally {
      stop();
    }
  });

  it('pages 15 at a time and sorts by the requested key, empty values last', async () => {
    for (let i = 0; i < 20; i += 1) {
      await insertContact(t.app.db, w.accountId, {
        name: `Paged ${String(i).padStart(2, '0')}`,
        email: i % 2 ? `paged${i}@example.com` : null,
        created_at: 1_700_000_000_000 + i,
      });
    }
    const total = await countContacts();
    const accountTotal = total - 2; // two contacts belong to the other account
    const first = await request(t.app, 'GET', `${base()}?sort=name`, { as: w.agent });
    expect(first.statusCode).toBe(200);
    expect(first.json().meta).toEqual({ count: accountTotal, current_page: 1 });
    expect(first.json().payload).toHaveLength(15);
    const names = first.json().payload.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : 1)));

    const second = await request(t.app, 'GET', `${base()}?sort=name&page=2`, { as: w.agent });
    expect(second.json().meta.current_page).toBe(2);
    expect(second.json().payload).toHaveLength(accountTotal - 15);
    const beyond = await request(t.app, 'GET', `${base()}?page=99`, { as: w.agent });
    expect(beyond.json()).toEqual({ meta: { count: accountTotal, current_page: 99 }, payload: [] });

    const byEmail = await request(t.app, 'GET', `${base()}?sort=-email&page=2`, { as: w.agent });
    const emails = byEmail.json().payload.map((c: { email: string | null }) => c.email);
    expect(emails.at(-1)).toBeNull();

    const newest = await request(t.app, 'GET', `${base()}/search?q=paged&sort=-created_at`, {
      as: w.agent,
    });
    expect(newest.json().payload[0].name).toBe('Paged 19');
    expect(newest.json().meta.count).toBe(20);

    const bad = await request(t.app, 'GET', `${base()}?sort=password`, { as: w.agent });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().field).toBe('sort');
    const badPage = await request(t.app, 'GET', `${base()}?page=0`, { as: w.agent });
    expect(badPage.statusCode).toBe(422);
    expect(badPage.json().field).toBe('page');
  });

  it('searches name, email, phone and identifier case-insensitively, wildcards literal', async () => {
    await insertContact(t.app.db, w.accountId, { name: 'Percent 50%_off', identifier: 'ID-XYZ' });
    await insertContact(t.app.db, w.accountId, { name: 'Percent 50xxoff' });
    const search = async (q: string) => {
      const res = await request(t.app, 'GET', `${base()}/search?q=${encodeURIComponent(q)}`, {
        as: w.agent,
      });
      expect(res.statusCode).toBe(200);
      return res.json().payload.map((c: { name: string }) => c.name) as string[];
    };
    expect(await search('HANA')).toEqual(['Hana']);
    expect(await search('example.COM')).toContain('Hana');
    expect(await search('+9665000000')).toContain('Hana');
    expect(await search('id-xyz')).toEqual(['Percent 50%_off']);
    expect(await search('50%_')).toEqual(['Percent 50%_off']);
    expect(await search('%')).toEqual(['Percent 50%_off']);
    expect(await search("'; DROP TABLE contacts; --")).toEqual([]);
    expect(await search('x@other.test')).toEqual([]);
    const all = await request(t.app, 'GET', `${base()}/search`, { as: w.agent });
    expect(all.statusCode).toBe(200);
    expect(all.json().meta.count).toBeGreaterThan(20);
  });

  it('lists a contact’s conversations the caller may see', async () => {
    const contactId = await insertContact(t.app.db, w.accountId, { name: 'Talkative' });
    const api = await insertConversation(t.app.db, {
      account_id: w.accountId,
      inbox_id: w.apiInboxId,
      contact_id: contactId,
    });
    await insertConversation(t.app.db, {
      account_id: w.accountId,
      inbox_id: w.widgetInboxId,
      contact_id: contactId,
    });
    const admin = await request(t.app, 'GET', `${base()}/${contactId}/conversations`, {
      as: w.admin,
    });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().payload).toHaveLength(2);
    expect(admin.json().payload[0].meta.sender).toMatchObject({ id: contactId, name: 'Talkative' });
    const agent = await request(t.app, 'GET', `${base()}/${contactId}/conversations`, {
      as: w.agent,
    });
    const row = await t.app.db
      .selectFrom('conversations')
      .select('display_id')
      .where('id', '=', api)
      .executeTakeFirstOrThrow();
    expect(agent.json().payload.map((c: { id: number }) => c.id)).toEqual([row.display_id]);
    const outsider = await request(t.app, 'GET', `${base()}/${contactId}/conversations`, {
      as: w.outsider,
    });
    expect(outsider.json()).toEqual({ payload: [] });
  });

  it('keeps other accounts’ contacts out of reach', async () => {
    for (const [method, suffix] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['GET', '/conversations'],
      ['GET', '/contact_inboxes'],
    ] as const) {
      const res = await request(t.app, method, `${base()}/${w.otherAccountContactId}${suffix}`, {
        as: w.admin,
        ...(method === 'PATCH' ? { body: { name: 'Mine now' } } : {}),
      });
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
    }
  });

  it('lets only administrators delete a contact, taking its conversations along', async () => {
    const contactId = await insertContact(t.app.db, w.accountId, { name: 'Leaving' });
    const conversation = await insertConversation(t.app.db, {
      account_id: w.accountId,
      inbox_id: w.apiInboxId,
      contact_id: contactId,
    });
    const agent = await request(t.app, 'DELETE', `${base()}/${contactId}`, { as: w.agent });
    expect(agent.statusCode).toBe(403);
    const events: BusMessage[] = [];
    const stop = t.app.realtimeBus.subscribe((message) => events.push(message));
    const res = await request(t.app, 'DELETE', `${base()}/${contactId}`, { as: w.admin });
    stop();
    expect(res.statusCode).toBe(204);
    expect(events.map((e) => e.envelope)).toMatchObject([
      { event: 'contact.deleted', data: { id: contactId } },
    ]);
    const left = await t.app.db
      .selectFrom('conversations')
      .select('id')
      .where('id', '=', conversation)
      .execute();
    expect(left).toEqual([]);
    const again = await request(t.app, 'GET', `${base()}/${contactId}`, { as: w.admin });
    expect(again.statusCode).toBe(404);
  });
});
