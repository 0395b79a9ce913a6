// `npm start`: build everything (quietly, into data/logs/build.log), then run the dashboard (it
// migrates and seeds the demo account on an empty database) and the example dashboard apps on
// their own origins. Once all answer, one block says where to go; it is the last thing printed.
// Ctrl+C stops all.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
const dataDir = resolve(root, env.DATA_DIR ?? 'data');
const logDir = join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });
const shown = (file) => relative(process.cwd(), file) || file;

if (env.SKIP_BUILD !== '1') {
  const logFile = join(logDir, 'build.log');
  process.stdout.write(`Building the dashboard, SDK and examples (log: ${shown(logFile)})… `);
  const started = Date.now();
  const log = openSync(logFile, 'w');
  const build = spawnSync('npm', ['run', 'build', '--workspaces', '--if-present'], {
    cwd: root,
    stdio: ['ignore', log, log],
  });
  if (build.status !== 0) {
    const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
    console.error(`failed.\n\n${lines.slice(-40).join('\n')}\n\nThe whole log: ${shown(logFile)}`);
    process.exit(build.status ?? 1);
  }
  console.log(`done in ${Math.round((Date.now() - started) / 1000)} s.`);
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
const customer360Secret = persistentSecret('customer-360.secret');
// The demo shop embeds the demo account's website widget: the seed takes these keys.
const shopPort = Number(env.DEMO_SHOP_PORT ?? 4300);
const shopUrl = `http://${examplesHost}:${shopPort}/`;
const widgetToken = persistentSecret('demo-widget.token');
const widgetSecret = persistentSecret('demo-widget.secret');
const dashboardOrigins = `http://localhost:${port} http://127.0.0.1:${port}`;
const displayHost = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
const publicUrl = (env.PUBLIC_URL ?? `http://${displayHost}:${port}`).replace(/\/$/, '');
const examplesStarted = env.EXAMPLES !== '0';

const children = [];
/** Starts a child; its stdout (request logs) goes to `logFile` when given, stderr stays here. */
function launch(name, args, extraEnv, logFile) {
  const stdout = logFile ? openSync(logFile, 'a') : 'inherit';
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', stdout, 'inherit'],
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

const demoApps = [
  {
    title: 'Customer 360',
    url: `http://${examplesHost}:${customer360Port}/`,
    secret: customer360Secret,
  },
  {
    title: 'Order history',
    url: `http://${examplesHost}:${orderHistoryPort}/`,
    secret: orderHistorySecret,
  },
];

// Example backends import the SDK: its TypeScript source, through the monorepo's condition.
// DASHBOARD_APP_REGISTERED: the seed registers them, so they do not ask the user to.
const tsx = ['--conditions=@bevatel/source', '--import', 'tsx'];
if (examplesStarted) {
  launch(
    'customer-360',
    [...tsx, 'examples/customer-360/server/main.ts'],
    {
      PORT: String(customer360Port),
      HOST: examplesHost,
      DASHBOARD_ORIGINS: dashboardOrigins,
      CUSTOMER_360_SECRET: customer360Secret,
      DASHBOARD_APP_REGISTERED: '1',
    },
    join(logDir, 'customer-360.log'),
  );
  launch(
    'order-history',
    [...tsx, 'examples/order-history/server/main.ts'],
    {
      PORT: String(orderHistoryPort),
      HOST: examplesHost,
      DASHBOARD_ORIGINS: dashboardOrigins,
      ORDER_HISTORY_SECRET: orderHistorySecret,
      DASHBOARD_APP_REGISTERED: '1',
    },
    join(logDir, 'order-history.log'),
  );
  launch(
    'demo-shop',
    [...tsx, 'examples/demo-shop/server/main.ts'],
    {
      PORT: String(shopPort),
      HOST: examplesHost,
      DASHBOARD_URL: publicUrl,
      WIDGET_TOKEN: widgetToken,
      WIDGET_SECRET: widgetSecret,
    },
    join(logDir, 'demo-shop.log'),
  );
}

// The server's request logs stay at warn unless LOG_LEVEL says otherwise; its own banner is
// replaced by the block below.
launch('server', ['apps/server/dist/main.js'], {
  DEMO_DASHBOARD_APPS: env.DEMO_DASHBOARD_APPS ?? JSON.stringify(demoApps),
  DEMO_WIDGET_TOKEN: widgetToken,
  DEMO_WIDGET_SECRET: widgetSecret,
  DEMO_WIDGET_DOMAINS: env.DEMO_WIDGET_DOMAINS ?? `${examplesHost}:${shopPort}`,
  LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  STARTUP_BANNER: '0',
});

/** Resolves once `url` answers (any HTTP status), or rejects after `ms`. */
async function answering(url, ms = 120_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${url} did not answer`, { cause: error });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

const probeHost = host === '0.0.0.0' ? '127.0.0.1' : host;
const probes = [`http://${probeHost}:${port}/health`];
if (examplesStarted) for (const app of demoApps) probes.push(app.url);
if (examplesStarted) probes.push(shopUrl);
Promise.all(probes.map((url) => answering(url))).then(
  () => {
    if (shuttingDown) return;
    const admin = `${env.ADMIN_EMAIL ?? 'admin@bevatel.test'} / ${env.ADMIN_PASSWORD ?? 'Bevatel!2026'}`;
    const lines = [
      '',
      `  Bevatel dashboard   ${publicUrl}/app`,
      `  Administrator       ${admin}`,
      `  Agents              omar@bevatel.test, sarah@bevatel.test (same password)`,
      `  Logs                ${shown(logDir)}/ (server requests at ${env.LOG_LEVEL ?? 'warn'} here)`,
    ];
    if (examplesStarted) {
      lines.push(`  Demo shop           ${shopUrl}  (live chat as Emily Carter, signed in)`);
      lines.push('  Example apps, already registered in the demo account:');
      for (const app of demoApps) lines.push(`    ${app.title.padEnd(16)}  ${app.url}`);
    }
    console.log(`${lines.join('\n')}\n`);
  },
  (error) => {
    console.error(`npm start: ${error.message}; stopping everything`);
    shutdown(1);
  },
);
