import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { recordEvents } from '../../test/conversations';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('canned responses on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const base = () => `/api/v1/accounts/${w.accountId}/canned_responses`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('creates, lists by short code and searches short code before content', async () => {
    const events = recordEvents(t.app);
    const refund = await request(t.app, 'POST', base(), {
      as: w.agent,
      body: { short_code: 'refund', content: 'Hi {{contact.name}}, your refund is on its way.' },
    });
    expect(refund.statusCode).toBe(200);
    expect(refund.json()).toEqual({
      id: expect.any(Number),
      account_id: w.accountId,
      short_code: 'refund',
      content: 'Hi {{contact.name}}, your refund is on its way.',
      created_by_id: w.agent.id,
      created_at: expect.any(Number),
      updated_at: expect.any(Number),
    });
    // Chatwoot's clients wrap the body.
    const wrapped = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { canned_response: { short_code: 'hello', content: 'Hello! About your refund…' } },
    });
    expect(wrapped.statusCode).toBe(200);
    await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { short_code: 'Refund-late', content: 'Sorry for the delay.' },
    });

    const all = await request(t.app, 'GET', base(), { as: w.outsider });
    expect(all.json().map((r: { short_code: string }) => r.short_code)).toEqual([
      'hello',
      'refund',
      'Refund-late',
    ]);
    const found = await request(t.app, 'GET', `${base()}?search=REFUND`, { as: w.agent });
    expect(found.json().map((r: { short_code: string }) => r.short_code)).toEqual([
      'refund',
      'Refund-late',
      'hello',
    ]);
    const wildcard = await request(t.app, 'GET', `${base()}?search=${encodeURIComponent('%')}`, {
      as: w.agent,
    });
    expect(wildcard.json()).toEqual([]);
    expect(events.names()).toEqual([
      'canned_response.created',
      'canned_response.created',
      'canned_response.created',
    ]);
    events.stop();
  });

  it('refuses a short code taken in another case; other accounts may use it', async () => {
    const dup = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { short_code: 'HELLO', content: 'again' },
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().field).toBe('short_code');
    const elsewhere = await request(
      t.app,
      'POST',
      `/api/v1/accounts/${w.otherAccountId}/canned_responses`,
      { as: w.stranger, body: { short_code: 'hello', content: 'Elsewhere' } },
    );
    expect(elsewhere.statusCode).toBe(200);
    const mine = await request(t.app, 'GET', base(), { as: w.admin });
    expect(mine.json()).toHaveLength(3);
  });

  it('lets authors and administrators change and delete; other agents may not', async () => {
    const own = (
      await request(t.app, 'POST', base(), {
        as: w.agent,
        body: { short_code: 'agent-own', content: 'Mine' },
      })
    ).json();
    const byOther = await request(t.app, 'PATCH', `${base()}/${own.id}`, {
      as: w.outsider,
      body: { content: 'Not yours' },
    });
    expect(byOther.statusCode).toBe(403);
    const events = recordEvents(t.app);
    const byAuthor = await request(t.app, 'PATCH', `${base()}/${own.id}`, {
      as: w.agent,
      body: { content: 'Mine, better' },
    });
    expect(byAuthor.statusCode).toBe(200);
    expect(byAuthor.json().content).toBe('Mine, better');
    const byAdmin = await request(t.app, 'PUT', `${base()}/${own.id}`, {
      as: w.admin,
      body: { short_code: 'agent-own-2' },
    });
    expect(byAdmin.json()).toMatchObject({ short_code: 'agent-own-2', content: 'Mine, better' });
    const removed = await request(t.app, 'DELETE', `${base()}/${own.id}`, { as: w.agent });
    expect(removed.statusCode).toBe(204);
    expect(events.events.map((e) => [e.event, e.data])).toEqual([
      ['canned_response.updated', expect.objectContaining({ content: 'Mine, better' })],
      ['canned_response.updated', expect.objectContaining({ short_code: 'agent-own-2' })],
      ['canned_response.deleted', { id: own.id }],
    ]);
    events.stop();
    const again = await request(t.app, 'DELETE', `${base()}/${own.id}`, { as: w.admin });
    expect(again.statusCode).toBe(404);
  });
});
