import type { AddressInfo } from 'node:net';
import { REALTIME_CLOSE_CODES, type RealtimeEnvelope } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../test/app';
import { DATABASE_KINDS } from '../test/databases';
import { FIXTURE_PASSWORD, createWorld, type World } from '../test/fixtures';
import {
  UpgradeRejected,
  fakeMessage,
  isEvent,
  isFrame,
  openSocket,
  type TestSocket,
} from './testing';

describe.each(DATABASE_KINDS)('realtime gateway on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let base: string;
  const open: TestSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await t.close();
  });

  async function connect(path: string, headers: Record<string, string> = {}) {
    const socket = await openSocket(`${base}${path}`, { headers });
    open.push(socket);
    return socket;
  }

  /** A socket of `user` following the fixture account, after its `subscribed` frame. */
  async function follow(user: { access_token: string }, accountId = world.accountId) {
    const socket = await connect(`/cable?account_id=${accountId}`, {
      api_access_token: user.access_token,
    });
    await socket.next(isFrame('subscribed'));
    return socket;
  }

  async function rejection(path: string, headers: Record<string, string> = {}) {
    const error = await connect(path, headers).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpgradeRejected);
    return error as UpgradeRejected;
  }

  async function signIn(email: string) {
    const res = await request(t.app, 'POST', '/auth/sign_in', {
      body: { email, password: FIXTURE_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'bevatel_session')!.value;
    return { cookie, csrf: res.json().data.csrf_token as string };
  }

  const publishMessage = (inboxId: number, content: string) =>
    t.app.realtime.publish(
      { accountId: world.accountId, inboxId },
      {
        event: 'message.created',
        data: fakeMessage({ account_id: world.accountId, inbox_id: inboxId, content }),
      },
    );

  it('refuses an upgrade without a cookie or token, or with a bad token', async () => {
    expect((await rejection('/cable')).statusCode).toBe(401);
    expect((await rejection('/cable?api_access_token=nope')).statusCode).toBe(401);
    expect((await rejection('/cable', { api_access_token: 'nope' })).statusCode).toBe(401);
    const body = JSON.parse((await rejection('/ws')).body);
    expect(body).toMatchObject({ error: 'unauthorized', statusCode: 401 });
    // Refused upgrades must not leave their sockets open (nothing else is connected yet).
    const connections = () =>
      new Promise<number>((done) => t.app.server.getConnections((_e, n) => done(n)));
    for (let i = 0; i < 50 && (await connections()) > 0; i += 1) {
      await new Promise((done) => setTimeout(done, 20));
    }
    expect(await connections()).toBe(0);
  });

  it("refuses another account's events, by URL and by subscribe frame", async () => {
    const byUrl = await rejection(`/cable?account_id=${world.otherAccountId}`, {
      api_access_token: world.agent.access_token,
    });
    expect(byUrl.statusCode).toBe(404);
    expect(
      (await rejection('/cable?account_id=abc', { api_access_token: world.agent.access_token }))
        .statusCode,
    ).toBe(400);

    // A socket following its own account asks to switch to a stranger's: refused, and it
    // then follows neither.
    const socket = await connect(
      `/cable?api_access_token=${world.agent.access_token}&account_id=${world.accountId}`,
    );
    await socket.next(isFrame('subscribed'));
    socket.send({ type: 'subscribe', account_id: world.otherAccountId });
    expect(await socket.next(isFrame('error'))).toMatchObject({ error: 'not_found' });
    for (const accountId of [world.otherAccountId, world.accountId]) {
      await t.app.realtime.publish(
        { accountId, inboxId: null },
        { event: 'contact.deleted', data: { id: 12345 } },
      );
    }
    await socket.quiet(isEvent('contact.deleted'));
  });

  it('accepts the session cookie from our own origin and refuses it from another', async () => {
    const { cookie } = await signIn('agent@acme.test');
    const headers = { cookie: `bevatel_session=${cookie}` };
    const foreign = await rejection(`/cable?account_id=${world.accountId}`, {
      ...headers,
      origin: 'https://evil.example',
    });
    expect(foreign.statusCode).toBe(403);
    expect((await rejection('/cable', { ...headers, origin: 'null' })).statusCode).toBe(403);

    const port = new URL(base).port;
    for (const origin of ['http://localhost:3000', `http://127.0.0.1:${port}`]) {
      const socket = await connect('/cable', { ...headers, origin });
      socket.send({ type: 'subscribe', account_id: world.accountId });
      expect(await socket.next(isFrame('subscribed'))).toMatchObject({
        account_id: world.accountId,
      });
    }
  });

  it('sends inbox events only to admins and members of that inbox', async () => {
    const admin = await follow(world.admin);
    const agent = await follow(world.agent);
    const outsider = await follow(world.outsider);
    const stranger = await follow(world.stranger, world.otherAccountId);

    await publishMessage(world.apiInboxId, 'in api inbox');
    await publishMessage(world.widgetInboxId, 'in widget inbox');
    await t.app.realtime.publish(
      { accountId: world.accountId, inboxId: null },
      { event: 'contact.deleted', data: { id: 999 } },
    );

    const inApi = isEvent('message.created', (d) => d.content === 'in api inbox');
    const inWidget = isEvent('message.created', (d) => d.content === 'in widget inbox');
    const toAll = isEvent('contact.deleted', (d) => d.id === 999);
    // Events arrive in order, so once the account-wide one is in, the others had their chance.
    for (const socket of [admin, agent, outsider]) await socket.next(toAll);
    expect(admin.received.some(inApi) && admin.received.some(inWidget)).toBe(true);
    expect(agent.received.some(inApi)).toBe(true);
    expect(agent.received.some(inWidget)).toBe(false);
    expect(outsider.received.some(inApi) || outsider.received.some(inWidget)).toBe(false);
    await stranger.quiet((m) => 'event' in m);

    const envelope = admin.received.find(inApi) as RealtimeEnvelope;
    expect(envelope).toMatchObject({ account_id: world.accountId, event: 'message.created' });
    const ids = admin.received.filter((m) => 'event' in m).map((m) => (m as RealtimeEnvelope).id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers ping with pong and unknown frames with an error', async () => {
    const socket = await follow(world.agent);
    socket.send({ type: 'ping' });
    await socket.next(isFrame('pong'));
    socket.send('not json');
    socket.send({ type: 'subscribe', account_id: 'x' });
    await socket.next(isFrame('error'));
    expect(socket.received.filter(isFrame('error'))).toHaveLength(2);
  });

  it('replays what a reconnecting client missed, and asks for a resync when it is gone', async () => {
    const admin = await follow(world.admin);
    await publishMessage(world.apiInboxId, 'replay 1');
    const first = (await admin.next(
      isEvent('message.created', (d) => d.content === 'replay 1'),
    )) as RealtimeEnvelope;
    await publishMessage(world.widgetInboxId, 'replay 2');
    await publishMessage(world.apiInboxId, 'replay 3');
    await admin.next(isEvent('message.created', (d) => d.content === 'replay 3'));

    const agent = await connect(`/cable?api_access_token=${world.agent.access_token}`);
    agent.send({ type: 'subscribe', account_id: world.accountId, after: first.id });
    const replayed = await agent.next(isEvent('message.created'));
    expect(replayed).toMatchObject({ data: { content: 'replay 3' } });
    await agent.quiet(isEvent('message.created', (d) => d.content !== 'replay 3'));

    agent.send({ type: 'resume', after: 1 });
    await agent.next(isFrame('resync'));
  });

  it('follows inbox membership changes and drops agents removed from the account', async () => {
    const outsider = await follow(world.outsider);
    await t.app.db
      .insertInto('inbox_members')
      .values({ inbox_id: world.widgetInboxId, user_id: world.outsider.id })
      .execute();
    await t.app.realtime.membershipChanged(world.accountId, world.outsider.id);
    await new Promise((done) => setTimeout(done, 100));
    await publishMessage(world.widgetInboxId, 'now visible');
    await outsider.next(isEvent('message.created', (d) => d.content === 'now visible'));

    await t.app.db.deleteFrom('inbox_members').where('user_id', '=', world.outsider.id).execute();
    await t.app.db.deleteFrom('account_users').where('user_id', '=', world.outsider.id).execute();
    await t.app.realtimeHub.refresh();
    expect((await outsider.closed).code).toBe(REALTIME_CLOSE_CODES.forbidden);
  });

  it('closes a cookie socket once its session is signed out', async () => {
    const { cookie, csrf } = await signIn('admin@acme.test');
    const socket = await connect(`/cable?account_id=${world.accountId}`, {
      cookie: `bevatel_session=${cookie}`,
    });
    await socket.next(isFrame('subscribed'));
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/auth/sign_out',
      cookies: { bevatel_session: cookie },
      headers: { 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    await t.app.realtimeHub.refresh();
    expect((await socket.closed).code).toBe(REALTIME_CLOSE_CODES.unauthorized);
  });

  it('caps the sockets of one user', async () => {
    const max = t.app.realtimeHub.options.maxSocketsPerUser;
    const sockets = await Promise.all(
      Array.from({ length: max }, () =>
        connect('/cable', { api_access_token: world.stranger.access_token }),
      ),
    );
    const extra = await connect('/cable', { api_access_token: world.stranger.access_token });
    expect((await extra.closed).code).toBe(REALTIME_CLOSE_CODES.tooManySockets);
    await Promise.all(sockets.map((s) => s.close()));
    // Closing frees the slots again.
    await new Promise((done) => setTimeout(done, 50));
    const again = await connect(`/cable?account_id=${world.otherAccountId}`, {
      api_access_token: world.stranger.access_token,
    });
    await again.next(isFrame('subscribed'));
  });

  it('drops sockets that stop answering pings', async () => {
    const silent = await openSocket(`${base}/cable`, {
      headers: { api_access_token: world.admin.access_token },
      autoPong: false,
    });
    open.push(silent);
    const lively = await connect('/cable', { api_access_token: world.admin.access_token });
    t.app.realtimeHub.heartbeat();
    await new Promise((done) => setTimeout(done, 100));
    t.app.realtimeHub.heartbeat();
    expect((await silent.closed).code).toBe(1006);
    expect(lively.ws.readyState).toBe(lively.ws.OPEN);
  });
});

describe('realtime gateway shutdown', () => {
  it('tells clients the server is restarting when the app closes', async () => {
    const t = await createTestApp('sqlite');
    const world = await createWorld(t.app.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const socket = await openSocket(`ws://127.0.0.1:${port}/cable?account_id=${world.accountId}`, {
      headers: { api_access_token: world.agent.access_token },
    });
    await socket.next(isFrame('subscribed'));
    await t.close();
    expect((await socket.closed).code).toBe(1012);
  });
});
