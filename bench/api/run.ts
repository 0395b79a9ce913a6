/**
 * API benchmark: fills SQLite and PostgreSQL with one busy account (100,000 conversations,
 * 1,000,000 messages; `--quick`: 10,000 / 100,000), starts the real server and a bare Fastify
 * serving the same JSON from memory, each in its own process, and loads both with autocannon
 * (50 connections). Prints a table and, for full runs, writes the "API" section of
 * docs/BENCHMARKS.md.
 *
 *   npx tsx bench/api/run.ts [--quick] [--db=sqlite|postgres] [--duration=10] [--no-write]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import * as prettier from 'prettier';
import pg from 'pg';
import { connectDatabase } from '../../apps/server/src/db/connect';
import type { DialectName } from '../../apps/server/src/db/dialect';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import { ACCOUNT_ID, ADMIN_TOKEN, AGENT_TOKEN, type DatasetSize } from './dataset';
import { fill, postgresWriter, sqliteWriter } from './fill';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = 50;

interface Options {
  quick: boolean;
  kinds: DialectName[];
  duration: number;
  write: boolean;
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const db = argv.find((a) => a.startsWith('--db='))?.slice(5);
  const duration = Number(
    argv.find((a) => a.startsWith('--duration='))?.slice(11) ?? (quick ? 3 : 10),
  );
  return {
    quick,
    kinds: db === 'sqlite' || db === 'postgres' ? [db] : ['sqlite', 'postgres'],
    duration,
    write: !quick && !argv.includes('--no-write'),
  };
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface ScenarioResult {
  kind: DialectName;
  name: string;
  real: Measure;
  bare: Measure;
  /** p50 with a single connection: the request's own latency, without queueing. */
  single: Measure;
}

interface KindResult {
  kind: DialectName;
  /** Runs that saw errors or timeouts (autocannon gives up on a request after 10 s). */
  failures: string[];
  /** 1-minute load average before and after the load runs (other work on the machine). */
  load: [number, number];
  fillSeconds: number;
  rows: Record<string, number>;
  scenarios: ScenarioResult[];
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(kind: DialectName) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bevatel-bench-'));
    const path = join(dir, 'bench.sqlite3');
    return {
      url: `sqlite:${path}`,
      path,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `bevatel_bench_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    path: '',
    cleanup: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

interface Target {
  port: number;
  stop(): Promise<void>;
}

async function startTarget(args: string[], env: Record<string, string>): Promise<Target> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(HERE, 'server.ts'), ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`target exited with ${code}`)));
    lines.on('line', (line) => {
      const match = /^READY (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  return {
    port,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

interface Scenario {
  name: string;
  path: () => string;
  /** api_access_token of the caller. */
  token: string;
}

async function load(
  port: number,
  scenario: Scenario,
  duration: number,
  connections = CONNECTIONS,
): Promise<Measure> {
  const { path } = scenario;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    headers: { api_access_token: scenario.token, 'x-bench-body': scenario.name },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function getJson(port: number, path: string, token: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { api_access_token: token },
  });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function benchKind(
  kind: DialectName,
  size: DatasetSize,
  options: Options,
): Promise<KindResult> {
  console.log(
    `\n[${kind}] filling ${size.conversations.toLocaleString('en')} conversations, ${size.messages.toLocaleString('en')} messages…`,
  );
  const database = await prepareDatabase(kind);
  const targets: Target[] = [];
  try {
    const handle = connectDatabase(database.url);
    await migrateToLatest(handle.db, handle.dialect);
    await handle.close();
    const writer =
      kind === 'sqlite' ? sqliteWriter(database.path) : await postgresWriter(database.url);
    const filled = await fill(writer, size, Date.now(), (line) =>
      process.stdout.write(`\r${line}`),
    );
    console.log(`\n[${kind}] filled in ${filled.seconds.toFixed(1)} s`);

    const real = await startTarget(['real'], {
      DATABASE_URL: database.url,
      SECRET_KEY_BASE: 'bench-secret-key-base',
      LOG_LEVEL: 'silent',
    });
    targets.push(real);
    const base = `/api/v1/accounts/${ACCOUNT_ID}/conversations`;
    const randomId = () => 1 + Math.floor(Math.random() * size.conversations);
    const scenarios: Scenario[] = [
      { name: 'GET conversations', path: () => base, token: ADMIN_TOKEN },
      {
        name: 'GET conversations?status=all (agent, 2 inboxes)',
        path: () => `${base}?status=all`,
        token: AGENT_TOKEN,
      },
      { name: 'GET conversations/:id', path: () => `${base}/${randomId()}`, token: ADMIN_TOKEN },
      {
        name: 'GET conversations/:id/messages',
        path: () => `${base}/${randomId()}/messages`,
        token: ADMIN_TOKEN,
      },
    ];
    // The bare server answers each scenario with a body the real one gave for it.
    const sample = Math.floor(size.conversations / 2);
    const bodies: Record<string, unknown> = {};
    for (const scenario of scenarios) {
      const path = scenario.path().replace(/\/\d+(\/messages)?$/, `/${sample}$1`);
      bodies[scenario.name] = await getJson(real.port, path, scenario.token);
    }
    const bodiesFile = join(tmpdir(), `bevatel-bench-bodies-${process.pid}.json`);
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    const bare = await startTarget(['bare', bodiesFile], {});
    targets.push(bare);

    const results: ScenarioResult[] = [];
    const failures: string[] = [];
    const loadBefore = loadavg()[0] ?? 0;
    for (const scenario of scenarios) {
      const { name } = scenario;
      await load(real.port, scenario, Math.max(1, Math.round(options.duration / 5))); // warm-up
      const single = await load(
        real.port,
        scenario,
        Math.max(2, Math.round(options.duration / 3)),
        1,
      );
      const realMeasure = await load(real.port, scenario, options.duration);
      const bareMeasure = await load(bare.port, scenario, options.duration);
      results.push({ kind, name, real: realMeasure, bare: bareMeasure, single });
      console.log(
        `[${kind}] ${name}: ${Math.round(realMeasure.rps)} req/s (bare ${Math.round(bareMeasure.rps)}), p50 ${realMeasure.p50} ms, p99 ${realMeasure.p99} ms, 1-conn p50 ${single.p50} ms`,
      );
      for (const [label, m] of [
        ['real', realMeasure],
        ['bare', bareMeasure],
        ['1 connection', single],
      ] as const) {
        if (m.non2xx || m.errors) {
          console.warn(`[${kind}] ${name} (${label}): ${m.non2xx} non-2xx, ${m.errors} errors`);
          failures.push(
            `${kind} ${name} (${label}): ${m.non2xx} non-2xx, ${m.errors} errors/timeouts`,
          );
        }
      }
    }
    rmSync(bodiesFile, { force: true });
    const machineLoad: [number, number] = [loadBefore, loadavg()[0] ?? 0];
    return {
      kind,
      failures,
      load: machineLoad,
      fillSeconds: filled.seconds,
      rows: filled.rows,
      scenarios: results,
    };
  } finally {
    for (const target of targets) await target.stop();
    await database.cleanup();
  }
}

/** autocannon reports whole milliseconds: 0 means under one. */
const ms = (n: number) => (n === 0 ? '<1' : String(n));
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(results: KindResult[]): string {
  const lines = [
    '| database | endpoint | req/s | p50 ms | p99 ms | p50 ms, 1 connection | bare req/s | bare p50 ms | bare p99 ms | real / bare |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const k of results) {
    for (const s of k.scenarios) {
      lines.push(
        `| ${k.kind} | \`${s.name}\` | ${fmt(s.real.rps)} | ${ms(s.real.p50)} | ${ms(s.real.p99)} | ${ms(s.single.p50)} | ${fmt(s.bare.rps)} | ${ms(s.bare.p50)} | ${ms(s.bare.p99)} | ${fmt((s.real.rps / s.bare.rps) * 100, 1)} % |`,
      );
    }
  }
  return lines.join('\n');
}

function section(results: KindResult[], size: DatasetSize, options: Options): string {
  const cpu = cpus();
  const fills = results
    .map(
      (k) =>
        `${k.kind} ${fmt(k.fillSeconds, 1)} s (${fmt((k.rows.messages ?? 0) / k.fillSeconds)} messages/s)`,
    )
    .join(', ');
  return `## API

Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/api/run.ts\` on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.

- Dataset: one account with ${fmt(size.conversations)} conversations (40 % open), ${fmt(size.messages)} messages, ${fmt(size.contacts)} contacts, ${size.agents} agents, 4 inboxes; labels on 30 % of conversations.
- Bulk fill (multi-row INSERTs in transactions on SQLite, \`INSERT … SELECT FROM unnest(…)\` 10,000 rows a statement on PostgreSQL, then ANALYZE): ${fills}.
- Load: autocannon, ${CONNECTIONS} connections, ${options.duration} s per run after a warm-up, with an \`api_access_token\`; server and load generator in separate processes on the same machine. \`GET conversations\`: the administrator's first page of open conversations with its three counts. The agent scenario: an agent in two of the four inboxes lists all statuses (merged from eight ordered index ranges). The last two pick a random conversation per request.
- Machine load (1-minute load average before → after the runs): ${results.map((k) => `${k.kind} ${k.load[0].toFixed(1)} → ${k.load[1].toFixed(1)}`).join(', ')}. Other people's builds and tests share these 2 cores, so absolute figures move between runs; the ratio to the bare baseline, measured in the same minutes, moves less.
- "bare" is a Fastify route in its own process answering the same JSON bodies from memory: the ceiling of HTTP + JSON on this machine. "real / bare" is the share of that ceiling the server reaches.

${table(results)}

Where the time goes: every request authenticates in one query (the user with their role,
account and inboxes in the account asked for); the list's three counts are one sum over
\`conversation_counts\` (kept by triggers, migration 0012); a page of conversations then runs
the page query and four presenter queries however long the page, a conversation or a page of
messages six to eight in all (\`apps/server/src/test/query-count.test.ts\`). On PostgreSQL
repeated statements run prepared. The bare baseline answers from memory, so "real / bare" is
the share left after those queries, presenting and serializing on the same two cores.
${
  results.some((k) => k.failures.length)
    ? `\nRuns with errors or timeouts: ${results.flatMap((k) => k.failures).join('; ')}.\n`
    : ''
}`;
}

async function writeSection(markdown: string): Promise<void> {
  const file = join(ROOT, 'docs', 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.search(/^## API\s*$/m);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${markdown}`;
  } else {
    const rest = current.slice(start + 6);
    const end = rest.search(/^## /m);
    next = current.slice(0, start) + markdown + (end === -1 ? '' : `\n${rest.slice(end)}`);
  }
  const config = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(`${next.trimEnd()}\n`, { ...config, filepath: file }));
  console.log(`\nwrote the API section of ${file}`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // `--from=bench/results/api-full-….json`: write the section again from saved figures.
  const from = process.argv.find((a) => a.startsWith('--from='))?.slice(7);
  if (from) {
    const saved = JSON.parse(readFileSync(from, 'utf8')) as {
      size: DatasetSize;
      options: Options;
      results: KindResult[];
    };
    await writeSection(section(saved.results, saved.size, saved.options));
    return;
  }
  const size: DatasetSize = options.quick
    ? { conversations: 10_000, messages: 100_000, contacts: 2_000, agents: 20 }
    : { conversations: 100_000, messages: 1_000_000, contacts: 20_000, agents: 20 };
  const results: KindResult[] = [];
  for (const kind of options.kinds) results.push(await benchKind(kind, size, options));
  console.log(`\n${table(results)}\n`);
  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, `api-${options.quick ? 'quick' : 'full'}-${Date.now()}.json`),
    JSON.stringify({ size, options, results }, null, 2),
  );
  if (options.write) await writeSection(section(results, size, options));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
