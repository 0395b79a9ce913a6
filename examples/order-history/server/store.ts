/**
 * The app's own database (SQLite through better-sqlite3): the orders of each contact, keyed by
 * `account_id:contact_id` as the dashboard's signed token names them. A contact's orders are made
 * up on their first request and stored, so they stay put afterwards.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateOrders } from './orders';
import type { Order, OrderItem, OrderStatus } from './orders';

export interface OrderStore {
  /** The contact's orders, newest first; generated from `seedHint` on the first call. */
  ordersFor(contactKey: string, seedHint: string, now: number): Order[];
  close(): void;
}

interface OrderRow {
  number: string;
  placed_at: number;
  status: OrderStatus;
  total_halalas: number;
  items: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS customers (
    contact_key TEXT PRIMARY KEY,
    seed TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    contact_key TEXT NOT NULL REFERENCES customers (contact_key),
    number TEXT NOT NULL,
    placed_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    total_halalas INTEGER NOT NULL,
    items TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS orders_by_contact ON orders (contact_key, placed_at DESC);
`;

/** Opens (and creates) the database; `:memory:` for tests. */
export function openOrderStore(path: string): OrderStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);

  const findCustomer = db.prepare<[string], { seed: string }>(
    'SELECT seed FROM customers WHERE contact_key = ?',
  );
  const insertCustomer = db.prepare<[string, string, number]>(
    'INSERT INTO customers (contact_key, seed, created_at) VALUES (?, ?, ?)',
  );
  const insertOrder = db.prepare<[string, string, number, string, number, string]>(
    `INSERT INTO orders (contact_key, number, placed_at, status, total_halalas, items)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const listOrders = db.prepare<[string], OrderRow>(
    `SELECT number, placed_at, status, total_halalas, items FROM orders
     WHERE contact_key = ? ORDER BY placed_at DESC, id`,
  );
  // Check and insert in one write transaction: two first requests at once create one history.
  const seedOnce = db.transaction((contactKey: string, seed: string, now: number) => {
    if (findCustomer.get(contactKey)) return;
    insertCustomer.run(contactKey, seed, now);
    for (const order of generateOrders(seed, now)) {
      insertOrder.run(
        contactKey,
        order.number,
        order.placed_at,
        order.status,
        order.total_halalas,
        JSON.stringify(order.items),
      );
    }
  });

  return {
    ordersFor(contactKey, seedHint, now) {
      seedOnce.immediate(contactKey, seedHint, now);
      return listOrders.all(contactKey).map((row) => ({
        number: row.number,
        placed_at: row.placed_at,
        status: row.status,
        total_halalas: row.total_halalas,
        items: JSON.parse(row.items) as OrderItem[],
      }));
    },
    close() {
      db.close();
    },
  };
}
