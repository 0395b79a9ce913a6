/**
 * The route walk: every JSON route the app registers declares its request schemas and a
 * response schema for its success answer, so Fastify serializes it and the web client's types
 * come from the same source (`API_ENDPOINTS` in @bevatel/protocol/schemas). A route added
 * without one fails here; answers that a schema would change fail every test that makes them
 * (plugins/contracts.ts verifies them in tests). There is no list of exceptions: a new route
 * lands with its schema.
 */
import { API_ENDPOINTS } from '@bevatel/protocol/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJsonRoute } from '../lib/json-routes';
import { createTestApp, type TestApp } from './app';
import { registeredRoutes, routeKey } from './routes';

describe('route contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  const jsonRoutes = () => t.app.routeContracts.filter((c) => isJsonRoute(c.url) && !c.websocket);
  const keysOf = (c: (typeof t.app.routeContracts)[number]) =>
    [c.method]
      .flat()
      .filter((method) => method !== 'HEAD')
      .map((method) => `${method} ${c.url}`);
  const successOf = (c: (typeof t.app.routeContracts)[number]) => {
    const response = (c.schema?.response ?? {}) as Record<string, unknown>;
    return Object.entries(response).find(([code]) => /^2\d\d$/.test(code))?.[1];
  };

  it('knows the schemas of every registered route', () => {
    const recorded = new Set(
      t.app.routeContracts.flatMap((c) =>
        [c.method].flat().map((method) => routeKey({ method, route: c.url })),
      ),
    );
    const missing = registeredRoutes(t.app)
      .filter((r) => isJsonRoute(r.route))
      .map(routeKey)
      .filter((key) => !recorded.has(key));
    expect(missing).toEqual([]);
  });

  it('finds a response schema for the success answer of every JSON route', () => {
    expect(jsonRoutes().length).toBeGreaterThan(90);
    const lacking = jsonRoutes()
      .filter((c) => successOf(c) === undefined)
      .flatMap(keysOf)
      .sort();
    expect(lacking).toEqual([]);
  });

  it('answers with the schema the protocol lists for the endpoint, and the protocol lists no other', () => {
    const endpoints = new Map<string, unknown>(Object.entries(API_ENDPOINTS));
    const seen = new Set<string>();
    const mismatched: string[] = [];
    for (const c of jsonRoutes()) {
      for (const key of keysOf(c)) {
        seen.add(key);
        if (endpoints.get(key) !== successOf(c)) mismatched.push(key);
      }
    }
    expect(mismatched).toEqual([]);
    expect([...endpoints.keys()].filter((key) => !seen.has(key))).toEqual([]);
  });

  it('declares the params of every route with a path parameter', () => {
    const noParams = jsonRoutes().filter((c) => c.url.includes('/:') && !c.schema?.params);
    expect(noParams.map((c) => c.url)).toEqual([]);
  });
});
