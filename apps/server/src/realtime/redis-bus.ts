import { EventEmitter } from 'node:events';
import type { RealtimeEnvelope } from '@bevatel/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { Redis, type Result } from 'ioredis';
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
 * counter (fresh or flushed Redis) starts from the clock so ids never go backwards for clients.
 */
const PUBLISH_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[2]) end
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

/**
 * The bus over Redis pub/sub: one connection publishes (a subscribed connection can do nothing
 * else), one subscribes. Every process, the publishing one included, receives events from the
 * channel, so all of them see the same order. ioredis reconnects and resubscribes by itself;
 * messages published while a subscriber is away are lost, which the gateway notices by the gap.
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
  // Publishes wait through a short blip (offline queue) but fail rather than hang a request.
  const pub = new Redis(url, {
    ...common,
    connectionName: `${clientName}-pub`,
    maxRetriesPerRequest: 2,
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
  for (const [name, connection] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    let healthy = true;
    connection.on('error', (error: Error) => {
      if (closing || !healthy) return;
      healthy = false; // one line per outage, not one per reconnect attempt
      log?.warn({ err: error, connection: name }, 'realtime Redis connection lost; reconnecting');
    });
    connection.on('ready', () => {
      if (!healthy) log?.info({ connection: name }, 'realtime Redis connection back');
      healthy = true;
    });
  }

  sub.on('message', (from: string, raw: string) => {
    if (from === eventsChannel) {
      const message = decodeEventMessage(raw);
      if (message) local.emit('message', message);
      else log?.warn({ channel: from }, 'malformed realtime message ignored');
    } else if (from === signalChannel) {
      try {
        local.emit('signal', JSON.parse(raw) as BusSignal);
      } catch {
        log?.warn({ channel: from }, 'malformed realtime signal ignored');
      }
    }
  });

  try {
    await withTimeout(
      Promise.all([pub.connect(), sub.connect()]).then(() =>
        sub.subscribe(eventsChannel, signalChannel),
      ),
      connectTimeoutMs,
      `timed out after ${connectTimeoutMs} ms`,
    );
  } catch (error) {
    closing = true;
    pub.disconnect();
    sub.disconnect();
    throw new Error(`Redis is unreachable at REDIS_URL (${String(error)})`, { cause: error });
  }

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
      // Bounded, so a Redis outage slows a request by at most this much (the event is lost).
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
