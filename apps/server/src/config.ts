import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Everything the server reads from the environment, parsed once. See the README's table. */
export interface Config {
  port: number;
  host: string;
  /** Base URL agents use; `iss` of signed context tokens. */
  publicUrl: string;
  databaseUrl: string;
  redisUrl: string | null;
  /** Redis channel prefix: deployments sharing one Redis must each have their own. */
  redisChannel: string;
  secretKeyBase: string;
  adminEmail: string;
  adminPassword: string;
  seed: boolean;
  /** Hosts (besides loopback) whose dashboard apps may use plain http. */
  allowedHttpAppHosts: string[];
  /** Directory of the built web app, served at /app; null to serve none. */
  webDist: string | null;
  logLevel: string;
  dataDir: string;
}

export const DEFAULT_ADMIN_EMAIL = 'admin@bevatel.test';
export const DEFAULT_ADMIN_PASSWORD = 'Bevatel!2026';

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(64).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const host = env.HOST ?? '127.0.0.1';
  const displayHost = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
  return {
    port,
    host,
    publicUrl: (env.PUBLIC_URL ?? `http://${displayHost}:${port}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'bevatel.sqlite3')}`,
    redisUrl: env.REDIS_URL || null,
    redisChannel: env.REDIS_CHANNEL || 'bevatel:realtime',
    secretKeyBase: env.SECRET_KEY_BASE || readOrCreateSecret(resolve(dataDir, 'secret_key_base')),
    adminEmail: (env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD ?? DEFAULT_ADMIN_PASSWORD,
    seed: env.SEED !== '0' && env.SEED !== 'false',
    allowedHttpAppHosts: list(env.DASHBOARD_APPS_HTTP_HOSTS),
    webDist: env.WEB_DIST === '' ? null : resolve(cwd, env.WEB_DIST ?? 'apps/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    dataDir,
  };
}
