import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type AccessCase, type Actor } from './access';
import { ACCESS_CASES, PENDING_ACCESS_ROUTES, PUBLIC_ROUTES } from './access-cases';
import { createTestApp, request, type TestApp } from './app';
import { DATABASE_KINDS } from './databases';
import { createWorld, type World } from './fixtures';
import { fillRoute, registeredRoutes, routeKey } from './routes';

const title = (c: AccessCase) => `${c.method} ${c.route}${c.note ? ` (${c.note})` : ''}`;

describe.each(DATABASE_KINDS)('access matrix on %s', (kind) => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('has a case for every registered route (or lists it as public or pending)', () => {
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    const covered = new Set(ACCESS_CASES.map(routeKey));
    const missing = routes
      .filter((r) => !covered.has(routeKey(r)))
      .filter((r) => !PUBLIC_ROUTES.includes(r.route))
      .filter((r) => !PENDING_ACCESS_ROUTES.some((prefix) => r.route.startsWith(prefix)))
      .map(routeKey);
    expect(missing).toEqual([]);
    const registered = new Set(routes.map(routeKey));
    const stale = ACCESS_CASES.filter((c) => !registered.has(routeKey(c))).map(routeKey);
    expect(stale).toEqual([]);
  });

  describe.each(ACCESS_CASES.map((c) => [title(c), c] as const))('%s', (_name, c) => {
    it.each(ACTORS)('as %s', async (actor: Actor) => {
      const input = (await c.input?.({ app: t.app, world }, actor)) ?? {};
      const url = fillRoute(c.route, { account_id: world.accountId, ...input.params });
      const as = actor === 'anonymous' ? null : world[actor];
      const res = await request(t.app, c.method, input.query ? `${url}?${input.query}` : url, {
        as,
        body: input.body,
        ...(input.headers ? { headers: input.headers } : {}),
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(c.expect[actor]);
      c.after?.({ app: t.app, world }, actor, res);
      if (res.statusCode >= 400) {
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(res.json()).toMatchObject({ statusCode: res.statusCode, error: expect.any(String) });
      }
    });
  });
});
