// PostgreSQL and Redis are what the tests talk to. On these machines they run already; when one
// is down (a fresh boot), start it with the machine's own command rather than skip its tests.
import { execSync } from 'node:child_process';
import { Socket } from 'node:net';

function reachable(port) {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

const START = {
  PostgreSQL: [
    5432,
    'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -1) main start',
  ],
  Redis: [
    6379,
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
  ],
};

export async function ensureServices() {
  let ok = true;
  for (const [name, [port, command]] of Object.entries(START)) {
    if (await reachable(port)) continue;
    console.log(`${name} is not listening on 127.0.0.1:${port}; starting it`);
    try {
      execSync(command, { stdio: 'inherit', shell: '/bin/bash' });
    } catch {
      /* reported below */
    }
    for (let i = 0; i < 20 && !(await reachable(port)); i += 1)
      await new Promise((r) => setTimeout(r, 500));
    if (!(await reachable(port))) {
      console.error(`${name} is unreachable on 127.0.0.1:${port}: its tests cannot run.`);
      ok = false;
    }
  }
  return ok;
}
