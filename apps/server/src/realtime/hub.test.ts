import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema';
import { EventEmitter } from 'node:events';
import { createMemoryBus, type BusMessage, type BusSignal, type RealtimeBus } from './bus';
import { DEFAULT_HUB_OPTIONS, RealtimeHub, type HubSocket } from './hub';

class FakeSocket implements HubSocket {
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  terminated = false;
  pings = 0;
  send(data: Buffer | string) {
    this.sent.push(data.toString());
  }
  close() {
    this.readyState = 3;
  }
  terminate() {
    this.terminated = true;
    this.readyState = 3;
  }
  ping() {
    this.pings += 1;
  }
  frames() {
    return this.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
  }
}

const noDb = {} as Kysely<Database>;
const message = (id: number, inboxId: number | null = null): BusMessage => ({
  audience: { accountId: 1, inboxId },
  envelope: { event: 'contact.deleted', data: { id }, account_id: 1, id, ts: 0 },
});

function setup(options: Partial<typeof DEFAULT_HUB_OPTIONS> = {}) {
  const hub = new RealtimeHub(
    noDb,
    { ...DEFAULT_HUB_OPTIONS, ...options },
    pino({ level: 'silent' }),
  );
  const socket = new FakeSocket();
  const connection = hub.add(socket, 1, { kind: 'token', digest: 't' })!;
  hub.attach(connection, 1, { role: 'agent', inboxes: new Set([7]) });
  return { hub, socket, connection };
}

describe('RealtimeHub', () => {
  it('drops a socket whose unsent bytes pile up, and keeps serving the others', () => {
    const { hub, socket } = setup({ maxBufferedBytes: 1000 });
    const other = new FakeSocket();
    const connection = hub.add(other, 2, { kind: 'token', digest: 'u' })!;
    hub.attach(connection, 1, { role: 'administrator', inboxes: 'all' });
    hub.deliver(message(1));
    socket.bufferedAmount = 5000;
    hub.deliver(message(2));
    expect(socket.terminated).toBe(true);
    expect(hub.size).toBe(1);
    expect(other.frames().filter((f) => 'event' in f)).toHaveLength(2);
  });

  it('filters by inbox for agents', () => {
    const { hub, socket } = setup();
    hub.deliver(message(1, 7));
    hub.deliver(message(2, 8));
    hub.deliver(message(3, null));
    expect(socket.frames().flatMap((f) => ('id' in f ? [f.id] : []))).toEqual([1, 3]);
  });

  it('tells every socket to resync when ids jump (events were lost)', () => {
    const { hub, socket } = setup();
    hub.deliver(message(1));
    hub.deliver(message(4));
    const types = socket.frames().map((f) => f.type ?? f.id);
    expect(types).toEqual(['subscribed', 1, 'resync', 4]);
  });

  it('pings, then drops sockets that did not answer', () => {
    const { hub, socket, connection } = setup();
    hub.heartbeat();
    expect(socket.pings).toBe(1);
    hub.markAlive(connection);
    hub.heartbeat();
    expect(socket.terminated).toBe(false);
    hub.heartbeat();
    expect(socket.terminated).toBe(true);
    expect(hub.size).toBe(0);
  });

  it('refuses sockets beyond the per-user cap', () => {
    const { hub } = setup({ maxSocketsPerUser: 1 });
    const extra = new FakeSocket();
    expect(hub.add(extra, 1, { kind: 'token', digest: 't' })).toBeNull();
    expect(extra.readyState).toBe(3);
    expect(hub.add(new FakeSocket(), 2, { kind: 'token', digest: 'u' })).not.toBeNull();
  });

  it('says when live updates pause and resume with the link between processes', () => {
    const { hub, socket } = setup();
    const link = controlledBus();
    hub.start(link.bus);
    hub.deliver(message(1));
    link.set(false);
    // A socket arriving during the outage hears of it after its subscription.
    const late = new FakeSocket();
    hub.attach(hub.add(late, 2, { kind: 'token', digest: 'u' })!, 1, {
      role: 'administrator',
      inboxes: 'all',
    });
    link.set(true);
    hub.deliver(message(2));
    hub.stop();
    expect(socket.frames().map((f) => f.type ?? f.id)).toEqual([
      'subscribed',
      1,
      'interrupted',
      'restored',
      2,
    ]);
    expect(late.frames().map((f) => f.type ?? f.id)).toEqual([
      'subscribed',
      'interrupted',
      'restored',
      2,
    ]);
  });

  it('tells every socket to resync on a resync signal, and stops replaying from before it', () => {
    const { hub, socket, connection } = setup();
    const link = controlledBus();
    hub.start(link.bus);
    hub.deliver(message(1));
    hub.deliver(message(2));
    link.signal({ kind: 'resync', after: 5 });
    hub.deliver(message(6));
    hub.resume(connection, 1);
    hub.stop();
    expect(socket.frames().map((f) => f.type ?? f.id)).toEqual([
      'subscribed',
      1,
      2,
      'resync',
      6,
      'resync',
    ]);
  });

  it('takes a restarted sequence (a fresh Redis) for what it is, not for lost events', () => {
    const { hub, socket } = setup();
    const link = controlledBus();
    hub.start(link.bus);
    hub.deliver(message(1));
    link.signal({ kind: 'sequence', after: 1000 });
    hub.deliver(message(1001));
    hub.stop();
    expect(socket.frames().map((f) => f.type ?? f.id)).toEqual(['subscribed', 1, 1001]);
  });
});

/** The in-process bus with its link and signals driven by the test. */
function controlledBus() {
  const emitter = new EventEmitter();
  let live = true;
  const bus: RealtimeBus = {
    ...createMemoryBus(),
    get live() {
      return live;
    },
    onSignal(handler) {
      emitter.on('signal', handler);
      return () => emitter.off('signal', handler);
    },
    onLink(handler) {
      emitter.on('link', handler);
      return () => emitter.off('link', handler);
    },
  };
  return {
    bus,
    set(value: boolean) {
      live = value;
      emitter.emit('link', value);
    },
    signal: (signal: BusSignal) => emitter.emit('signal', signal),
  };
}
