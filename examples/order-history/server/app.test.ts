import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ApiErrorBody, OrdersResponse } from '../shared/orders-api';
import { TEST_SECRET, claimsFor, tokenFor } from '../test/tokens';
import { buildOrderHistoryApp } from './app';
import { audiencesFor } from './auth';
import { generateOrders } from './orders';
import { openOrderStore } from './store';
import type { OrderStore } from './store';

const ORIGIN = 'http://127.0.0.1:4200';
const NOW = Date.UTC(2025, 9, 15, 12, 0, 0);

let app: FastifyInstance;
let store: OrderStore;
let storeCalls: number;

async function build(secret: string | undefined): Promise<void> {
  const real = openOrderStore(':memory:');
  storeCalls = 0;
  store = {
    ordersFor: (...args) => {
      storeCalls += 1;
      return real.ordersFor(...args);
    },
    close: () => real.close(),
  };
  app = await buildOrderHistoryApp({
    secret,
    audience: () => audiencesFor(ORIGIN),
    store,
    frameAncestors: ['http://localhost:3000'],
    now: () => NOW,
  });
}

function getOrders(authorization?: string, query = '?email=layla%40example.com') {
  return app.inject({
    method: 'GET',
    url: `/api/orders${query}`,
    headers: authorization ? { authorization } : {},
  });
}

beforeEach(() => build(TEST_SECRET));
afterEach(async () => {
  await app.close();
  store.close();
});

describe('GET /api/orders', () => {
  it('returns the orders of the contact the token names', async () => {
    const response = await getOrders(`Bearer ${tokenFor(ORIGIN)}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<OrdersResponse>();
    expect(body.account_id).toBe(1);
    expect(body.contact_id).toBe(42);
    expect(body.currency).toBe('SAR');
    const expected = generateOrders('layla@example.com', NOW).map((order) => ({
      ...order,
      placed_at: Math.floor(order.placed_at / 1000),
    }));
    expect(body.orders).toEqual(expected);
  });

  it('accepts the localhost spelling of a loopback origin', async () => {
    const response = await getOrders(`Bearer ${tokenFor('http://localhost:4200')}`);
    expect(response.statusCode).toBe(200);
  });

  it('takes the contact from the token only: the email parameter never selects a contact', async () => {
    const token = tokenFor(ORIGIN, { contact_id: 42 });
    const first = (
      await getOrders(`Bearer ${token}`, '?email=layla%40example.com')
    ).json<OrdersResponse>();
    const again = (
      await getOrders(`Bearer ${token}`, '?email=victim%40example.com')
    ).json<OrdersResponse>();
    expect(again).toEqual(first);

    const other = tokenFor(ORIGIN, { contact_id: 43 });
    const response = await getOrders(`Bearer ${other}`, '?email=layla%40example.com');
    expect(response.json<OrdersResponse>().contact_id).toBe(43);
    const sameContactOtherAccount = await getOrders(
      `Bearer ${tokenFor(ORIGIN, { account_id: 2 })}`,
      '?email=someone%40example.com',
    );
    expect(sameContactOtherAccount.json<OrdersResponse>()).toMatchObject({
      account_id: 2,
      contact_id: 42,
    });
    expect(sameContactOtherAccount.json<OrdersResponse>().orders).toEqual(
      generateOrders('someone@example.com', NOW).map((order) => ({
        ...order,
        placed_at: Math.floor(order.placed_at / 1000),
      })),
    );
  });

  it('seeds from the identifier, then the contact key, when there is no email', async () => {
    const byIdentifier = await getOrders(
      `Bearer ${tokenFor(ORIGIN, { contact_id: 50 })}`,
      '?identifier=cust-50',
    );
    expect(byIdentifier.json<OrdersResponse>().orders.map((order) => order.number)).toEqual(
      generateOrders('cust-50', NOW).map((order) => order.number),
    );
    const byKey = await getOrders(`Bearer ${tokenFor(ORIGIN, { contact_id: 51 })}`, '');
    expect(byKey.json<OrdersResponse>().orders.map((order) => order.number)).toEqual(
      generateOrders('1:51', NOW).map((order) => order.number),
    );
  });

  const refused: Array<[string, () => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['a scheme other than Bearer', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['a malformed token', () => 'Bearer not-a-jwt'],
    [
      'an expired token',
      () => {
        const iat = Math.floor(Date.now() / 1000) - 900;
        return `Bearer ${tokenFor(ORIGIN, { iat, exp: iat + 300 })}`;
      },
    ],
    ['a token for another app', () => `Bearer ${tokenFor('https://other-app.example.com')}`],
    [
      'a token signed with another secret',
      () => `Bearer ${tokenFor(ORIGIN, {}, 'not-the-secret')}`,
    ],
    [
      'an unsigned token (alg none)',
      () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString(
          'base64url',
        );
        const payload = Buffer.from(JSON.stringify(claimsFor(ORIGIN))).toString('base64url');
        return `Bearer ${header}.${payload}.`;
      },
    ],
  ];

  it.each(refused)('refuses %s with 401 and no data', async (_name, authorization) => {
    const response = await getOrders(authorization());
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toContain('Bearer');
    const body = response.json<ApiErrorBody & { orders?: unknown }>();
    expect(body).toMatchObject({ error: 'unauthorized', statusCode: 401 });
    expect(body.orders).toBeUndefined();
    expect(storeCalls).toBe(0);
  });

  it('answers 503 when the server has no signing secret', async () => {
    await app.close();
    store.close();
    await build(undefined);
    const response = await getOrders(`Bearer ${tokenFor(ORIGIN)}`);
    expect(response.statusCode).toBe(503);
    expect(response.json<ApiErrorBody>().error).toBe('not_configured');
    expect(storeCalls).toBe(0);
  });

  it('answers 400, not 500, to a silly query', async () => {
    const response = await getOrders(`Bearer ${tokenFor(ORIGIN)}`, `?email=${'a'.repeat(400)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiErrorBody>()).toMatchObject({ error: 'bad_request', statusCode: 400 });
  });

  it('lets the dashboard frame it: CSP frame-ancestors and no X-Frame-Options', async () => {
    const response = await getOrders(`Bearer ${tokenFor(ORIGIN)}`);
    expect(response.headers['content-security-policy']).toContain(
      'frame-ancestors http://localhost:3000',
    );
    expect(response.headers['x-frame-options']).toBeUndefined();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json<ApiErrorBody>().error).toBe('not_found');
  });
});
