import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases';
import { createTestApp, request, type TestApp } from '../../test/app';
import { FIXTURE_PASSWORD, createWorld, type World } from '../../test/fixtures';

describe.each(DATABASE_KINDS)('auth on %s', (kind) => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('signs in with the right password, sets an httpOnly cookie and answers the profile', async () => {
    const res = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email: 'Agent@Acme.test', password: FIXTURE_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data).toMatchObject({
      id: world.agent.id,
      email: 'agent@acme.test',
      account_id: world.accountId,
    });
    expect(data.accounts).toEqual([
      { id: world.accountId, name: 'Acme Support', role: 'agent', availability_status: 'online' },
    ]);
    expect(data.access_token).toBe(world.agent.access_token);
    const cookie = res.cookies.find((c) => c.name === 'bevatel_session');
    expect(cookie?.httpOnly).toBe(true);

    const profile = await t.app.inject({
      method: 'GET',
      url: '/api/v1/profile',
      cookies: { bevatel_session: cookie!.value },
    });
    expect(profile.statusCode).toBe(200);
    expect(profile.json().email).toBe('agent@acme.test');
  });

  it('answers who is signed in on /auth/session: the profile, or null with 200', async () => {
    const nobody = await request(t.app, 'GET', '/auth/session');
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toEqual({ data: null });
    const res = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email: 'agent@acme.test', password: FIXTURE_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'bevatel_session')!.value;
    const session = await t.app.inject({
      method: 'GET',
      url: '/auth/session',
      cookies: { bevatel_session: cookie },
    });
    expect(session.json().data).toMatchObject({
      id: world.agent.id,
      csrf_token: res.json().data.csrf_token,
    });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email: 'agent@acme.test', password: 'nope' },
    });
    const unknown = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email: 'ghost@acme.test', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().message).toMatch(/invalid email or password/i);
  });

  it('rejects a cookie-authenticated write without the CSRF token, accepts it with the token', async () => {
    const res = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email: 'admin@acme.test', password: FIXTURE_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'bevatel_session')!.value;
    const csrf = res.json().data.csrf_token as string;
    const body = { profile: { ui_settings: { locale: 'ar' } } };
    const without = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/profile',
      cookies: { bevatel_session: cookie },
      payload: body,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().message).toMatch(/csrf/i);
    const withToken = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/profile',
      cookies: { bevatel_session: cookie },
      headers: { 'x-csrf-token': csrf },
      payload: body,
    });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().ui_settings.locale).toBe('ar');
  });

  it('signs out: the cookie no longer works', async () => {
    const res = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email: 'admin@acme.test', password: FIXTURE_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'bevatel_session')!.value;
    const csrf = res.json().data.csrf_token as string;
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/auth/sign_out',
      cookies: { bevatel_session: cookie },
      headers: { 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const profile = await t.app.inject({
      method: 'GET',
      url: '/api/v1/profile',
      cookies: { bevatel_session: cookie },
    });
    expect(profile.statusCode).toBe(401);
  });

  it('answers bad sign-in input with 4xx JSON naming the field', async () => {
    const missing = await request(t.app, 'POST', '/auth/sign_in', { body: { email: 'a@b.c' } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ error: 'unprocessable_entity', field: 'password' });
    const wrongType = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email: 5, password: 'x' },
    });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().field).toBe('email');
    const notJson = await request(t.app, 'POST', '/auth/sign_in', {
      body: '{nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBe('bad_request');
  });

  it('rate-limits repeated sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await request(t.app, 'POST', '/auth/sign_in', {
        body: { email: 'limited@acme.test', password: 'x' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[11]).toBe(429);
  });

  it('answers unknown routes and an unknown access token with JSON errors', async () => {
    const missing = await request(t.app, 'GET', '/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('not_found');
    const badToken = await request(t.app, 'GET', '/api/v1/profile', {
      as: { access_token: 'forged' },
    });
    expect(badToken.statusCode).toBe(401);
  });
});
