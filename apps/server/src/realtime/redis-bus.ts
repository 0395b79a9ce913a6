import { EventEmitter } from 'node:events';
import type { RealtimeEnvelope } from '@bevatel/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { Redis, type Result } from 'ioredis';
import { redactedUrl } from '../lib/startup-error';
import {
  sequenceSeed,
  type BusDraft,
  type BusMessage,
  type BusSignal,
  type RealtimeBus,
} from './bus';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    bevatelPublish(
      sequenceKey: string,
      channel: string,
      seed: string,
      payload: string,
    ): Result<number, Context>;
  }
}

export const DEFAULT_REDIS_CHANNEL = 'bevatel:realtime';
const PUBLISH_TIMEOUT_MS = 2000;

/**
 * Numbers and publishes in one atomic step, so the channel carries ids in increasing order with
 * no holes: a subscriber that sees a hole knows it lost messages (it was disconnected). A missing
 * counter (fresh or flushed Redis) starts from the clock so ids never go backwards for clients,
 * announced on the channel as `=<seed>` so subscribers do not take the jump for lost events.
 */
const PUBLISH_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], ARGV[2])
  redis.call('PUBLISH', ARGV[1], '=' .. ARGV[2])
end
local id = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], string.format('%d', id) .. ' ' .. ARGV[3])
return id
`;

export interface RedisBusOptions {
  url: string;
  /** Channel prefix; processes that should see each other's events share it. */
  channel?: string;
  log?: FastifyBaseLogger;
  /** How long startup waits for Redis before failing. */
  connectTimeoutMs?: number;
  /** Prefix of the connection names shown by CLIENT LIST. */
  clientName?: string;
}

interface WirePayload {
  audience: BusDraft['audience'];
  draft: BusDraft['draft'];
}

function retryStrategy(times: number): number {
  return Math.min(100 * 2 ** Math.min(times, 5), 3000);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Parses `"<id> <json>"` off the channel; null for anything malformed. */
export function decodeEventMessage(raw: string): BusMessage | null {
  const space = raw.indexOf(' ');
  const id = Number(raw.slice(0, space));
  if (space < 1 || !Number.isSafeInteger(id)) return null;
  try {
    const { audience, draft } = JSON.parse(raw.slice(space + 1)) as WirePayload;
    if (!audience || !draft) return null;
    return { audience, envelope: { ...draft, id } as RealtimeEnvelope };
  } catch {
    return null;
  }
}

/** How long, after reconnecting, events already numbered may take to arrive before they count as lost. */
const IN_FLIGHT_GRACE_MS = 1000;

/**
 * The bus over Redis pub/sub: one connection publishes (a subscribed connection can do nothing
 * else), one subscribes. Every process, the publishing one included, receives events from the
 * channel, so all of them see the same order. ioredis reconnects and resubscribes by itself.
 *
 * Publishing fails at once while Redis is away (no offline queue): the outbox holds the events
 * and tries again. When the subscriber comes back it compares the sequence counter with the
 * last id it received, so events others published meanwhile are known lost at once (a
 * `resync` signal), not only when the next event shows the gap.
 */
export async function createRedisBus({
  url,
  channel = DEFAULT_REDIS_CHANNEL,
  log,
  connectTimeoutMs = 5000,
  clientName = `bevatel-realtime-${process.pid}`,
}: RedisBusOptions): Promise<RealtimeBus> {
  const eventsChannel = `${channel}:events`;
  const signalChannel = `${channel}:signals`;
  const sequenceKey = `${channel}:seq`;
  const common = { lazyConnect: true, retryStrategy, connectTimeout: connectTimeoutMs };
  const pub = new Redis(url, {
    ...common,
    connectionName: `${clientName}-pub`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  const sub = new Redis(url, {
    ...common,
    connectionName: `${clientName}-sub`,
    maxRetriesPerRequest: null,
  });
  pub.defineCommand('bevatelPublish', { numberOfKeys: 1, lua: PUBLISH_SCRIPT });

  const local = new EventEmitter();
  local.setMaxListeners(0);
  let closing = false;
  // Before the first connection a failure is the start-up error, said once by the caller
  // (with the connection's own error as the cause: "Connection is closed" says nothing).
  let started = false;
  let firstError: Error | null = null;
  for (const [name, connection] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    let healthy = true;
    connection.on('error', (error: Error) => {
      if (!started) firstError ??= error;
      if (closing || !healthy || !started) return;
      healthy = false; // one line per outage, not one per reconnect attempt
      log?.warn({ err: error, connection: name }, 'realtime Redis connection lost; reconnecting');
    });
    connection.on('ready', () => {
      if (!healthy) log?.info({ connection: name }, 'realtime Redis connection back');
      healthy = true;
    });
  }

  /** The highest id this process has received (or known of when it subscribed). */
  let received = 0;
  sub.on('message', (from: string, raw: string) => {
    if (from === eventsChannel) {
      if (raw.startsWith('=')) {
        const after = Number(raw.slice(1));
        if (!Number.isSafeInteger(after)) return;
        received = after;
        local.emit('signal', { kind: 'sequence', after } satisfies BusSignal);
        return;
      }
      const message = decodeEventMessage(raw);
      if (message) {
        received = Math.max(received, message.envelope.id);
        local.emit('message', message);
      } else log?.warn({ channel: from }, 'malformed realtime message ignored');
    } else if (from === signalChannel) {
      try {
        local.emit('signal', JSON.parse(raw) as BusSignal);
      } catch {
        log?.warn({ channel: from }, 'malformed realtime signal ignored');
      }
    }
  });

  const counter = async () => {
    const value = await withTimeout(pub.get(sequenceKey), PUBLISH_TIMEOUT_MS, 'GET timed out');
    return value === null ? null : Number(value);
  };

  try {
    await withTimeout(
      Promise.all([pub.connect(), sub.connect()]).then(() =>
        sub.subscribe(eventsChannel, signalChannel),
      ),
      connectTimeoutMs,
      `timed out after ${connectTimeoutMs} ms`,
    );
    received = (await counter()) ?? 0;
    started = true;
  } catch (error) {
    closing = true;
    pub.disconnect();
    sub.disconnect();
    throw new Error(`cannot reach Redis at ${redactedUrl(url)} (REDIS_URL)`, {
      cause: firstError ?? error,
    });
  }

  // The link: down when the subscriber's connection drops, up again once it is back and what
  // was published meanwhile is accounted for.
  let live = true;
  let reconnects = 0;
  const setLive = (value: boolean) => {
    if (live === value || closing) return;
    live = value;
    local.emit('link', value);
  };
  sub.on('close', () => setLive(false));
  sub.on('ready', () => {
    if (live || closing) return;
    const attempt = ++reconnects;
    void checkMissed(attempt).finally(() => {
      if (attempt === reconnects && sub.status === 'ready') setLive(true);
    });
  });

  const checkMissed = async (attempt: number) => {
    let latest: number | null = null;
    try {
      // The PING answer comes after the resubscription's: from here on nothing is missed.
      await withTimeout(sub.ping(), PUBLISH_TIMEOUT_MS, 'PING timed out');
      const deadline = Date.now() + 5000;
      for (;;) {
        try {
          latest = await counter();
          break;
        } catch (error) {
          // The publishing connection may come back a moment after this one.
          if (Date.now() > deadline || attempt !== reconnects) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    } catch (error) {
      log?.warn({ err: error }, 'realtime: cannot tell what was missed while away; resync');
      local.emit('signal', { kind: 'resync' } satisfies BusSignal);
      return;
    }
    // No counter: a fresh Redis, whose first publish announces the new sequence.
    if (latest === null || latest <= received) return;
    const deadline = Date.now() + IN_FLIGHT_GRACE_MS;
    while (received < latest && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (received < latest) {
      log?.warn(
        { missed: latest - received },
        'realtime events published while disconnected were lost; clients told to resync',
      );
      local.emit('signal', { kind: 'resync', after: latest } satisfies BusSignal);
    }
  };

  const guard =
    <T>(handler: (value: T) => void) =>
    (value: T) => {
      try {
        handler(value);
      } catch (error) {
        log?.error({ err: error }, 'realtime subscriber failed');
      }
    };

  return {
    async publish({ audience, draft }) {
      const payload = JSON.stringify({ audience, draft } satisfies WirePayload);
      // Bounded: a Redis that accepts the connection but does not answer fails the try.
      await withTimeout(
        pub.bevatelPublish(sequenceKey, eventsChannel, String(sequenceSeed()), payload),
        PUBLISH_TIMEOUT_MS,
        'realtime publish timed out',
      );
    },
    subscribe(handler) {
      const listener = guard(handler);
      local.on('message', listener);
      return () => local.off('message', listener);
    },
    async signal(signal) {
      await withTimeout(
        pub.publish(signalChannel, JSON.stringify(signal)),
        PUBLISH_TIMEOUT_MS,
        'realtime signal timed out',
      );
    },
    onSignal(handler) {
      const listener = guard(handler);
      local.on('signal', listener);
      return () => local.off('signal', listener);
    },
    async ping() {
      await withTimeout(pub.ping(), PUBLISH_TIMEOUT_MS, 'Redis PING timed out');
    },
    get live() {
      return live;
    },
    onLink(handler) {
      const listener = guard(handler);
      local.on('link', listener);
      return () => local.off('link', listener);
    },
    async close() {
      if (closing) return;
      closing = true;
      local.removeAllListeners();
      const quit = async (connection: Redis) => {
        try {
          await withTimeout(connection.quit(), 1000, 'quit timed out');
        } catch {
          connection.disconnect();
        }
      };
      await Promise.all([quit(pub), quit(sub)]);
    },
  };
}
