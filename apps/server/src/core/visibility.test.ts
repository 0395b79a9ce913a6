import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSee, type Connection } from '../realtime/hub';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../test/databases';
import { insertConversation, insertInbox } from '../test/factories';
import { createWorld, type World } from '../test/fixtures';
import { loadCaller, type Caller } from './caller';
import {
  canSeeInbox,
  findVisibleConversation,
  inboxScopeOf,
  loadGrant,
  visibleInboxIds,
} from './visibility';

describe('the visibility rule', () => {
  it('lets administrators see every inbox and agents only their own', () => {
    const admin = { role: 'administrator', inboxes: inboxScopeOf('administrator', [3]) } as const;
    const agent = { role: 'agent', inboxes: inboxScopeOf('agent', [3]) } as const;
    expect(admin.inboxes).toBe('all');
    expect([canSeeInbox(admin, 3), canSeeInbox(admin, 4)]).toEqual([true, true]);
    expect([canSeeInbox(agent, 3), canSeeInbox(agent, 4)]).toEqual([true, false]);
    // Account-wide things (contacts) have no inbox: every member sees them.
    expect(canSeeInbox(agent, null)).toBe(true);
    expect(visibleInboxIds(admin)).toBeNull();
    expect(visibleInboxIds(agent)).toEqual([3]);
  });
});

describe.each(DATABASE_KINDS)('caller and visibility on %s', (kind) => {
  let database: TestDatabase;
  let world: World;

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
  });
  afterAll(async () => {
    await database.drop();
  });

  it('builds the caller once: account, role and the inboxes it sees', async () => {
    const agent = await callerFor(world.agent.id);
    expect(agent).toMatchObject({ accountId: world.accountId, role: 'agent', viaToken: true });
    expect(agent.inboxes).toEqual(new Set([world.apiInboxId]));
    expect((await callerFor(world.admin.id)).inboxes).toBe('all');
    expect((await callerFor(world.outsider.id)).inboxes).toEqual(new Set());
    await expect(callerFor(world.stranger.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('answers "who may see this conversation" the same for REST callers and sockets', async () => {
    const db = database.handle.db;
    const otherInbox = await insertInbox(db, world.accountId);
    const mine = await insertConversation(db, {
      account_id: world.accountId,
      inbox_id: world.apiInboxId,
      contact_id: world.contactId,
    });
    const elsewhere = await insertConversation(db, {
      account_id: world.accountId,
      inbox_id: otherInbox,
      contact_id: world.contactId,
    });
    const displayOf = async (id: number) =>
      (
        await db
          .selectFrom('conversations')
          .select('display_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).display_id;
    for (const user of [world.admin, world.agent, world.outsider]) {
      const caller = await callerFor(user.id);
      const grant = await loadGrant(db, world.accountId, user.id);
      const socket = { accountId: world.accountId, grant } as Connection;
      for (const [id, inboxId] of [
        [mine, world.apiInboxId],
        [elsewhere, otherInbox],
      ] as const) {
        const rest = await findVisibleConversation(db, caller, await displayOf(id)).then(
          () => true,
          () => false,
        );
        const realtime = canSee(socket, { accountId: world.accountId, inboxId });
        expect({ user: user.email, inboxId, rest }).toEqual({
          user: user.email,
          inboxId,
          rest: realtime,
        });
      }
    }
  });
});
