/**
 * SQLite durability setting: `npx tsx bench/durability/run.ts [--duration=10] [--rounds=3]`.
 *
 * The real server process on a fresh SQLite file on this machine's disk (the temporary
 * directory, not a tmpfs), once with `SQLITE_SYNCHRONOUS=FULL` and once with `NORMAL`, taking
 * turns for `--rounds` rounds so machine load falls on both alike. Each run is autocannon
 * creating messages (`POST …/conversations/:id/messages`, one write transaction each) for
 * `--duration` seconds, with 10 connections and then with 1 (a request's own latency). Prints
 * each run and the median per setting, with NORMAL's throughput as a multiple of FULL's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer } from '../../apps/server/src/realtime/processes';
import { seedWorld } from '../../apps/server/src/reliability/support';

type Mode = 'FULL' | 'NORMAL';

interface Run {
  mode: Mode;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const DURATION = arg('duration', 10);
const ROUNDS = arg('rounds', 3);

async function measure(mode: Mode, connections: number[]): Promise<Run[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bevatel-durability-'));
  const url = `sqlite:${join(dir, 'bench.sqlite3')}`;
  const world = await seedWorld(url);
  const server = await startServer({ DATABASE_URL: url, SQLITE_SYNCHRONOUS: mode });
  try {
    const runs: Run[] = [];
    for (const count of connections) {
      const result = await autocannon({
        url: `${server.url}/api/v1/accounts/${world.accountId}/conversations/${world.conversation}/messages`,
        method: 'POST',
        connections: count,
        duration: DURATION,
        headers: { api_access_token: world.admin.access_token, 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'A reply of ordinary length, written to the database.' }),
      });
      runs.push({
        mode,
        connections: count,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
      });
    }
    return runs;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function main(): Promise<void> {
  const load = loadavg()[0] as number;
  const runs: Run[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const mode of (round % 2 === 0 ? ['FULL', 'NORMAL'] : ['NORMAL', 'FULL']) as Mode[]) {
      const measured = await measure(mode, [10, 1]);
      for (const run of measured) {
        console.log(
          `round ${round + 1} ${mode.padEnd(6)} ${String(run.connections).padStart(2)} conn: ` +
            `${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors}`,
        );
      }
      runs.push(...measured);
    }
  }
  const summary = (mode: Mode, connections: number) => {
    const of = runs.filter((r) => r.mode === mode && r.connections === connections);
    return {
      rps: median(of.map((r) => r.rps)),
      p50: median(of.map((r) => r.p50)),
      p99: median(of.map((r) => r.p99)),
      errors: of.reduce((sum, r) => sum + r.errors, 0),
    };
  };
  console.log(
    `\nmedians of ${ROUNDS} runs of ${DURATION} s each; load average ${load.toFixed(1)} → ` +
      `${(loadavg()[0] as number).toFixed(1)}\n`,
  );
  console.log(
    '| `SQLITE_SYNCHRONOUS` | connections | messages/s | p50 ms | p99 ms | errors | ÷ FULL |',
  );
  console.log(
    '| -------------------- | ----------: | ---------: | -----: | -----: | -----: | -----: |',
  );
  for (const connections of [10, 1]) {
    const full = summary('FULL', connections);
    for (const mode of ['FULL', 'NORMAL'] as Mode[]) {
      const row = summary(mode, connections);
      console.log(
        `| \`${mode}\` | ${connections} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ` +
          `${row.errors} | ${(row.rps / full.rps).toFixed(2)}× |`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
