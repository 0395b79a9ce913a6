import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../realtime/bus';
import { createPublisher } from '../realtime/publisher';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../test/databases';
import { createWorld, type World } from '../test/fixtures';
import { outcome, publishEvent, runCommand, type CoreDeps, type CoreEvent } from './commands';

describe.each(DATABASE_KINDS)('the webhook outbox on %s', (kind) => {
  let database: TestDatabase;
  let world: World;
  let deps: CoreDeps;
  const bus = createMemoryBus();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await createWorld(database.handle.db);
    deps = { ...database.handle, realtime: createPublisher(bus) };
    const now = Date.now();
    await database.handle.db
      .insertInto('webhooks')
      .values(
        [
          [
            'https://all.example.com',
            '["conversation_status_changed","conversation_updated","message_created","contact_created"]',
          ],
          ['https://contacts.example.com', '["contact_created"]'],
        ].map(([url, subscriptions]) => ({
          account_id: world.accountId,
          name: null,
          url: url as string,
          subscriptions: subscriptions as string,
          secret_sealed: 'v1.x.y.z',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await bus.close();
    await database.drop();
  });

  const audience = () => ({ accountId: world.accountId, inboxId: world.apiInboxId });
  const rows = () =>
    database.handle.db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .select(['webhooks.url', 'webhook_deliveries.event', 'webhook_deliveries.payload'])
      .orderBy('webhook_deliveries.id')
      .execute();

  it('writes one row per subscribed webhook and Chatwoot event, inside the command', async () => {
    const conversation = { id: 7, status: 'resolved', meta: { assignee: null } } as never;
    const events: CoreEvent[] = [
      publishEvent(audience(), { event: 'conversation.status_changed', data: conversation }),
      // The same conversation updated in the same command: one conversation_updated.
      publishEvent(audience(), { event: 'conversation.updated', data: conversation }),
      publishEvent(audience(), { event: 'conversation.read', data: conversation }),
      publishEvent(audience(), {
        event: 'message.created',
        data: { id: 70, message_type: 2, content: 'Resolved by Amira' } as never,
      }),
      publishEvent(audience(), {
        event: 'message.created',
        data: { id: 71, message_type: 1, content: 'Thanks!' } as never,
      }),
      publishEvent(
        { accountId: world.accountId, inboxId: null },
        { event: 'contact.created', data: { id: 5, name: 'Sara' } as never },
      ),
    ];
    await runCommand(deps, async () => outcome(null, events));
    const written = await rows();
    expect(written.map((r) => [r.url, r.event])).toEqual([
      ['https://all.example.com', 'conversation_status_changed'],
      ['https://all.example.com', 'conversation_updated'],
      ['https://all.example.com', 'message_created'],
      ['https://all.example.com', 'contact_created'],
      ['https://contacts.example.com', 'contact_created'],
    ]);
    expect(JSON.parse(written[2]!.payload)).toEqual({
      event: 'message_created',
      id: 71,
      message_type: 1,
      content: 'Thanks!',
    });
  });

  it('writes nothing for a command that fails, and nothing for another account', async () => {
    const before = (await rows()).length;
    await expect(
      runCommand(deps, async (tx) => {
        await tx.db
          .updateTable('accounts')
          .set({ name: 'Gone' })
          .where('id', '=', world.accountId)
          .execute();
        throw new Error('refused halfway');
      }),
    ).rejects.toThrow('refused halfway');
    await runCommand(deps, async () =>
      outcome(null, [
        publishEvent(
          { accountId: world.otherAccountId, inboxId: null },
          { event: 'contact.created', data: { id: 9 } as never },
        ),
      ]),
    );
    expect(await rows()).toHaveLength(before);
  });
});
