/**
 * Security findings, reproduced as the attacks they were: cross-account takeover through
 * `agents`, and what an administrator of one account may change of a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../test/app';
import { DATABASE_KINDS } from '../test/databases';
import { createWorld, type World } from '../test/fixtures';

describe.each(DATABASE_KINDS)('cross-account membership on %s', (kind) => {
  let t: TestApp;
  let w: World;
  /** Account B: the stranger administers it; the world's account is A. */
  let accountB: number;
  const agentsOf = (id: number) => `/api/v1/accounts/${id}/agents`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
    accountB = w.otherAccountId;
  });
  afterAll(() => t.close());

  /** The parts of an invitation answer that may differ between two e-mails. */
  const shapeOf = (body: Record<string, unknown>) => {
    const invitation = body.invitation as Record<string, unknown>;
    return {
      ...body,
      email: '<email>',
      name: '<name>',
      available_name: '<name>',
      invitation: {
        ...invitation,
        id: '<id>',
        email: '<email>',
        name: '<name>',
        invite_url: '<url>',
        created_at: '<t>',
        expires_at: '<t>',
      },
    };
  };

  it('B’s admin adding A’s agent makes a pending invitation, not a member, and tells nothing', async () => {
    const existing = await request(t.app, 'POST', agentsOf(accountB), {
      as: w.stranger,
      body: { name: 'Taken Over', email: 'agent@acme.test' },
    });
    const unknown = await request(t.app, 'POST', agentsOf(accountB), {
      as: w.stranger,
      body: { name: 'Nobody Yet', email: 'nobody-yet@elsewhere.test' },
    });
    expect(existing.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    // Same answer whether or not the e-mail has an account: no name, no id, no oracle.
    expect(shapeOf(existing.json())).toEqual(shapeOf(unknown.json()));
    expect(JSON.stringify(existing.json())).not.toContain('Omar Agent');
    expect(existing.json().id).toBeNull();
    // Still not a member of B: B cannot see, rename or use them.
    const members = await request(t.app, 'GET', agentsOf(accountB), { as: w.stranger });
    expect(members.json().map((a: { id: number }) => a.id)).not.toContain(w.agent.id);
    const rename = await request(t.app, 'PATCH', `${agentsOf(accountB)}/${w.agent.id}`, {
      as: w.stranger,
      body: { role: 'agent' },
    });
    expect(rename.statusCode).toBe(404);
  });

  it('the invited person declines from their own session: no membership ever existed', async () => {
    const pending = await request(t.app, 'GET', '/api/v1/profile/invitations', { as: w.agent });
    const invitation = pending
      .json()
      .payload.find((i: { account_id: number }) => i.account_id === accountB);
    expect(invitation).toBeDefined();
    const declined = await request(
      t.app,
      'POST',
      `/api/v1/profile/invitations/${invitation.id}/decline`,
      { as: w.agent },
    );
    expect(declined.statusCode).toBe(200);
    expect(declined.json().accounts.map((a: { id: number }) => a.id)).not.toContain(accountB);
    // Someone else cannot answer it, and it cannot be answered twice.
    const again = await request(
      t.app,
      'POST',
      `/api/v1/profile/invitations/${invitation.id}/accept`,
      { as: w.agent },
    );
    expect(again.statusCode).toBe(410);
  });

  it('after acceptance B’s admin changes role and availability in B only, never the name', async () => {
    await request(t.app, 'POST', agentsOf(accountB), {
      as: w.stranger,
      body: { name: 'Whatever', email: 'agent@acme.test' },
    });
    const pending = await request(t.app, 'GET', '/api/v1/profile/invitations', { as: w.agent });
    const id = pending.json().payload[0].id as number;
    expect(
      (await request(t.app, 'POST', `/api/v1/profile/invitations/${id}/accept`, { as: w.agent }))
        .statusCode,
    ).toBe(200);

    const rename = await request(t.app, 'PATCH', `${agentsOf(accountB)}/${w.agent.id}`, {
      as: w.stranger,
      body: { name: 'Renamed By B' },
    });
    expect(rename.statusCode).toBe(422);
    const busy = await request(t.app, 'PATCH', `${agentsOf(accountB)}/${w.agent.id}`, {
      as: w.stranger,
      body: { availability: 'busy' },
    });
    expect(busy.statusCode).toBe(200);
    expect(busy.json().availability_status).toBe('busy');

    // Account A still sees the person as they are, with A's availability.
    const inA = await request(t.app, 'GET', agentsOf(w.accountId), { as: w.admin });
    const seen = inA.json().find((a: { id: number }) => a.id === w.agent.id);
    expect(seen).toMatchObject({ name: 'Omar Agent', availability_status: 'online' });
  });
});
