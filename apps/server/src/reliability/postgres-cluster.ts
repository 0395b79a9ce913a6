/**
 * A PostgreSQL cluster of the test's own (initdb on a temporary directory, a free port), so
 * fault tests can stop, freeze and fill it without touching the machine's server. As root,
 * PostgreSQL refuses to run: the cluster then belongs to the `postgres` (or `nobody`) user.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../realtime/processes';

export interface PostgresCluster {
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>`. */
  url(database?: string): string;
  /** A new empty database (optionally in a tablespace); returns its URL. */
  createDatabase(name: string, tablespace?: string): Promise<string>;
  query(sql: string, database?: string): Promise<pg.QueryResult>;
  /** The uid/gid the server runs as (owner of tablespace directories). */
  owner: { uid: number; gid: number };
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** SIGSTOP every process of the cluster: connections stay open, nothing answers. */
  freeze(): void;
  thaw(): void;
  /** Stops the cluster and removes its directory. */
  destroy(): void;
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL server binaries under ${root}/*/bin`);
  return join(root, versions[0] as string, 'bin');
}

function userIds(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function runningAs(): { uid: number; gid: number } {
  if (process.getuid?.() !== 0)
    return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  const user = userIds('postgres') ?? userIds('nobody');
  if (!user) throw new Error('running as root without a postgres or nobody user to run PostgreSQL');
  return user;
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return out;
  for (const task of readdirSync(tasks)) {
    const file = join(tasks, task, 'children');
    if (!existsSync(file)) continue;
    for (const child of readFileSync(file, 'utf8').split(/\s+/).filter(Boolean)) {
      out.push(Number(child), ...descendants(Number(child)));
    }
  }
  return out;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBin();
  const owner = runningAs();
  const dir = mkdtempSync(join(tmpdir(), 'bevatel-pg-'));
  chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(join(bin, tool), args, {
      uid: owner.uid,
      gid: owner.gid,
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0) {
      throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
    }
  };
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    `-c listen_addresses=127.0.0.1`,
    '-c fsync=off',
    '-c max_connections=60',
  ].join(' ');
  const start = () =>
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();

  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const query = async (sql: string, database?: string) => {
    const client = new pg.Client({
      connectionString: url(database),
      connectionTimeoutMillis: 5000,
    });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const signalAll = (signal: NodeJS.Signals) => {
    const file = join(data, 'postmaster.pid');
    if (!existsSync(file)) return;
    const postmaster = Number(readFileSync(file, 'utf8').split('\n')[0]);
    const kill = (pid: number) => {
      try {
        process.kill(pid, signal);
      } catch {
        // exited meanwhile
      }
    };
    // The postmaster first, so it starts no new backend while the others are signalled.
    kill(postmaster);
    for (const pid of descendants(postmaster)) kill(pid);
  };
  return {
    port,
    owner,
    url,
    query,
    async createDatabase(name, tablespace) {
      await query(`CREATE DATABASE ${name}${tablespace ? ` TABLESPACE ${tablespace}` : ''}`);
      return url(name);
    },
    stop,
    start,
    freeze: () => signalAll('SIGSTOP'),
    thaw: () => signalAll('SIGCONT'),
    destroy() {
      signalAll('SIGCONT');
      try {
        if (existsSync(join(data, 'postmaster.pid'))) stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
