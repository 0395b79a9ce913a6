/**
 * Password reset links issued by an administrator: the cross-account rule, the link working
 * once, and what a reset ends (every session and its sockets, the personal access token).
 * The e-mailed variants (self-service, and the links sent by mail) are in email.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSocket } from '../../realtime/testing';
import { listen, signInOverHttp } from '../../security/http';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { FIXTURE_PASSWORD, createWorld, type World } from '../../test/fixtures';

const NEW_PASSWORD = 'tamarind under a blue awning';

describe.each(DATABASE_KINDS)('password resets on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;
  const issue = (userId: number, as = w.admin) =>
    request(t.app, 'POST', `/api/v1/accounts/${w.accountId}/agents/${userId}/password_reset`, {
      as,
    });
  const tokenOf = (url: string) => decodeURIComponent(url.split('/').pop() ?? '');

  beforeAll(async () => {
    t = await createTestApp(kind, { passwordResetTtlMs: 45 * 60 * 1000 });
    w = await createWorld(t.app.db);
    base = await listen(t.app);
  });
  afterAll(() => t.close());

  it('an admin’s link sets the password once, ends every session and replaces the token', async () => {
    const session = await signInOverHttp(base, 'outsider@acme.test', FIXTURE_PASSWORD);
    const socket = await openSocket(
      `${base.replace('http', 'ws')}/cable?account_id=${w.accountId}`,
      { headers: { cookie: session.cookie, origin: base } },
    );
    const before = Date.now();
    const issued = await issue(w.outsider.id);
    expect(issued.statusCode).toBe(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { payload } = issued.json();
    expect(payload).toEqual({
      user_id: w.outsider.id,
      reset_url: expect.stringMatching(/^http:\/\/localhost:3000\/app\/reset-password\/[\w-]{43}$/),
      expires_at: expect.any(Number),
      emailed: false,
    });
    // PASSWORD_RESET_TTL_MINUTES (45 here) sets the lifetime.
    expect(payload.expires_at * 1000 - before).toBeGreaterThan(44 * 60 * 1000);
    expect(payload.expires_at * 1000 - before).toBeLessThanOrEqual(45 * 60 * 1000 + 1000);
    // Issuing changes nothing yet: the old password still works until the link is used.
    expect(
      (await signInOverHttp(base, 'outsider@acme.test', FIXTURE_PASSWORD)).cookie,
    ).toBeTruthy();

    const token = tokenOf(payload.reset_url);
    const opened = await request(t.app, 'GET', `/auth/password_resets/${token}`);
    expect(opened.json()).toEqual({
      data: { email: 'outsider@acme.test', expires_at: payload.expires_at },
    });
    const done = await request(t.app, 'POST', `/auth/password_resets/${token}`, {
      body: { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
    });
    expect(done.statusCode).toBe(200);
    expect(done.headers['set-cookie']).toMatch(/bevatel_session=/);
    const fresh = done.json().data;
    expect(fresh).toMatchObject({ email: 'outsider@acme.test', csrf_token: expect.any(String) });
    expect(fresh.access_token).not.toBe(w.outsider.access_token);

    // The old session, its socket and the old token are dead; the new password signs in.
    const profile = await fetch(`${base}/api/v1/profile`, { headers: { cookie: session.cookie } });
    expect(profile.status).toBe(401);
    const closed = await Promise.race([
      socket.closed,
      new Promise((resolve) => setTimeout(() => resolve('still open'), 1000)),
    ]);
    expect(closed).toMatchObject({ code: expect.any(Number) });
    expect((await request(t.app, 'GET', '/api/v1/profile', { as: w.outsider })).statusCode).toBe(
      401,
    );
    const withNew = { access_token: fresh.access_token as string };
    expect((await request(t.app, 'GET', '/api/v1/profile', { as: withNew })).statusCode).toBe(200);
    await expect(signInOverHttp(base, 'outsider@acme.test', FIXTURE_PASSWORD)).rejects.toThrow(
      /401/,
    );
    expect((await signInOverHttp(base, 'outsider@acme.test', NEW_PASSWORD)).cookie).toBeTruthy();
    w.outsider.access_token = fresh.access_token;

    // Once only.
    const again = await request(t.app, 'POST', `/auth/password_resets/${token}`, {
      body: { password: 'yet another long phrase' },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().message).toMatch(/expired or was already used/);
    expect((await request(t.app, 'GET', `/auth/password_resets/${token}`)).statusCode).toBe(410);
  });

  it('a newer link replaces the older one', async () => {
    const first = tokenOf((await issue(w.agent.id)).json().payload.reset_url);
    const second = tokenOf((await issue(w.agent.id)).json().payload.reset_url);
    expect((await request(t.app, 'GET', `/auth/password_resets/${first}`)).statusCode).toBe(410);
    expect((await request(t.app, 'GET', `/auth/password_resets/${second}`)).statusCode).toBe(200);
  });

  it('a password the person changes themselves ends the links issued before', async () => {
    const link = tokenOf((await issue(w.agent.id)).json().payload.reset_url);
    const changed = await request(t.app, 'PUT', '/api/v1/profile', {
      as: w.agent,
      body: {
        profile: {
          current_password: FIXTURE_PASSWORD,
          password: NEW_PASSWORD,
          password_confirmation: NEW_PASSWORD,
        },
      },
    });
    expect(changed.statusCode).toBe(200);
    expect((await request(t.app, 'GET', `/auth/password_resets/${link}`)).statusCode).toBe(410);
    const used = await request(t.app, 'POST', `/auth/password_resets/${link}`, {
      body: {
        password: 'yet another long phrase',
        password_confirmation: 'yet another long phrase',
      },
    });
    expect(used.statusCode).toBe(410);
    expect((await signInOverHttp(base, w.agent.email, NEW_PASSWORD)).cookie).toBeTruthy();
  });

  it('refuses a reset for someone who also belongs to an account the admin does not run', async () => {
    // B's administrator (the stranger) cannot reach A's agent at all: 404, as any record of A.
    const strangerIssues = await request(
      t.app,
      'POST',
      `/api/v1/accounts/${w.otherAccountId}/agents/${w.agent.id}/password_reset`,
      { as: w.stranger },
    );
    expect(strangerIssues.statusCode).toBe(404);

    // Once the agent also joins B, neither administrator alone may reset their password.
    await t.app.db
      .insertInto('account_users')
      .values({
        account_id: w.otherAccountId,
        user_id: w.agent.id,
        role: 'agent',
        auto_offline: 1,
        availability: 'offline',
        created_at: Date.now(),
      })
      .execute();
    for (const [accountId, as] of [
      [w.otherAccountId, w.stranger],
      [w.accountId, w.admin],
    ] as const) {
      const refused = await request(
        t.app,
        'POST',
        `/api/v1/accounts/${accountId}/agents/${w.agent.id}/password_reset`,
        { as },
      );
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toMatch(/also belongs to an account you do not administer/);
    }
    // An administrator of both accounts may.
    await t.app.db
      .insertInto('account_users')
      .values({
        account_id: w.otherAccountId,
        user_id: w.admin.id,
        role: 'administrator',
        auto_offline: 1,
        availability: 'offline',
        created_at: Date.now(),
      })
      .execute();
    expect((await issue(w.agent.id)).statusCode).toBe(200);
  });

  it('agents cannot issue reset links', async () => {
    const res = await issue(w.admin.id, w.agent);
    expect(res.statusCode).toBe(403);
  });
});
