/** What the fault tests share: a seeded database for a server process, timed HTTP calls. */
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { insertConversation } from '../test/factories';
import { createWorld, type World } from '../test/fixtures';

export interface FaultWorld extends World {
  /** Display id of an open conversation in the API inbox. */
  conversation: number;
}

/** Migrates the database at `url`, creates the test world and one conversation, disconnects. */
export async function seedWorld(url: string): Promise<FaultWorld> {
  const handle = connectDatabase(url);
  try {
    await migrateToLatest(handle.db, handle.dialect);
    const world = await createWorld(handle.db);
    const id = await insertConversation(handle.db, {
      account_id: world.accountId,
      inbox_id: world.apiInboxId,
      contact_id: world.contactId,
    });
    const row = await handle.db
      .selectFrom('conversations')
      .select('display_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...world, conversation: row.display_id };
  } finally {
    await handle.close();
  }
}

export interface Answer {
  status: number;
  /** Parsed JSON (null when the body was not JSON). */
  body: Record<string, unknown> | null;
  ms: number;
  headers: Headers;
}

/** One request with its duration; a request that outlives `timeoutMs` fails the test. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  timeoutMs = 20_000,
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.api_access_token = options.token;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { status: res.status, body, ms: performance.now() - started, headers: res.headers };
}

/** Polls `probe` until it returns something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${String(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The account's API base for a world. */
export const accountPath = (world: World, path = '') =>
  `/api/v1/accounts/${world.accountId}${path}`;
