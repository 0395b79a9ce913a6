import type { DatabaseConnection, Driver } from 'kysely';
import { describe, expect, it } from 'vitest';
import { FifoDriver } from './fifo-driver';

const connection = {} as DatabaseConnection;

function fakeDriver(): Driver {
  return {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
}

describe('FifoDriver', () => {
  it('hands the connection to waiters in the order they asked', async () => {
    const driver = new FifoDriver(fakeDriver());
    const order: number[] = [];
    const first = await driver.acquireConnection();
    const waiting = [1, 2, 3, 4].map(async (n) => {
      const c = await driver.acquireConnection();
      order.push(n);
      await new Promise((resolve) => setTimeout(resolve, 1));
      await driver.releaseConnection(c);
    });
    await driver.releaseConnection(first);
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('lets one holder at a time in, and frees the connection when nobody waits', async () => {
    const driver = new FifoDriver(fakeDriver());
    let holders = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const c = await driver.acquireConnection();
        holders += 1;
        most = Math.max(most, holders);
        await new Promise((resolve) => setTimeout(resolve, 1));
        holders -= 1;
        await driver.releaseConnection(c);
      }),
    );
    expect(most).toBe(1);
    const again = await Promise.race([
      driver.acquireConnection().then(() => 'acquired'),
      new Promise((resolve) => setTimeout(() => resolve('stuck'), 50)),
    ]);
    expect(again).toBe('acquired');
  });
});
