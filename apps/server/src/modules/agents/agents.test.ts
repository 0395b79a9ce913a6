import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertAgent, insertConversation } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('agents on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const base = () => `/api/v1/accounts/${w.accountId}/agents`;
  const signIn = (email: string, password: string) =>
    request(t.app, 'POST', '/auth/sign_in', { body: { email, password } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('lists the account’s agents to any member, in the Agent shape', async () => {
    const res = await request(t.app, 'GET', base(), { as: w.outsider });
    expect(res.statusCode).toBe(200);
    const agents = res.json() as { email: string }[];
    expect(agents.map((a) => a.email)).toEqual([
      'admin@acme.test',
      'outsider@acme.test',
      'agent@acme.test',
    ]);
    expect(agents[0]).toEqual({
      id: w.admin.id,
      account_id: w.accountId,
      availability_status: 'online',
      auto_offline: true,
      confirmed: true,
      email: 'admin@acme.test',
      available_name: 'Amira Admin',
      name: 'Amira Admin',
      role: 'administrator',
      thumbnail: '',
    });
  });

  it('invites a new e-mail: no membership until the person sets their password', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { name: 'Nora New', email: 'Nora@Acme.test', role: 'agent' },
    });
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({
      id: null,
      email: 'nora@acme.test',
      role: 'agent',
      name: 'Nora New',
      confirmed: false,
    });
    expect(answer.invitation).toMatchObject({ status: 'pending', email: 'nora@acme.test' });
    expect(answer.invitation.invite_url).toMatch(/^http:\/\/localhost:3000\/app\/invitations\//);
    const list = await request(t.app, 'GET', base(), { as: w.admin });
    expect(list.json().map((a: { email: string }) => a.email)).not.toContain('nora@acme.test');

    const token = decodeURIComponent(answer.invitation.invite_url.split('/').pop());
    const accepted = await request(t.app, 'POST', `/auth/invitations/${token}/accept`, {
      body: { password: 'a quiet harbour at dawn' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().data.accounts).toEqual([
      { id: w.accountId, name: 'Acme Support', role: 'agent', availability_status: 'offline' },
    ]);
    expect((await signIn('nora@acme.test', 'a quiet harbour at dawn')).statusCode).toBe(200);
    const reused = await request(t.app, 'POST', `/auth/invitations/${token}/accept`, {
      body: { password: 'another long phrase here' },
    });
    expect(reused.statusCode).toBe(410);
  });

  it('refuses a password sent with an invitation, naming why', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { name: 'Gen Pass', email: 'gen@acme.test', password: 'long enough' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().field).toBe('password');
  });

  it('never attaches an existing user of another account; they answer from their session', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { name: 'Renamed', email: 'admin@other.test', role: 'agent' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: null, name: 'Renamed', confirmed: false });
    const before = await request(t.app, 'GET', base(), { as: w.admin });
    expect(before.json().map((a: { id: number }) => a.id)).not.toContain(w.stranger.id);
    // The link never sets an existing user's password.
    const token = decodeURIComponent(res.json().invitation.invite_url.split('/').pop());
    const viaLink = await request(t.app, 'POST', `/auth/invitations/${token}/accept`, {
      body: { password: 'hijacked password here' },
    });
    expect(viaLink.statusCode).toBe(409);
    expect((await signIn('admin@other.test', 'hijacked password here')).statusCode).toBe(401);

    const pending = await request(t.app, 'GET', '/api/v1/profile/invitations', {
      as: w.stranger,
    });
    expect(pending.json().payload).toEqual([
      expect.objectContaining({ account_id: w.accountId, account_name: 'Acme Support' }),
    ]);
    const id = pending.json().payload[0].id;
    const accept = await request(t.app, 'POST', `/api/v1/profile/invitations/${id}/accept`, {
      as: w.stranger,
    });
    expect(accept.statusCode).toBe(200);
    const after = await request(t.app, 'GET', base(), { as: w.admin });
    expect(after.json()).toContainEqual(
      expect.objectContaining({ id: w.stranger.id, name: 'Sam Stranger', role: 'agent' }),
    );
    const again = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { name: 'Sam', email: 'ADMIN@other.test' },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().field).toBe('email');
    const removed = await request(t.app, 'DELETE', `${base()}/${w.stranger.id}`, { as: w.admin });
    expect(removed.statusCode).toBe(204);
  });

  it('rejects bad agent input with the field named', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ email: 'x@acme.test' }, 'name'],
      [{ name: 'X', email: 'x@acme.test', role: 'owner' }, 'role'],
      [{ name: '   ', email: 'x@acme.test' }, 'name'],
      [{ name: 'X', email: 'x@acme.test', admin: true }, 'admin'],
    ];
    for (const [body, field] of cases) {
      const res = await request(t.app, 'POST', base(), { as: w.admin, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().field).toBe(field);
    }
  });

  it('lets only administrators manage agents', async () => {
    const post = await request(t.app, 'POST', base(), {
      as: w.agent,
      body: { name: 'X', email: 'x@acme.test' },
    });
    expect(post.statusCode).toBe(403);
    const patch = await request(t.app, 'PATCH', `${base()}/${w.agent.id}`, {
      as: w.agent,
      body: { role: 'administrator' },
    });
    expect(patch.statusCode).toBe(403);
    const del = await request(t.app, 'DELETE', `${base()}/${w.outsider.id}`, { as: w.agent });
    expect(del.statusCode).toBe(403);
  });

  it('updates availability and role, never the name; keeps the last administrator', async () => {
    const renamed = await request(t.app, 'PATCH', `${base()}/${w.outsider.id}`, {
      as: w.admin,
      body: { name: 'Lina O.' },
    });
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().field).toBe('name');
    const res = await request(t.app, 'PATCH', `${base()}/${w.outsider.id}`, {
      as: w.admin,
      body: { availability: 'busy', auto_offline: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      availability_status: 'busy',
      auto_offline: false,
      role: 'agent',
    });
    const demoteSelf = await request(t.app, 'PATCH', `${base()}/${w.admin.id}`, {
      as: w.admin,
      body: { role: 'agent' },
    });
    expect(demoteSelf.statusCode).toBe(422);
    expect(demoteSelf.json().field).toBe('role');
    const unknown = await request(t.app, 'PATCH', `${base()}/${w.stranger.id}`, {
      as: w.admin,
      body: { role: 'agent' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps an administrator when the only two remove each other at the same time', async () => {
    const db = t.app.db;
    const account = await db
      .insertInto('accounts')
      .values({ name: 'Two Admins', locale: 'en', created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await insertAgent(db, account.id, 'administrator');
    const second = await insertAgent(db, account.id, 'administrator');
    const url = (id: number) => `/api/v1/accounts/${account.id}/agents/${id}`;
    const results = await Promise.all([
      request(t.app, 'DELETE', url(second.id), { as: first }),
      request(t.app, 'DELETE', url(first.id), { as: second }),
    ]);
    const statuses = results.map((res) => res.statusCode);
    // One wins; the other finds itself no longer an administrator (or no longer a member).
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 204).every((s) => s === 403 || s === 404)).toBe(true);
    const admins = await db
      .selectFrom('account_users')
      .select('user_id')
      .where('account_id', '=', account.id)
      .where('role', '=', 'administrator')
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('refuses to remove yourself; removes another agent with their memberships here', async () => {
    const self = await request(t.app, 'DELETE', `${base()}/${w.admin.id}`, { as: w.admin });
    expect(self.statusCode).toBe(422);

    const promote = await request(t.app, 'PATCH', `${base()}/${w.agent.id}`, {
      as: w.admin,
      body: { role: 'administrator' },
    });
    expect(promote.json().role).toBe('administrator');
    const db = t.app.db;
    const conversation = await insertConversation(db, {
      account_id: w.accountId,
      inbox_id: w.apiInboxId,
      contact_id: w.contactId,
      assignee_id: w.agent.id,
    });

    const res = await request(t.app, 'DELETE', `${base()}/${w.agent.id}`, { as: w.admin });
    expect(res.statusCode).toBe(204);
    const members = await db
      .selectFrom('inbox_members')
      .selectAll()
      .where('user_id', '=', w.agent.id)
      .execute();
    expect(members).toEqual([]);
    const row = await db
      .selectFrom('conversations')
      .select('assignee_id')
      .where('id', '=', conversation)
      .executeTakeFirstOrThrow();
    expect(row.assignee_id).toBeNull();
    const profile = await request(t.app, 'GET', `/api/v1/accounts/${w.accountId}`, {
      as: w.agent,
    });
    expect(profile.statusCode).toBe(404);
    const gone = await request(t.app, 'DELETE', `${base()}/${w.agent.id}`, { as: w.admin });
    expect(gone.statusCode).toBe(404);
  });
});
