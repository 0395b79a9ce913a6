/**
 * Realtime delivery latency: `npx tsx bench/realtime/run.ts`.
 *
 * 500 WebSocket clients (each its own agent, member of the inbox) wait on real server processes
 * while messages are created through `POST /api/v1/accounts/:id/conversations/:id/messages`.
 * Latency runs from just before the POST to each client's receipt of `message.created`.
 * Baseline: a bare `ws` server that broadcasts the same payload on a POST, measured alike.
 *
 * Env: BENCH_CLIENTS (500), BENCH_MESSAGES (100), REDIS_URL (redis://127.0.0.1:6379),
 * TEST_POSTGRES_URL (see apps/server/src/test/databases.ts).
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { startServer, type ServerProcess } from '../../apps/server/src/realtime/processes';
import { createTestDatabase, type TestDatabase } from '../../apps/server/src/test/databases';
import { createWorld } from '../../apps/server/src/test/fixtures';
import { accessTokenColumns } from '../../apps/server/src/lib/access-tokens';
import { TEST_SECRET_KEY_BASE } from '../../apps/server/src/test/keys';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100);
const WARMUP = 10;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CREATED_PREFIX = '{"event":"message.created"';

interface Fixture {
  accountId: number;
  adminToken: string;
  inboxId: number;
  contactId: number;
  agentTokens: string[];
}

interface Result {
  name: string;
  clients: number;
  messages: number;
  latencies: number[];
  /** From the server's publish (envelope `ts`) to receipt, by the wall clock (ms resolution). */
  fromPublish: number[];
  posts: number[];
  missed: number;
}

/** The account of the fixtures plus CLIENTS agents, all members of the API inbox. */
async function seed(database: TestDatabase): Promise<Fixture> {
  const db = database.handle.db;
  const world = await createWorld(db);
  const now = Date.now();
  const agentTokens: string[] = [];
  for (let start = 0; start < CLIENTS; start += 250) {
    const batch = Array.from({ length: Math.min(250, CLIENTS - start) }, (_, i) => {
      const token = randomBytes(24).toString('base64url');
      agentTokens.push(token);
      return {
        name: `Bench Agent ${start + i}`,
        email: `bench-${start + i}@acme.test`,
        password_hash: 'not-a-hash',
        ...accessTokenColumns(token, TEST_SECRET_KEY_BASE),
        ui_settings: '{}',
        created_at: now,
        updated_at: now,
      };
    });
    const users = await db.insertInto('users').values(batch).returning('id').execute();
    await db
      .insertInto('account_users')
      .values(
        users.map((u) => ({
          account_id: world.accountId,
          user_id: u.id,
          role: 'agent',
          auto_offline: 1,
          availability: 'online',
          created_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('inbox_members')
      .values(users.map((u) => ({ inbox_id: world.apiInboxId, user_id: u.id })))
      .execute();
  }
  return {
    accountId: world.accountId,
    adminToken: world.admin.access_token,
    inboxId: world.apiInboxId,
    contactId: world.contactId,
    agentTokens,
  };
}

/** The message being waited for: every client records its first receipt of the nonce. */
interface Round {
  nonce: string;
  start: number;
  seen: Set<number>;
  times: number[];
  fromPublish: number[];
  done: () => void;
}
let current: Round | null = null;
let sample: string | null = null;

async function connectClients(
  urls: string[],
  tokens: string[],
  waitFor: string | null,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  const open = (index: number) =>
    new Promise<void>((done, fail) => {
      const url = urls[index % urls.length] as string;
      const ws = new WebSocket(url, { headers: { api_access_token: tokens[index] ?? '' } });
      sockets.push(ws);
      const timer = setTimeout(() => fail(new Error(`client ${index} did not connect`)), 20_000);
      ws.on('error', fail);
      ws.on('open', () => {
        if (!waitFor) {
          clearTimeout(timer);
          done();
        }
      });
      ws.on('message', (data) => {
        const text = data.toString();
        if (waitFor && text.includes(waitFor)) {
          clearTimeout(timer);
          done();
          return;
        }
        const round = current;
        if (!round || round.seen.has(index) || !text.includes(round.nonce)) return;
        if (waitFor && !text.startsWith(CREATED_PREFIX)) return;
        round.seen.add(index);
        round.times.push(performance.now() - round.start);
        const ts = text.lastIndexOf('"ts":');
        if (waitFor && ts > 0)
          round.fromPublish.push(Date.now() - parseInt(text.slice(ts + 5), 10));
        sample ??= text;
        if (round.seen.size === tokens.length) round.done();
      });
    });
  for (let i = 0; i < tokens.length; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, tokens.length - i) }, (_, j) => open(i + j)),
    );
  }
  return sockets;
}

async function closeClients(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((done) => {
          if (ws.readyState === ws.CLOSED) return done();
          ws.once('close', () => done());
          ws.terminate();
        }),
    ),
  );
}

/** Sends WARMUP + MESSAGES messages one after another, each awaited by every client. */
async function measure(
  name: string,
  clients: number,
  send: (nonce: string) => Promise<void>,
): Promise<Result> {
  const result: Result = {
    name,
    clients,
    messages: MESSAGES,
    latencies: [],
    fromPublish: [],
    posts: [],
    missed: 0,
  };
  for (let i = 0; i < WARMUP + MESSAGES; i += 1) {
    const nonce = `bench-${i}-${randomBytes(6).toString('hex')}`;
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    const round: Round = {
      nonce,
      start: performance.now(),
      seen: new Set(),
      times: [],
      fromPublish: [],
      done,
    };
    current = round;
    await send(nonce);
    const posted = performance.now() - round.start;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 10_000));
    await Promise.race([all, timeout]);
    current = null;
    if (i >= WARMUP) {
      result.latencies.push(...round.times);
      result.fromPublish.push(...round.fromPublish);
      result.posts.push(posted);
      result.missed += clients - round.seen.size;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return result;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function bevatelScenario(
  name: string,
  fixture: Fixture,
  servers: ServerProcess[],
  /** Index of the server that takes the POSTs; sockets go to all the others (or it, if alone). */
  postTo: number,
): Promise<Result> {
  const poster = servers[postTo] as ServerProcess;
  const holders = servers.length === 1 ? servers : servers.filter((_, i) => i !== postTo);
  const api = async (path: string, body: unknown) => {
    const res = await fetch(`${poster.url}/api/v1/accounts/${fixture.accountId}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', api_access_token: fixture.adminToken },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: number };
  };
  const conversation = await api('/conversations', {
    inbox_id: fixture.inboxId,
    contact_id: fixture.contactId,
  });
  const urls = holders.map((s) => `ws://127.0.0.1:${s.port}/cable?account_id=${fixture.accountId}`);
  const sockets = await connectClients(urls, fixture.agentTokens, '"type":"subscribed"');
  try {
    return await measure(name, sockets.length, async (nonce) => {
      await api(`/conversations/${conversation.id}/messages`, { content: `Hello ${nonce}` });
    });
  } finally {
    await closeClients(sockets);
  }
}

async function baselineScenario(payload: string): Promise<Result> {
  const server = await startServer({}, 'bench/realtime/baseline-server.ts');
  const tokens = Array.from({ length: CLIENTS }, () => '');
  const sockets = await connectClients([`ws://127.0.0.1:${server.port}/cable`], tokens, null);
  try {
    return await measure('baseline: bare ws broadcast', sockets.length, async (nonce) => {
      const res = await fetch(`${server.url}/broadcast`, {
        method: 'POST',
        body: payload.replace('__NONCE__', nonce),
      });
      await res.text();
    });
  } finally {
    await closeClients(sockets);
    await server.stop();
  }
}

function table(results: Result[]): string {
  const f = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(1));
  const lines = [
    '| scenario | clients | messages | p50 ms | p99 ms | max ms | POST answered p50 ms | publish→receipt p50 / p99 ms | missed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const max = r.latencies.reduce((a, b) => Math.max(a, b), 0);
    lines.push(
      `| ${r.name} | ${r.clients} | ${r.messages} | ${f(percentile(r.latencies, 50))} | ${f(percentile(r.latencies, 99))} | ${f(max)} | ${f(percentile(r.posts, 50))} | ${f(percentile(r.fromPublish, 50))} / ${f(percentile(r.fromPublish, 99))} | ${r.missed} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  console.log(
    `realtime bench: ${CLIENTS} clients, ${MESSAGES} messages (+${WARMUP} warm-up), node ${process.version}, ${cpus().length} cores`,
  );
  const database = await createTestDatabase('postgres');
  const started: ServerProcess[] = [];
  const cleanup = async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
    await database.drop();
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  const results: Result[] = [];
  try {
    const fixture = await seed(database);
    const env = { DATABASE_URL: database.url };
    const run = async (name: string, envs: Record<string, string>[], postTo: number) => {
      const servers = await Promise.all(envs.map((e) => startServer({ ...env, ...e })));
      started.push(...servers);
      try {
        console.log(`… ${name}`);
        results.push(await bevatelScenario(name, fixture, servers, postTo));
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        started.splice(0);
      }
    };
    await run('bevatel, in-process bus (1 process)', [{}], 0);
    if (!sample) throw new Error('no message.created was received');
    // The same bytes the real server sent, with a fresh nonce each time.
    const payload = (sample as string).replace(/bench-\d+-[0-9a-f]+/g, '__NONCE__');
    console.log('… baseline');
    results.unshift(await baselineScenario(payload));
    await run('bevatel, Redis bus (1 process)', [{ REDIS_URL }], 0);
    await run('bevatel, Redis bus (POST on A, sockets on B)', [{ REDIS_URL }, { REDIS_URL }], 0);
    console.log(`\npayload: ${payload.length} bytes of message.created JSON\n`);
    console.log(table(results));
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
