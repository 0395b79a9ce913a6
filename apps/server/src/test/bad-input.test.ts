import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestApp, type TestApp } from './app';
import { snapshotDatabase, type BadInputCase } from './bad-input';
import { BAD_INPUT_CASES, INPUTLESS_ROUTES, PENDING_BAD_INPUT_ROUTES } from './bad-input-cases';
import { DATABASE_KINDS } from './databases';
import { createWorld, type World } from './fixtures';
import { fillRoute, registeredRoutes, routeKey } from './routes';

const title = (c: BadInputCase) => `${c.method} ${c.route}: ${c.note}`;

describe.each(DATABASE_KINDS)('bad input on %s', (kind) => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
  });
  afterAll(() => t.close());

  it('has cases for every registered route that takes input (or lists it as pending)', () => {
    const covered = new Set(BAD_INPUT_CASES.map(routeKey));
    const missing = registeredRoutes(t.app)
      .map(routeKey)
      .filter((key) => !covered.has(key) && !INPUTLESS_ROUTES.includes(key))
      .filter(
        (key) => !PENDING_BAD_INPUT_ROUTES.some((prefix) => key.split(' ')[1]!.startsWith(prefix)),
      );
    expect(missing).toEqual([]);
  });

  it.each(BAD_INPUT_CASES.map((c) => [title(c), c] as const))('%s', async (_name, c) => {
    const ctx = { app: t.app, world };
    const input = (await c.input?.(ctx)) ?? {};
    const url = fillRoute(c.route, { account_id: world.accountId, ...input.params });
    const as = world[c.as ?? 'admin'];
    const headers: Record<string, string> = { api_access_token: as.access_token };
    const inject: InjectOptions = {
      method: c.method,
      url: input.query ? `${url}?${input.query}` : url,
      headers,
    };
    if (input.rawBody !== undefined) {
      headers['content-type'] = 'application/json';
      inject.payload = input.rawBody;
    } else if (input.body !== undefined) {
      inject.payload = input.body as InjectOptions['payload'];
    }
    Object.assign(headers, input.headers);

    const before = await snapshotDatabase(t.app);
    const res = await t.app.inject(inject);
    const after = await snapshotDatabase(t.app);

    expect(res.statusCode, res.body.slice(0, 300)).toBe(c.expect);
    if (res.statusCode >= 400) {
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const error = res.json();
      expect(error).toMatchObject({
        statusCode: res.statusCode,
        error: expect.any(String),
        message: expect.any(String),
      });
      if (c.field) expect(error.field, error.message).toBe(c.field);
    }
    for (const table of Object.keys(before)) {
      if (c.changes?.includes(table)) continue;
      expect(after[table], `table ${table}`).toEqual(before[table]);
    }
    await c.verify?.(res, ctx);
  });
});
