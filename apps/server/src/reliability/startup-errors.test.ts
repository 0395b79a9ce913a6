import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, REPO_ROOT } from '../realtime/processes';

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs the server until it exits (it must: these start-ups fail), as `user` when given. */
function runServer(env: Record<string, string>, user?: { uid: number; gid: number }) {
  return new Promise<Exit>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, SEED: '0', WEB_DIST: '', LOG_LEVEL: 'warn', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit:\n${stdout}\n${stderr}`));
    }, 100_000); // generous: seven start at once, and a loaded machine makes each take long
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
const isRoot = process.getuid?.() === 0;
/** Root may write anywhere: the unwritable case runs as `nobody` then. */
const nobody = isRoot ? { uid: 65534, gid: 65534 } : undefined;

describe('start-up errors: one line naming the path and the cause', () => {
  let dir: string;
  let locked: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bevatel-startup-'));
    // Traversable by the unprivileged user, writable by nobody but root.
    chmodSync(dir, 0o755);
    locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    writeFileSync(join(dir, 'a-file'), 'not a directory');
    mkdirSync(join(dir, 'a-directory.sqlite3'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function expectOneLine(exit: Exit, ...needles: string[]) {
    expect(exit.code, exit.stderr).toBe(1);
    const errors = lines(exit.stderr);
    expect(errors, exit.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/^bevatel: cannot start: /);
    for (const needle of needles) expect(errors[0]).toContain(needle);
    expect(exit.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }

  it('names each cause', async () => {
    const closedPort = await freePort();
    const secret = { SECRET_KEY_BASE: 'startup-test-secret-'.repeat(4) };
    const [dataDir, sqliteDir, notDirectory, isDirectory, postgres, redis, setting] =
      await Promise.all([
        // DATA_DIR the server's user cannot write: the generated secret cannot be stored.
        runServer({ DATA_DIR: join(locked, 'data') }, nobody),
        // …and with SECRET_KEY_BASE set, the SQLite file in it cannot be created.
        runServer(
          { ...secret, DATA_DIR: locked, DATABASE_URL: `sqlite:${join(locked, 'db.sqlite3')}` },
          nobody,
        ),
        runServer({ ...secret, DATABASE_URL: `sqlite:${join(dir, 'a-file', 'db.sqlite3')}` }),
        runServer({ ...secret, DATABASE_URL: `sqlite:${join(dir, 'a-directory.sqlite3')}` }),
        runServer({
          ...secret,
          DATABASE_URL: `postgres://app:hunter2@127.0.0.1:${closedPort}/bevatel`,
        }),
        runServer({
          ...secret,
          DATABASE_URL: `sqlite:${join(dir, 'ok.sqlite3')}`,
          REDIS_URL: `redis://127.0.0.1:${closedPort}`,
        }),
        runServer({ ...secret, SQLITE_SYNCHRONOUS: 'sometimes' }),
      ]);
    await expectOneLine(dataDir, join(locked, 'data'), 'EACCES');
    await expectOneLine(
      sqliteDir,
      `cannot open the SQLite database ${join(locked, 'db.sqlite3')}`,
      'not writable: EACCES',
      // The file is created 0600 before SQLite opens it, so the cause is that creation's.
      'permission denied',
    );
    await expectOneLine(notDirectory, join(dir, 'a-file'), 'ENOTDIR');
    await expectOneLine(isDirectory, join(dir, 'a-directory.sqlite3'), 'it is a directory');
    await expectOneLine(
      postgres,
      `cannot reach PostgreSQL at postgres://app:***@127.0.0.1:${closedPort}/bevatel`,
      'ECONNREFUSED',
    );
    expect(postgres.stderr).not.toContain('hunter2');
    await expectOneLine(
      redis,
      `cannot reach Redis at redis://127.0.0.1:${closedPort}`,
      'ECONNREFUSED',
    );
    await expectOneLine(setting, 'SQLITE_SYNCHRONOUS must be one of FULL, NORMAL, got "sometimes"');
  }, 120_000);
});
