// `npm start`: build everything, then run the dashboard (it migrates and seeds the demo account
// on an empty database) and the example dashboard apps on their own origins. Ctrl+C stops all.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = process.env;
const port = Number(env.PORT ?? 3000);
const dataDir = resolve(root, env.DATA_DIR ?? 'data');
mkdirSync(dataDir, { recursive: true });

if (env.SKIP_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build', '--workspaces', '--if-present'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** A secret kept under data/ so restarts keep the demo app's signing secret. */
function persistentSecret(name) {
  const file = join(dataDir, name);
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const examplesHost = env.EXAMPLES_HOST ?? '127.0.0.1';
const customer360Port = Number(env.CUSTOMER_360_PORT ?? 4100);
const orderHistoryPort = Number(env.ORDER_HISTORY_PORT ?? 4200);
const orderHistorySecret = persistentSecret('order-history.secret');
const dashboardOrigins = `http://localhost:${port} http://127.0.0.1:${port}`;

const children = [];
function launch(name, args, extraEnv) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`${name} exited (${signal ?? code}); stopping everything`);
      shutdown(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let shuttingDown = false;
function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(
    children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const tsx = ['--import', 'tsx'];
if (env.EXAMPLES !== '0') {
  launch('customer-360', [...tsx, 'examples/customer-360/server/main.ts'], {
    PORT: String(customer360Port),
    HOST: examplesHost,
    DASHBOARD_ORIGINS: dashboardOrigins,
  });
  launch('order-history', [...tsx, 'examples/order-history/server/main.ts'], {
    PORT: String(orderHistoryPort),
    HOST: examplesHost,
    DASHBOARD_ORIGINS: dashboardOrigins,
    ORDER_HISTORY_SECRET: orderHistorySecret,
  });
}

const demoApps = [
  { title: 'Customer 360', url: `http://${examplesHost}:${customer360Port}/` },
  {
    title: 'Order history',
    url: `http://${examplesHost}:${orderHistoryPort}/`,
    secret: orderHistorySecret,
  },
];
launch('server', ['apps/server/dist/main.js'], {
  DEMO_DASHBOARD_APPS: env.DEMO_DASHBOARD_APPS ?? JSON.stringify(demoApps),
});
