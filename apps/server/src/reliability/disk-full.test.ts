import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../db/dialect';
import { startServer, type ServerProcess } from '../realtime/processes';
import { FIXTURE_PASSWORD } from '../test/fixtures';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { mountSmallDisk, type SmallDisk } from './small-disk';
import { accountPath, call, eventually, seedWorld, type Answer, type FaultWorld } from './support';

const count = (text: string, needle: string) => text.split(needle).length - 1;
/** Big enough that a few fill what is left; random, so PostgreSQL cannot compress it away. */
const big = () => randomBytes(45_000).toString('base64');

/**
 * The database's storage runs full: a tmpfs of a few megabytes holding the SQLite file, or a
 * PostgreSQL tablespace on one (the WAL stays on the cluster's own disk, as when a data volume
 * fills). A ballast file takes the room; deleting it gives it back with the server running.
 */
describe.each<DialectName>(['sqlite', 'postgres'])('storage full (%s)', (kind) => {
  let disk: SmallDisk;
  let cluster: PostgresCluster | null = null;
  let server: ServerProcess;
  let world: FaultWorld;
  let cookie: string;

  beforeAll(async () => {
    let url: string;
    if (kind === 'postgres') {
      disk = mountSmallDisk(48);
      cluster = await startPostgresCluster();
      const location = disk.directory('tablespace', cluster.owner);
      await cluster.query(`CREATE TABLESPACE small LOCATION '${location}'`);
      url = await cluster.createDatabase('storage_full', 'small');
    } else {
      disk = mountSmallDisk(8);
      url = `sqlite:${join(disk.path, 'full.sqlite3')}`;
    }
    world = await seedWorld(url);
    server = await startServer({ DATABASE_URL: url, LOG_LEVEL: 'info' });
    // A browser session from before the disk filled.
    const signIn = await fetch(`${server.url}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: world.agent.email, password: FIXTURE_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
    disk?.unmount();
  }, 30_000);

  const messages = () => accountPath(world, `/conversations/${world.conversation}/messages`);
  const post = (content: string) =>
    call(server.url, 'POST', messages(), { token: world.agent.access_token, body: { content } });

  it('answers 507 storage_full, keeps reads and sessions, logs the cause once, recovers', async () => {
    expect((await post('before the disk fills')).status).toBe(200);
    const logged = server.output().length;
    disk.fill(kind === 'postgres' ? 256 * 1024 : 128 * 1024);

    let full: Answer | null = null;
    for (let i = 0; i < 40 && !full; i += 1) {
      const answer = await post(big());
      if (answer.status !== 200) full = answer;
    }
    expect(full, 'the disk never filled').not.toBeNull();
    expect(full?.status).toBe(507);
    expect(full?.body).toEqual({
      error: 'storage_full',
      message: 'The database storage is full: nothing can be saved until space is freed',
      statusCode: 507,
    });
    // Still full: writes keep answering 507; reads and an existing session keep working.
    expect((await post(big())).status).toBe(507);
    const read = await call(server.url, 'GET', messages(), { token: world.agent.access_token });
    expect(read.status).toBe(200);
    const session = await call(server.url, 'GET', '/auth/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ data: { email: world.agent.email } });
    const list = await call(server.url, 'GET', accountPath(world, '/conversations'), {
      headers: { cookie },
    });
    expect(list.status).toBe(200);
    // A new sign-in has to write its session: it says why it cannot, in the error shape.
    const signIn = await call(server.url, 'POST', '/auth/sign_in', {
      body: { email: world.admin.email, password: FIXTURE_PASSWORD },
    });
    expect([200, 507]).toContain(signIn.status);
    if (signIn.status !== 200) expect(signIn.body).toMatchObject({ error: 'storage_full' });

    disk.release();
    const after = await post('after space was freed');
    expect(after.status, JSON.stringify(after.body)).toBe(200);

    // The process writes its log asynchronously: wait for the line of the recovery.
    await eventually('the recovery in the log', async () =>
      server.output().slice(logged).includes('database storage writable again'),
    );
    const log = server.output().slice(logged);
    expect(count(log, 'database storage full:'), log).toBe(1);
    expect(log).not.toContain('cannot rollback');
    expect(log).not.toContain('unhandled error');
  }, 60_000);
});
