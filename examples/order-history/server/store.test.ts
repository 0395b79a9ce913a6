import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateOrders } from './orders';
import { openOrderStore } from './store';

const NOW = Date.UTC(2025, 9, 15, 12, 0, 0);
let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the order store', () => {
  it('stores a contact history on first request and keeps it, whatever seed comes later', () => {
    dir = mkdtempSync(join(tmpdir(), 'order-history-'));
    const path = join(dir, 'orders.sqlite');
    const store = openOrderStore(path);
    const first = store.ordersFor('1:42', 'layla@example.com', NOW);
    expect(first).toEqual(generateOrders('layla@example.com', NOW));
    store.close();

    const reopened = openOrderStore(path);
    expect(reopened.ordersFor('1:42', 'someone-else@example.com', NOW + 86_400_000 * 30)).toEqual(
      first,
    );
    reopened.close();
  });

  it('keeps contacts of different accounts apart', () => {
    const store = openOrderStore(':memory:');
    const [a = '', b = ''] = ['alice', 'bob', 'carol', 'dave', 'erin', 'faisal']
      .map((name) => `${name}@example.com`)
      .filter((seed) => generateOrders(seed, NOW).length > 0);
    const one = store.ordersFor('1:42', a, NOW);
    const two = store.ordersFor('2:42', b, NOW);
    expect(one).toEqual(generateOrders(a, NOW));
    expect(two).toEqual(generateOrders(b, NOW));
    expect(one).not.toEqual(two);
    store.close();
  });
});
