import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DEFAULT_POOL_SIZE,
  DEFAULT_TIMEOUTS,
  SQLITE_SYNCHRONOUS_VALUES,
  type ConnectOptions,
  type DatabaseTimeouts,
  type SqliteSynchronous,
} from './db/connect';
import {
  DEFAULT_ATTACHMENT_MAX_BYTES,
  DEFAULT_ATTACHMENT_MAX_FILES,
  DEFAULT_ATTACHMENT_URL_TTL_SECONDS,
  type AttachmentSettings,
} from './modules/attachments/settings';
import {
  DEFAULT_WEBHOOK_SETTINGS,
  type WebhookDeliverySettings,
} from './modules/webhooks/schedule';
import { DEFAULT_OUTBOX_OPTIONS } from './realtime/outbox';

/** Everything the server reads from the environment, parsed once. See the README's table. */
export interface Config {
  port: number;
  host: string;
  /** Base URL agents use; `iss` of signed context tokens. */
  publicUrl: string;
  databaseUrl: string;
  /** Bounded waits for the database: a stalled one answers 503 within seconds. */
  dbTimeouts: DatabaseTimeouts;
  /** PostgreSQL connections per process at most. */
  dbPoolSize: number;
  /** SQLite durability: FULL (acknowledged means durable) or NORMAL (faster). */
  sqliteSynchronous: SqliteSynchronous;
  redisUrl: string | null;
  /** Redis channel prefix: deployments sharing one Redis must each have their own. */
  redisChannel: string;
  /** Realtime events held while Redis is away, at most (count, then bytes of JSON). */
  realtimeBuffer: { maxItems: number; maxBytes: number };
  /** Auto-offline: how long after the last socket closed, and the presence heartbeat. */
  presence: { graceMs: number; heartbeatMs: number };
  secretKeyBase: string;
  adminEmail: string;
  adminPassword: string;
  seed: boolean;
  /** Hosts (besides loopback) whose dashboard apps may use plain http. */
  allowedHttpAppHosts: string[];
  /**
   * Hosts the server's outbound requests (webhooks, the app request proxy) may reach even
   * though they resolve to private, loopback or link-local addresses, over plain http too: for
   * local development, tests, and services on the operator's own network.
   */
  outboundPrivateHosts: string[];
  /** Webhook delivery: request deadline, retry schedule, polling (WEBHOOK_*). */
  webhooks: WebhookDeliverySettings;
  /** Message attachments: limits, link lifetime, storage (ATTACHMENT_*, S3_*). */
  attachments: AttachmentSettings;
  /** How often each process reopens conversations whose snooze ended (SNOOZE_POLL_MS). */
  snoozePollMs: number;
  /** Directory of the built web app, served at /app; null to serve none. */
  webDist: string | null;
  /** The built website widget (launcher and chat frame); null to serve none. */
  widgetDist: string | null;
  /** The SDK package folder (dist/, release/), served at /sdk; null to serve none. */
  sdkDir: string | null;
  /** The Dashboard Apps guide (Markdown), rendered at /docs/dashboard-apps; null for none. */
  docsDir: string | null;
  logLevel: string;
  dataDir: string;
  /**
   * Proxies whose X-Forwarded-* headers are believed (addresses, CIDR ranges, or proxy-addr's
   * names `loopback`, `linklocal`, `uniquelocal`). Empty: none, and the client address is the
   * socket's, so no client can choose its logged address, rate-limit key or cookie flags.
   */
  trustProxy: string[];
  /** How long an invitation link works (INVITATION_TTL_HOURS; 7 days by default). */
  invitationTtlMs: number;
  /** How long a password reset link works (PASSWORD_RESET_TTL_MINUTES; 1 hour by default). */
  passwordResetTtlMs: number;
  /** Outgoing e-mail (invitation and reset links); null url: links are only shown, not sent. */
  smtp: SmtpSettings;
}

export interface SmtpSettings {
  /** nodemailer's connection URL, e.g. `smtps://user:pass@mail.example.com:465`. */
  url: string | null;
  /** The From header: `Name <address>`. */
  from: string;
}

export const DEFAULT_INVITATION_TTL_HOURS = 7 * 24;
export const DEFAULT_PASSWORD_RESET_TTL_MINUTES = 60;

export const DEFAULT_ADMIN_EMAIL = 'admin@bevatel.test';
export const DEFAULT_ADMIN_PASSWORD = 'Bevatel!2026';

function readOrCreateSecret(file: string): string {
  try {
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(64).toString('hex');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  } catch (error) {
    // Node's message already names the path it failed on (EACCES, EROFS, ENOTDIR…).
    throw new Error(`SECRET_KEY_BASE is unset and ${file} cannot be read or created`, {
      cause: error,
    });
  }
}

/** A whole number from the environment, `fallback` when unset; `min` bounds it from below. */
function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

/** One of `values` (case-insensitive), the first when unset. */
function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return values[0] as T;
  const value = values.find((v) => v === raw.toUpperCase());
  if (!value) throw new Error(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return value;
}

/** A comma-separated list of whole milliseconds (WEBHOOK_RETRY_DELAYS_MS). */
function millisList(env: NodeJS.ProcessEnv, name: string, fallback: readonly number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return [...fallback];
  const values = raw.split(',').map((item) => Number(item.trim()));
  if (values.length === 0 || values.some((v) => !Number.isSafeInteger(v) || v < 1)) {
    throw new Error(`${name} must be comma-separated whole milliseconds, got "${raw}"`);
  }
  return values;
}

function webhookSettings(env: NodeJS.ProcessEnv): WebhookDeliverySettings {
  const defaults = DEFAULT_WEBHOOK_SETTINGS;
  return {
    timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', defaults.timeoutMs, 1),
    pollMs: integer(env, 'WEBHOOK_POLL_MS', defaults.pollMs, 10),
    retry: {
      ...defaults.retry,
      delaysMs: millisList(env, 'WEBHOOK_RETRY_DELAYS_MS', defaults.retry.delaysMs),
      giveUpAfterMs: integer(env, 'WEBHOOK_GIVE_UP_AFTER_MS', defaults.retry.giveUpAfterMs, 1),
    },
  };
}

function smtpSettings(env: NodeJS.ProcessEnv, publicUrl: string): SmtpSettings {
  const url = env.SMTP_URL?.trim() || null;
  if (url && !/^smtps?:\/\//i.test(url)) {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${url}"`);
  }
  const host = new URL(publicUrl).hostname;
  return { url, from: env.SMTP_FROM?.trim() || `Bevatel <no-reply@${host}>` };
}

function attachmentSettings(env: NodeJS.ProcessEnv, dataDir: string, cwd: string) {
  const kind = (env.ATTACHMENT_STORAGE || 'disk').toLowerCase();
  if (kind !== 'disk' && kind !== 's3') {
    throw new Error(`ATTACHMENT_STORAGE must be disk or s3, got "${env.ATTACHMENT_STORAGE}"`);
  }
  const limits = {
    maxBytes: integer(env, 'ATTACHMENT_MAX_BYTES', DEFAULT_ATTACHMENT_MAX_BYTES, 1),
    maxFiles: integer(env, 'ATTACHMENT_MAX_FILES', DEFAULT_ATTACHMENT_MAX_FILES, 1),
    urlTtlSeconds: integer(
      env,
      'ATTACHMENT_URL_TTL_SECONDS',
      DEFAULT_ATTACHMENT_URL_TTL_SECONDS,
      60,
    ),
  };
  if (kind === 'disk') {
    const dir = resolve(cwd, env.ATTACHMENT_DIR || resolve(dataDir, 'attachments'));
    return { ...limits, storage: { kind: 'disk', dir } } satisfies AttachmentSettings;
  }
  if (!env.S3_BUCKET) throw new Error('ATTACHMENT_STORAGE=s3 needs S3_BUCKET');
  const keyId = env.S3_ACCESS_KEY_ID;
  const secret = env.S3_SECRET_ACCESS_KEY;
  return {
    ...limits,
    storage: {
      kind: 's3',
      bucket: env.S3_BUCKET,
      region: env.S3_REGION || 'us-east-1',
      endpoint: env.S3_ENDPOINT || null,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === '1' || env.S3_FORCE_PATH_STYLE === 'true',
      credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : null,
      prefix: env.S3_PREFIX ?? '',
    },
  } satisfies AttachmentSettings;
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
  const publicUrl = (env.PUBLIC_URL ?? `http://${displayHost}:${port}`).replace(/\/$/, '');
  return {
    port,
    host,
    publicUrl,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'bevatel.sqlite3')}`,
    dbTimeouts: {
      acquireMs: integer(env, 'DB_ACQUIRE_TIMEOUT_MS', DEFAULT_TIMEOUTS.acquireMs, 1),
      statementMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', DEFAULT_TIMEOUTS.statementMs, 0),
    },
    dbPoolSize: integer(env, 'DATABASE_POOL_SIZE', DEFAULT_POOL_SIZE, 1),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', SQLITE_SYNCHRONOUS_VALUES),
    redisUrl: env.REDIS_URL || null,
    redisChannel: env.REDIS_CHANNEL || 'bevatel:realtime',
    realtimeBuffer: {
      maxItems: integer(env, 'REALTIME_BUFFER_EVENTS', DEFAULT_OUTBOX_OPTIONS.maxItems, 1),
      maxBytes: integer(env, 'REALTIME_BUFFER_BYTES', DEFAULT_OUTBOX_OPTIONS.maxBytes, 1024),
    },
    presence: {
      graceMs: 1000 * integer(env, 'AUTO_OFFLINE_GRACE_SECONDS', 60, 1),
      heartbeatMs: 1000 * integer(env, 'PRESENCE_HEARTBEAT_SECONDS', 15, 1),
    },
    secretKeyBase: env.SECRET_KEY_BASE || readOrCreateSecret(resolve(dataDir, 'secret_key_base')),
    adminEmail: (env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD ?? DEFAULT_ADMIN_PASSWORD,
    seed: env.SEED !== '0' && env.SEED !== 'false',
    allowedHttpAppHosts: list(env.DASHBOARD_APPS_HTTP_HOSTS),
    outboundPrivateHosts: list(env.OUTBOUND_PRIVATE_HOSTS),
    webhooks: webhookSettings(env),
    attachments: attachmentSettings(env, dataDir, cwd),
    snoozePollMs: integer(env, 'SNOOZE_POLL_MS', 15_000, 10),
    webDist: env.WEB_DIST === '' ? null : resolve(cwd, env.WEB_DIST ?? 'apps/web/dist'),
    widgetDist: env.WIDGET_DIST === '' ? null : resolve(cwd, env.WIDGET_DIST ?? 'apps/widget/dist'),
    sdkDir: env.SDK_DIR === '' ? null : resolve(cwd, env.SDK_DIR ?? 'packages/sdk'),
    docsDir: env.DOCS_DIR === '' ? null : resolve(cwd, env.DOCS_DIR ?? 'docs/dashboard-apps'),
    logLevel: env.LOG_LEVEL ?? 'info',
    dataDir,
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
    invitationTtlMs:
      integer(env, 'INVITATION_TTL_HOURS', DEFAULT_INVITATION_TTL_HOURS, 1) * 60 * 60 * 1000,
    passwordResetTtlMs:
      integer(env, 'PASSWORD_RESET_TTL_MINUTES', DEFAULT_PASSWORD_RESET_TTL_MINUTES, 1) * 60 * 1000,
    smtp: smtpSettings(env, publicUrl),
  };
}

/** How the server connects to its database, from the configuration. */
export function connectOptionsOf(config: Config): ConnectOptions {
  return {
    timeouts: config.dbTimeouts,
    poolSize: config.dbPoolSize,
    sqliteSynchronous: config.sqliteSynchronous,
  };
}
