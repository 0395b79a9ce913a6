/**
 * Soak: `npx tsx bench/soak/run.ts [--minutes=10] [--db=sqlite|postgres] [--sockets=50]
 * [--reads=40] [--writes=4] [--redis]`.
 *
 * One real server process (`node --import tsx apps/server/src/main.ts`) on a fresh database,
 * loaded for `--minutes` with reads (`--reads` a second, alternating the conversation list and a
 * conversation's messages), writes (`--writes` messages a second, each fanned out to the
 * sockets) and `--sockets` WebSocket clients, each its own agent in the inbox. The load is
 * open-loop (requests start on a clock, not when the previous one answered), so a server that
 * slows down shows it as latency, not as less load. Every 30 s it prints the server's resident
 * memory (VmRSS of its pid) and that window's latencies; at the end, the first and the last
 * minute side by side, errors, and whether every socket got every message.
 */
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { connectDatabase } from '../../apps/server/src/db/connect';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import { startServer, type ServerProcess } from '../../apps/server/src/realtime/processes';
import { createTestDatabase, type TestDatabase } from '../../apps/server/src/test/databases';
import { insertAgent, insertConversation } from '../../apps/server/src/test/factories';
import { createWorld } from '../../apps/server/src/test/fixtures';

interface Options {
  minutes: number;
  db: 'sqlite' | 'postgres';
  sockets: number;
  reads: number;
  writes: number;
  redis: boolean;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be > 0`);
    return parsed;
  };
  return {
    minutes: number('minutes', 10),
    db: value('db') === 'postgres' ? 'postgres' : 'sqlite',
    sockets: number('sockets', 50),
    reads: number('reads', 40),
    writes: number('writes', 4),
    redis: argv.includes('--redis'),
  };
}

const SAMPLE_EVERY_MS = 30_000;
const CONVERSATIONS = 200;

interface Sample {
  at: number;
  kind: 'read' | 'write';
  ms: number;
  ok: boolean;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const fmt = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

interface Fixture {
  url: string;
  accountId: number;
  adminToken: string;
  agentTokens: string[];
  conversations: number[];
  close(): Promise<void>;
}

async function prepare(options: Options): Promise<Fixture> {
  let url: string;
  let drop: () => Promise<void>;
  let database: TestDatabase | null = null;
  if (options.db === 'postgres') {
    database = await createTestDatabase('postgres');
    url = database.url;
    drop = () => (database as TestDatabase).drop();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bevatel-soak-'));
    url = `sqlite:${join(dir, 'soak.sqlite3')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const handle = database?.handle ?? connectDatabase(url);
  if (!database) await migrateToLatest(handle.db, handle.dialect);
  const world = await createWorld(handle.db);
  const agentTokens: string[] = [];
  for (let i = 0; i < options.sockets; i += 1) {
    const agent = await insertAgent(handle.db, world.accountId);
    await handle.db
      .insertInto('inbox_members')
      .values({ inbox_id: world.apiInboxId, user_id: agent.id })
      .execute();
    agentTokens.push(agent.access_token);
  }
  const conversations: number[] = [];
  for (let i = 0; i < CONVERSATIONS; i += 1) {
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
    conversations.push(row.display_id);
  }
  if (!database) await handle.close();
  return {
    url,
    accountId: world.accountId,
    adminToken: world.admin.access_token,
    agentTokens,
    conversations,
    close: async () => {
      if (database) await database.drop();
      else await drop();
    },
  };
}

/** A socket that counts the messages it receives and reconnects if it drops. */
function socketClient(server: ServerProcess, accountId: number, token: string) {
  const state = { received: new Set<string>(), reconnects: 0, open: false };
  let ws: WebSocket;
  let stopped = false;
  const connect = () =>
    new Promise<void>((resolve, reject) => {
      ws = new WebSocket(`ws://127.0.0.1:${server.port}/cable?account_id=${accountId}`, {
        headers: { api_access_token: token },
      });
      ws.on('message', (data) => {
        const text = data.toString();
        if (text.includes('"type":"subscribed"')) {
          state.open = true;
          resolve();
          return;
        }
        if (!text.startsWith('{"event":"message.created"')) return;
        const nonce = /"content":"soak (\S+?)"/.exec(text)?.[1];
        if (nonce) state.received.add(nonce);
      });
      ws.on('error', reject);
      ws.on('close', () => {
        state.open = false;
        if (stopped) return;
        state.reconnects += 1;
        setTimeout(() => void connect().catch(() => undefined), 500);
      });
    });
  return {
    state,
    connect,
    close() {
      stopped = true;
      ws.close();
    },
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const durationMs = options.minutes * 60_000;
  console.log(
    `soak: ${options.minutes} min on ${options.db}, ${options.reads} reads/s, ` +
      `${options.writes} writes/s, ${options.sockets} sockets${options.redis ? ', Redis bus' : ''}`,
  );
  const fixture = await prepare(options);
  const server = await startServer({
    DATABASE_URL: fixture.url,
    ...(options.redis
      ? {
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          REDIS_CHANNEL: `bevatel:soak:${process.pid}`,
        }
      : {}),
  });
  const clients = fixture.agentTokens.map((token) =>
    socketClient(server, fixture.accountId, token),
  );
  await Promise.all(clients.map((c) => c.connect()));

  const samples: Sample[] = [];
  const written = new Set<string>();
  let inFlight = 0;
  let refused = 0;
  const base = `${server.url}/api/v1/accounts/${fixture.accountId}`;
  const headers = { api_access_token: fixture.adminToken, 'content-type': 'application/json' };
  const pick = () =>
    fixture.conversations[Math.floor(Math.random() * fixture.conversations.length)] as number;
  let readTurn = 0;

  const request = async (kind: Sample['kind']) => {
    // Bounded in flight: past it the server is not keeping up, counted rather than piled on.
    if (inFlight >= 200) {
      refused += 1;
      return;
    }
    inFlight += 1;
    const started = performance.now();
    let ok = false;
    try {
      if (kind === 'read') {
        readTurn += 1;
        const path =
          readTurn % 2 === 0 ? '/conversations?status=open' : `/conversations/${pick()}/messages`;
        const res = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        ok = res.ok;
      } else {
        const nonce = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        const res = await fetch(`${base}/conversations/${pick()}/messages`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ content: `soak ${nonce}`, echo_id: nonce }),
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        ok = res.ok;
        if (ok) written.add(nonce);
      }
    } catch {
      ok = false;
    } finally {
      inFlight -= 1;
    }
    samples.push({ at: Date.now(), kind, ms: performance.now() - started, ok });
  };

  const startedAt = Date.now();
  const timers = [
    setInterval(() => void request('read'), 1000 / options.reads),
    setInterval(() => void request('write'), 1000 / options.writes),
  ];
  const memory: { minute: number; rss: number }[] = [];
  const windowRow = (from: number, to: number) => {
    const slice = samples.filter((s) => s.at >= from && s.at < to);
    const of = (kind: Sample['kind']) => slice.filter((s) => s.kind === kind).map((s) => s.ms);
    return {
      requests: slice.length,
      errors: slice.filter((s) => !s.ok).length,
      read50: percentile(of('read'), 50),
      read99: percentile(of('read'), 99),
      write50: percentile(of('write'), 50),
      write99: percentile(of('write'), 99),
    };
  };
  console.log(
    '\n|   t | RSS MB | requests | errors | read p50 | read p99 | write p50 | write p99 |',
  );
  console.log('| --: | -----: | -------: | -----: | -------: | -------: | --------: | --------: |');
  const report = () => {
    const now = Date.now();
    const rss = rssMb(server.pid);
    memory.push({ minute: (now - startedAt) / 60_000, rss });
    const row = windowRow(now - SAMPLE_EVERY_MS, now);
    console.log(
      `| ${Math.round((now - startedAt) / 1000)}s | ${rss.toFixed(1)} | ${row.requests} | ` +
        `${row.errors} | ${fmt(row.read50)} | ${fmt(row.read99)} | ${fmt(row.write50)} | ` +
        `${fmt(row.write99)} |`,
    );
  };
  const baselineRss = rssMb(server.pid);
  console.log(`| 0s | ${baselineRss.toFixed(1)} | – | – | – | – | – | – |`);
  const sampler = setInterval(report, SAMPLE_EVERY_MS);
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const timer of timers) clearInterval(timer);
  clearInterval(sampler);
  report();
  // Let the last writes and their events arrive.
  const drainUntil = Date.now() + 10_000;
  while (inFlight > 0 && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 100));
  await new Promise((resolve) => setTimeout(resolve, 2000));

  const edge = Math.min(60_000, durationMs / 2);
  const first = windowRow(startedAt, startedAt + edge);
  const last = windowRow(startedAt + durationMs - edge, startedAt + durationMs + 1);
  let missed = 0;
  for (const client of clients) {
    for (const nonce of written) if (!client.state.received.has(nonce)) missed += 1;
  }
  const reconnects = clients.reduce((sum, c) => sum + c.state.reconnects, 0);
  const errors = samples.filter((s) => !s.ok).length;
  const peak = Math.max(...memory.map((m) => m.rss));
  const label = `${edge / 1000} s`;
  console.log(`\n| window | requests | errors | read p50 | read p99 | write p50 | write p99 |`);
  console.log(`| ------ | -------: | -----: | -------: | -------: | --------: | --------: |`);
  for (const [name, row] of [
    [`first ${label}`, first],
    [`last ${label}`, last],
  ] as const) {
    console.log(
      `| ${name} | ${row.requests} | ${row.errors} | ${fmt(row.read50)} | ${fmt(row.read99)} | ` +
        `${fmt(row.write50)} | ${fmt(row.write99)} |`,
    );
  }
  console.log(
    `\nrequests ${samples.length}, errors ${errors}, not started (200 in flight) ${refused}; ` +
      `messages ${written.size} × ${clients.length} sockets, missed ${missed}, reconnects ` +
      `${reconnects}; RSS ${baselineRss.toFixed(1)} MB at start, ${peak.toFixed(1)} MB peak, ` +
      `${(memory.at(-1)?.rss ?? NaN).toFixed(1)} MB at the end; load average ` +
      `${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  for (const client of clients) client.close();
  await server.stop();
  await fixture.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
