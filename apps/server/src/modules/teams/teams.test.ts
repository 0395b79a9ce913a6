import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('teams on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const base = () => `/api/v1/accounts/${w.accountId}/teams`;
  const ids = (res: { json(): { id: number }[] }) => res.json().map((a) => a.id);

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('creates, reads, updates and deletes a team', async () => {
    const created = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { name: 'Billing', description: 'Money questions' },
    });
    expect(created.statusCode).toBe(200);
    const team = created.json();
    expect(team).toEqual({
      id: expect.any(Number),
      name: 'Billing',
      description: 'Money questions',
      allow_auto_assign: true,
      account_id: w.accountId,
      is_member: false,
    });
    const list = await request(t.app, 'GET', base(), { as: w.outsider });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([team]);

    const updated = await request(t.app, 'PATCH', `${base()}/${team.id}`, {
      as: w.admin,
      body: { name: 'Payments', allow_auto_assign: false, description: null },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Payments',
      allow_auto_assign: false,
      description: null,
    });
    const one = await request(t.app, 'GET', `${base()}/${team.id}`, { as: w.agent });
    expect(one.json().name).toBe('Payments');

    const removed = await request(t.app, 'DELETE', `${base()}/${team.id}`, { as: w.admin });
    expect(removed.statusCode).toBe(204);
    const gone = await request(t.app, 'GET', `${base()}/${team.id}`, { as: w.admin });
    expect(gone.statusCode).toBe(404);
  });

  it('keeps team names unique per account and writes admin-only', async () => {
    const first = await request(t.app, 'POST', base(), { as: w.admin, body: { name: 'Sales' } });
    expect(first.statusCode).toBe(200);
    const dup = await request(t.app, 'POST', base(), { as: w.admin, body: { name: ' Sales ' } });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().field).toBe('name');
    const other = await request(t.app, 'POST', base(), { as: w.admin, body: { name: 'Other' } });
    const clash = await request(t.app, 'PATCH', `${base()}/${other.json().id}`, {
      as: w.admin,
      body: { name: 'Sales' },
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().field).toBe('name');
    const elsewhere = await request(t.app, 'POST', `/api/v1/accounts/${w.otherAccountId}/teams`, {
      as: w.stranger,
      body: { name: 'Sales' },
    });
    expect(elsewhere.statusCode).toBe(200);
    const fromElsewhere = await request(t.app, 'GET', `${base()}/${elsewhere.json().id}`, {
      as: w.admin,
    });
    expect(fromElsewhere.statusCode).toBe(404);
    const agent = await request(t.app, 'POST', base(), { as: w.agent, body: { name: 'Mine' } });
    expect(agent.statusCode).toBe(403);
    const agentDelete = await request(t.app, 'DELETE', `${base()}/${first.json().id}`, {
      as: w.agent,
    });
    expect(agentDelete.statusCode).toBe(403);
  });

  it('adds, replaces and removes team members', async () => {
    const team = (
      await request(t.app, 'POST', base(), { as: w.admin, body: { name: 'Tier 2' } })
    ).json();
    const url = `${base()}/${team.id}/team_members`;
    const added = await request(t.app, 'POST', url, {
      as: w.admin,
      body: { user_ids: [w.agent.id] },
    });
    expect(added.statusCode).toBe(200);
    expect(ids(added)).toEqual([w.agent.id]);
    const addedAgain = await request(t.app, 'POST', url, {
      as: w.admin,
      body: { user_ids: [w.agent.id, w.outsider.id] },
    });
    expect(ids(addedAgain)).toEqual([w.outsider.id]);
    const listed = await request(t.app, 'GET', url, { as: w.agent });
    expect(ids(listed).sort()).toEqual([w.agent.id, w.outsider.id].sort());
    const mine = await request(t.app, 'GET', `${base()}/${team.id}`, { as: w.agent });
    expect(mine.json().is_member).toBe(true);

    const replaced = await request(t.app, 'PATCH', url, {
      as: w.admin,
      body: { user_ids: [w.admin.id] },
    });
    expect(ids(replaced)).toEqual([w.admin.id]);
    const removed = await request(t.app, 'DELETE', url, {
      as: w.admin,
      body: { user_ids: [w.admin.id] },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual([]);

    const stranger = await request(t.app, 'POST', url, {
      as: w.admin,
      body: { user_ids: [w.stranger.id] },
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().field).toBe('user_ids');
    const unknownTeam = await request(t.app, 'POST', `${base()}/999999/team_members`, {
      as: w.admin,
      body: { user_ids: [] },
    });
    expect(unknownTeam.statusCode).toBe(404);
    const agent = await request(t.app, 'POST', url, {
      as: w.agent,
      body: { user_ids: [w.agent.id] },
    });
    expect(agent.statusCode).toBe(403);
  });
});
