import { ContextTokenError, verifyContextToken } from '@bevatel/dashboard-app-sdk/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { createWorld, type World } from '../../test/fixtures';
import { contextTokenIssuer } from './context-token';
import { decryptAppSecret } from './secret';
import { insertConversation } from '../../test/factories';

const APP_ORIGIN = 'https://orders.example.com';
const ISSUER = 'http://localhost:3000';

function decodeJwt(token: string) {
  const [header, payload] = token.split('.') as [string, string];
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
  };
}

describe.each(DATABASE_KINDS)('dashboard app secrets and context tokens on %s', (kind) => {
  let t: TestApp;
  let world: World;
  let appId: number;
  const base = () => `/api/v1/accounts/${world.accountId}/dashboard_apps`;
  const tokenUrl = (id = appId) => `${base()}/${id}/context_token`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    // #1 in the API inbox (the agent is a member), #2 in the website inbox (no agent is).
    await insertConversation(t.app.db, {
      account_id: world.accountId,
      inbox_id: world.apiInboxId,
      contact_id: world.contactId,
      display_id: 1,
    });
    await insertConversation(t.app.db, {
      account_id: world.accountId,
      inbox_id: world.widgetInboxId,
      contact_id: world.contactId,
      display_id: 2,
    });
    const created = await request(t.app, 'POST', base(), {
      as: world.admin,
      body: {
        title: 'Orders',
        content: [
          { type: 'frame', url: `${APP_ORIGIN}/embed?x=1` },
          { type: 'frame', url: 'https://other.example.com/' },
        ],
      },
    });
    appId = created.json().id;
  });
  afterAll(() => t.close());

  it('refuses a token while the app has no secret', async () => {
    const res = await request(t.app, 'POST', tokenUrl(), {
      as: world.agent,
      body: { conversation_id: 1 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'unprocessable_entity' });
    expect(res.json().message).toMatch(/secret/);
  });

  let secret: string;

  it('shows a new secret once; GET and list never carry it; the column is not the plaintext', async () => {
    const res = await request(t.app, 'POST', `${base()}/${appId}/secret`, { as: world.admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(res.json())).toEqual(['secret']);
    secret = res.json().secret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const one = await request(t.app, 'GET', `${base()}/${appId}`, { as: world.admin });
    const list = await request(t.app, 'GET', base(), { as: world.admin });
    expect(one.json().has_secret).toBe(true);
    for (const text of [one.body, list.body]) {
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/secret_ciphertext|"secret"/);
    }

    const row = await t.app.db
      .selectFrom('dashboard_apps')
      .selectAll()
      .where('id', '=', appId)
      .executeTakeFirstOrThrow();
    expect(row.secret_ciphertext).not.toBe(null);
    expect(row.secret_ciphertext).not.toContain(secret);
    expect(row.secret_ciphertext).not.toContain(Buffer.from(secret).toString('base64url'));
    expect(
      decryptAppSecret(
        row.secret_ciphertext!,
        { accountId: world.accountId, appId },
        t.app.config.secretKeyBase,
      ),
    ).toBe(secret);
  });

  it('mints a token an agent of the inbox may have, verifiable with the SDK', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await request(t.app, 'POST', tokenUrl(), {
      as: world.agent,
      body: { conversation_id: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, expires_at } = res.json() as { token: string; expires_at: number };
    const claims = verifyContextToken(token, secret, { audience: APP_ORIGIN, issuer: ISSUER });
    expect(claims).toEqual({
      iss: ISSUER,
      aud: APP_ORIGIN,
      sub: String(world.agent.id),
      account_id: world.accountId,
      app_id: appId,
      conversation_id: 1,
      contact_id: world.contactId,
      inbox_id: world.apiInboxId,
      role: 'agent',
      location: 'conversation.tab',
      iat: expect.any(Number),
      exp: expires_at,
      jti: expect.stringMatching(/^[A-Za-z0-9_-]{16,}$/),
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.exp - claims.iat).toBe(300);
    expect(decodeJwt(token).header).toEqual({ alg: 'HS256', typ: 'JWT' });
    // Another app origin, or the wrong secret, is refused by the SDK.
    expect(() =>
      verifyContextToken(token, secret, { audience: 'https://other.example.com' }),
    ).toThrow(ContextTokenError);
    expect(() => verifyContextToken(token, `${secret}x`, { audience: APP_ORIGIN })).toThrow(
      /signature/,
    );

    const second = await request(t.app, 'POST', tokenUrl(), {
      as: world.agent,
      body: { conversation_id: '1' },
    });
    expect(second.statusCode).toBe(200);
    expect(decodeJwt(second.json().token).payload.jti).not.toBe(decodeJwt(token).payload.jti);
  });

  it('lets administrators have tokens for every conversation of the account', async () => {
    const res = await request(t.app, 'POST', tokenUrl(), {
      as: world.admin,
      body: { conversation_id: 2 },
    });
    expect(res.statusCode).toBe(200);
    const claims = verifyContextToken(res.json().token, secret, { audience: APP_ORIGIN });
    expect(claims).toMatchObject({
      sub: String(world.admin.id),
      role: 'administrator',
      conversation_id: 2,
      inbox_id: world.widgetInboxId,
    });
  });

  it('answers 404 for conversations the agent may not see, or that do not exist', async () => {
    const cases: Array<[typeof world.agent, number]> = [
      [world.agent, 2], // not a member of the website inbox
      [world.outsider, 1], // member of no inbox
      [world.agent, 999],
      [world.admin, 999],
    ];
    for (const [user, conversationId] of cases) {
      const res = await request(t.app, 'POST', tokenUrl(), {
        as: user,
        body: { conversation_id: conversationId },
      });
      expect(res.statusCode, `${user.email} #${conversationId}`).toBe(404);
    }
    const stranger = await request(t.app, 'POST', tokenUrl(), {
      as: world.stranger,
      body: { conversation_id: 1 },
    });
    expect(stranger.statusCode).toBe(404);
    const anonymous = await request(t.app, 'POST', tokenUrl(), { body: { conversation_id: 1 } });
    expect(anonymous.statusCode).toBe(401);
    const unknownApp = await request(t.app, 'POST', tokenUrl(999999), {
      as: world.admin,
      body: { conversation_id: 1 },
    });
    expect(unknownApp.statusCode).toBe(404);
  });

  it("does not hand out tokens for another account's conversation of the same number", async () => {
    // The other account has its own #3; this account has none.
    await insertConversation(t.app.db, {
      account_id: world.otherAccountId,
      inbox_id: world.apiInboxId,
      contact_id: world.otherAccountContactId,
      display_id: 3,
    });
    const res = await request(t.app, 'POST', tokenUrl(), {
      as: world.admin,
      body: { conversation_id: 3 },
    });
    expect(res.statusCode).toBe(404);
  });

  it('needs a valid conversation_id', async () => {
    for (const payload of [
      undefined,
      {},
      { conversation_id: null },
      { conversation_id: 0 },
      { conversation_id: 1.5 },
      { conversation_id: 'abc' },
      { conversation_id: -4 },
      { conversation_id: 2147483648 },
      { conversation_id: '9999999999' },
      { conversation_id: true },
    ]) {
      const res = await request(t.app, 'POST', tokenUrl(), { as: world.agent, body: payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().field).toBe('conversation_id');
    }
  });

  it('rotation changes the secret: old tokens and the old secret stop working', async () => {
    const oldToken = (
      await request(t.app, 'POST', tokenUrl(), { as: world.agent, body: { conversation_id: 1 } })
    ).json().token as string;
    const agentTry = await request(t.app, 'POST', `${base()}/${appId}/secret`, { as: world.agent });
    expect(agentTry.statusCode).toBe(403);
    const res = await request(t.app, 'POST', `${base()}/${appId}/secret`, { as: world.admin });
    const rotated = res.json().secret as string;
    expect(rotated).not.toBe(secret);
    const fresh = (
      await request(t.app, 'POST', tokenUrl(), { as: world.agent, body: { conversation_id: 1 } })
    ).json().token as string;
    expect(verifyContextToken(fresh, rotated, { audience: APP_ORIGIN }).app_id).toBe(appId);
    expect(() => verifyContextToken(fresh, secret, { audience: APP_ORIGIN })).toThrow(
      ContextTokenError,
    );
    expect(() => verifyContextToken(oldToken, rotated, { audience: APP_ORIGIN })).toThrow(
      ContextTokenError,
    );
    secret = rotated;
  });

  it('the audience follows the first frame when the URL changes', async () => {
    await request(t.app, 'PATCH', `${base()}/${appId}`, {
      as: world.admin,
      body: { content: [{ type: 'frame', url: 'https://crm.example.com:8443/a' }] },
    });
    const res = await request(t.app, 'POST', tokenUrl(), {
      as: world.agent,
      body: { conversation_id: 1 },
    });
    expect(
      verifyContextToken(res.json().token, secret, { audience: 'https://crm.example.com:8443' })
        .aud,
    ).toBe('https://crm.example.com:8443');
  });

  it('removing the secret stops tokens; removing it again is harmless', async () => {
    const res = await request(t.app, 'DELETE', `${base()}/${appId}/secret`, { as: world.admin });
    expect(res.statusCode).toBe(204);
    const app = await request(t.app, 'GET', `${base()}/${appId}`, { as: world.agent });
    expect(app.json().has_secret).toBe(false);
    const token = await request(t.app, 'POST', tokenUrl(), {
      as: world.agent,
      body: { conversation_id: 1 },
    });
    expect(token.statusCode).toBe(422);
    const again = await request(t.app, 'DELETE', `${base()}/${appId}/secret`, { as: world.admin });
    expect(again.statusCode).toBe(204);
  });

  it('a secret that no longer decrypts (SECRET_KEY_BASE changed) asks for rotation, not a 500', async () => {
    await request(t.app, 'POST', `${base()}/${appId}/secret`, { as: world.admin });
    await t.app.db
      .updateTable('dashboard_apps')
      .set({ secret_ciphertext: 'v1.AAAA.AAAA.AAAA' })
      .where('id', '=', appId)
      .execute();
    const res = await request(t.app, 'POST', tokenUrl(), {
      as: world.agent,
      body: { conversation_id: 1 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/rotate/);
  });
});

describe('the token issuer', () => {
  it('is the origin of PUBLIC_URL, without its path or trailing slash', () => {
    expect(contextTokenIssuer('https://help.example.com/bevatel/')).toBe(
      'https://help.example.com',
    );
    expect(contextTokenIssuer('http://localhost:3000')).toBe('http://localhost:3000');
    expect(contextTokenIssuer('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000');
  });
});
