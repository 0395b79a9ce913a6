import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertAgent, insertConversation } from '../../test/factories';
import { FIXTURE_PASSWORD, createWorld, type World } from '../../test/fixtures';

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

  it('creates a new user with the given password, who can then sign in', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { name: 'Nora New', email: 'Nora@Acme.test', role: 'agent', password: 'long enough' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'nora@acme.test', role: 'agent', name: 'Nora New' });
    expect(res.json().generated_password).toBeUndefined();
    const login = await signIn('nora@acme.test', 'long enough');
    expect(login.statusCode).toBe(200);
    expect(login.json().data.accounts).toEqual([
      { id: w.accountId, name: 'Acme Support', role: 'agent' },
    ]);
  });

  it('generates a password once when none is given', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { name: 'Gen Pass', email: 'gen@acme.test' },
    });
    expect(res.statusCode).toBe(200);
    const { generated_password: password, role } = res.json();
    expect(role).toBe('agent');
    expect(typeof password).toBe('string');
    expect((await signIn('gen@acme.test', password)).statusCode).toBe(200);
    const list = await request(t.app, 'GET', base(), { as: w.admin });
    expect(JSON.stringify(list.json())).not.toContain(password);
  });

  it('attaches an existing user without touching their name or password', async () => {
    const res = await request(t.app, 'POST', base(), {
      as: w.admin,
      body: { name: 'Renamed', email: 'admin@other.test', role: 'agent', password: 'hijacked!!' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: w.stranger.id, name: 'Sam Stranger', role: 'agent' });
    expect(res.json().generated_password).toBeUndefined();
    expect((await signIn('admin@other.test', 'hijacked!!')).statusCode).toBe(401);
    expect((await signIn('admin@other.test', FIXTURE_PASSWORD)).statusCode).toBe(200);
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
      [{ name: 'X', email: 'x@acme.test', password: 'short' }, 'password'],
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

  it('updates name, availability and role; keeps the last administrator', async () => {
    const res = await request(t.app, 'PATCH', `${base()}/${w.outsider.id}`, {
      as: w.admin,
      body: { name: 'Lina O.', availability: 'busy', auto_offline: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Lina O.',
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
      body: { name: 'X' },
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
