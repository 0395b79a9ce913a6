import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus, type BusMessage, type RealtimeBus } from '../realtime/bus';
import { createPublisher } from '../realtime/publisher';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../test/databases';
import { createWorld, type World } from '../test/fixtures';
import { loadCaller, type Caller } from './caller';
import { membershipChanged, outcome, publishEvent, runCommand, type CoreDeps } from './commands';

describe.each(DATABASE_KINDS)('the command runner on %s', (kind) => {
  let database: TestDatabase;
  let world: World;
  let bus: RealtimeBus;
  let deps: CoreDeps;
  const published: BusMessage[] = [];

  const callerFor = async (userId: number, accountId = world.accountId): Promise<Caller> => {
    const user = await database.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return loadCaller(database.handle.db, user, accountId, true);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await createWorld(database.handle.db);
    bus = createMemoryBus();
    bus.subscribe((message) => published.push(message));
    deps = { ...database.handle, realtime: createPublisher(bus) };
  });
  afterAll(async () => {
    await bus.close();
    await database.drop();
  });

  it('runs a command in a transaction and delivers its events only after the commit', async () => {
    published.length = 0;
    const db = database.handle.db;
    const caller = await callerFor(world.admin.id);
    const event = publishEvent(
      { accountId: caller.accountId, inboxId: null },
      { event: 'contact.deleted', data: { id: 1 } },
    );
    let seenInside = -1;
    const done = await runCommand(deps, async (tx) => {
      await tx.db
        .updateTable('accounts')
        .set({ name: 'Renamed' })
        .where('id', '=', caller.accountId)
        .execute();
      seenInside = published.length;
      return outcome('ok', [event]);
    });
    expect(done).toEqual({ result: 'ok', events: [event] });
    expect(seenInside).toBe(0);
    expect(published.map((m) => m.envelope.event)).toEqual(['contact.deleted']);

    await expect(
      runCommand(deps, async (tx) => {
        await tx.db
          .updateTable('accounts')
          .set({ name: 'Rolled back' })
          .where('id', '=', caller.accountId)
          .execute();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const account = await db
      .selectFrom('accounts')
      .select('name')
      .where('id', '=', caller.accountId)
      .executeTakeFirstOrThrow();
    expect(account.name).toBe('Renamed');
    expect(published).toHaveLength(1);
  });

  it('keeps a committed change when the bus fails to publish', async () => {
    const broken: RealtimeBus = {
      ...createMemoryBus(),
      publish: async () => {
        throw new Error('bus down');
      },
      signal: async () => {
        throw new Error('bus down');
      },
    };
    const failing = { ...deps, realtime: createPublisher(broken) };
    const caller = await callerFor(world.admin.id);
    // deliver never waits on the bus (the publisher's outbox holds events while it fails).
    const done = await runCommand(failing, async () =>
      outcome(42, [
        publishEvent(
          { accountId: caller.accountId, inboxId: null },
          { event: 'contact.deleted', data: { id: 2 } },
        ),
        membershipChanged(caller.accountId),
      ]),
    );
    expect(done.result).toBe(42);
  });
});
