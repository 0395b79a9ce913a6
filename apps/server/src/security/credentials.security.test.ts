/**
 * Credentials: the access token can be revoked (everywhere at once), a password change ends the
 * other sessions and their sockets, sign-out closes its sockets within a second, and what is
 * stored is never the token itself.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/connect';
import { openSocket } from '../realtime/testing';
import { createTestApp, request, type TestApp } from '../test/app';
import { DATABASE_KINDS } from '../test/databases';
import { FIXTURE_PASSWORD, createWorld, type World } from '../test/fixtures';
import { listen, sessionHeaders, signInOverHttp } from './http';

describe.each(DATABASE_KINDS)('credentials on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;
  const socketUrl = () => `${base.replace('http', 'ws')}/cable?account_id=${w.accountId}`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await createWorld(t.app.db);
    base = await listen(t.app);
  });
  afterAll(() => t.close());

  it('stores neither access tokens nor session ids in the clear', async () => {
    const session = await signInOverHttp(base, 'agent@acme.test', FIXTURE_PASSWORD);
    const dump = JSON.stringify([
      await t.app.db.selectFrom('users').selectAll().execute(),
      await t.app.db.selectFrom('sessions').selectAll().execute(),
    ]);
    expect(dump).not.toContain(w.agent.access_token);
    expect(dump).not.toContain(session.cookie.split('=')[1]);
    expect(session.accessToken).toBe(w.agent.access_token);
  });

  it('reset_access_token: the old token answers 401 at once, its socket closes', async () => {
    const before = await request(t.app, 'GET', '/api/v1/profile', { as: w.outsider });
    expect(before.statusCode).toBe(200);
    expect(before.headers['cache-control']).toBe('no-store');
    const socket = await openSocket(`${socketUrl()}&api_access_token=${w.outsider.access_token}`);
    const reset = await request(t.app, 'POST', '/api/v1/profile/reset_access_token', {
      as: w.outsider,
    });
    expect(reset.statusCode).toBe(200);
    const fresh = reset.json().access_token as string;
    expect(fresh).not.toBe(w.outsider.access_token);
    const old = await request(t.app, 'GET', '/api/v1/profile', { as: w.outsider });
    expect(old.statusCode).toBe(401);
    expect(
      (await request(t.app, 'GET', '/api/v1/profile', { as: { access_token: fresh } })).statusCode,
    ).toBe(200);
    const closed = await Promise.race([
      socket.closed,
      new Promise((resolve) => setTimeout(() => resolve('still open'), 1000)),
    ]);
    expect(closed).toMatchObject({ code: expect.any(Number) });
    w.outsider.access_token = fresh;
  });

  it('a password change needs the current password, ends the other sessions and their sockets', async () => {
    const mine = await signInOverHttp(base, 'admin@acme.test', FIXTURE_PASSWORD);
    const other = await signInOverHttp(base, 'admin@acme.test', FIXTURE_PASSWORD);
    const otherSocket = await openSocket(socketUrl(), {
      headers: { cookie: other.cookie, origin: base },
    });
    const change = (profile: Record<string, string>) =>
      fetch(`${base}/api/v1/profile`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...sessionHeaders(mine) },
        body: JSON.stringify({ profile }),
      });
    const wrong = await change({
      current_password: 'not it at all',
      password: 'a brand new passphrase',
      password_confirmation: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(422);
    const weak = await change({
      current_password: FIXTURE_PASSWORD,
      password: 'password1234',
      password_confirmation: 'password1234',
    });
    expect(weak.status).toBe(422);
    expect(await weak.json()).toMatchObject({ field: 'password', reason: 'password_common' });
    const ok = await change({
      current_password: FIXTURE_PASSWORD,
      password: 'a brand new passphrase',
      password_confirmation: 'a brand new passphrase',
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');

    const profile = (session: { cookie: string }) =>
      fetch(`${base}/api/v1/profile`, { headers: { cookie: session.cookie } });
    expect((await profile(other)).status).toBe(401);
    expect((await profile(mine)).status).toBe(200);
    const closed = await Promise.race([
      otherSocket.closed,
      new Promise((resolve) => setTimeout(() => resolve('still open'), 1000)),
    ]);
    expect(closed).toMatchObject({ code: expect.any(Number) });
    expect(
      (await signInOverHttp(base, 'admin@acme.test', 'a brand new passphrase')).cookie,
    ).toBeTruthy();
  });

  it('sign-out closes that session’s sockets within a second', async () => {
    const session = await signInOverHttp(base, 'agent@acme.test', FIXTURE_PASSWORD);
    const socket = await openSocket(socketUrl(), {
      headers: { cookie: session.cookie, origin: base },
    });
    const started = Date.now();
    const out = await fetch(`${base}/auth/sign_out`, {
      method: 'DELETE',
      headers: sessionHeaders(session),
    });
    expect(out.status).toBe(204);
    const closed = await Promise.race([
      socket.closed,
      new Promise((resolve) => setTimeout(() => resolve('still open'), 1000)),
    ]);
    expect(closed).toMatchObject({ code: expect.any(Number) });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('files on disk', () => {
  it('creates the data directory 0700 and the SQLite file 0600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bevatel-perm-')), 'data');
    const handle = connectDatabase(`sqlite:${join(dir, 'bevatel.sqlite3')}`);
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'bevatel.sqlite3')).mode & 0o777).toBe(0o600);
    } finally {
      await handle.close();
    }
  });
});
