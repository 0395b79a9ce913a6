import type { RealtimeEnvelope } from '@bevatel/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation } from '../../test/factories';
import { RealtimeClient, type RealtimeHandlers } from './client';

/** A WebSocket stand-in the test drives by hand. */
class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = FakeSocket.CLOSED;
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code });
  }
}

const envelope = (id: number): RealtimeEnvelope => ({
  event: 'conversation.updated',
  data: conversation(),
  account_id: 1,
  id,
  ts: 0,
});

function handlers() {
  return {
    onEnvelope: vi.fn(),
    onCatchUp: vi.fn(),
    onStatus: vi.fn(),
    onUnauthorized: vi.fn(),
  } satisfies RealtimeHandlers;
}

describe('RealtimeClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // delays 750 ms, 1.5 s, 3 s…
    FakeSocket.all = [];
    const target = { addEventListener: vi.fn(), removeEventListener: vi.fn() };
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('window', target);
    vi.stubGlobal('document', { ...target, visibilityState: 'visible' });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('subscribes to the account in the URL and hands over each envelope once', () => {
    const h = handlers();
    const client = new RealtimeClient(1, h, 'ws://test');
    client.start();
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toBe('ws://test/cable?account_id=1');
    socket.open();
    socket.receive(envelope(5));
    socket.receive(envelope(5));
    socket.receive({ ...envelope(6), account_id: 2 });
    socket.receive('not json');
    expect(h.onEnvelope).toHaveBeenCalledTimes(1);
    expect(h.onCatchUp).not.toHaveBeenCalled();
    client.stop();
  });

  it('reconnects with backoff, resumes after the last id and catches up', () => {
    const h = handlers();
    const client = new RealtimeClient(1, h, 'ws://test');
    client.start();
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.receive(envelope(9));
    FakeSocket.all[0]!.drop();
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(2);
    expect(FakeSocket.all[1]!.url).toBe('ws://test/cable?account_id=1&after=9');
    FakeSocket.all[1]!.open();
    expect(h.onCatchUp).toHaveBeenCalledOnce();
    // A replayed envelope already applied is not applied again.
    FakeSocket.all[1]!.receive(envelope(9));
    expect(h.onEnvelope).toHaveBeenCalledTimes(1);
    client.stop();
  });

  it('waits longer after each failed attempt', () => {
    const client = new RealtimeClient(1, handlers(), 'ws://test');
    client.start();
    FakeSocket.all[0]!.drop();
    vi.advanceTimersByTime(1000);
    FakeSocket.all[1]!.drop();
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(3);
    client.stop();
  });

  it('stops and reports a lost session on close code 4401', () => {
    const h = handlers();
    const client = new RealtimeClient(1, h, 'ws://test');
    client.start();
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop(4401);
    vi.advanceTimersByTime(120_000);
    expect(h.onUnauthorized).toHaveBeenCalledOnce();
    expect(FakeSocket.all).toHaveLength(1);
    client.stop();
  });

  it('asks for a refetch when the server says events were lost', () => {
    const h = handlers();
    const client = new RealtimeClient(1, h, 'ws://test');
    client.start();
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.receive({ type: 'resync' });
    expect(h.onCatchUp).toHaveBeenCalledOnce();
    client.stop();
  });

  it('reports live updates paused while the server says so, and back on restored or resync', () => {
    const h = handlers();
    const client = new RealtimeClient(1, h, 'ws://test');
    client.start();
    const socket = FakeSocket.all[0]!;
    socket.open();
    socket.receive({ type: 'interrupted' });
    expect(h.onStatus).toHaveBeenLastCalledWith('interrupted');
    socket.receive(envelope(3)); // held events arrive once the link is back
    socket.receive({ type: 'restored' });
    expect(h.onStatus).toHaveBeenLastCalledWith('open');
    socket.receive({ type: 'interrupted' });
    socket.receive({ type: 'resync' });
    expect(h.onStatus).toHaveBeenLastCalledWith('open');
    expect(h.onCatchUp).toHaveBeenCalledOnce();
    // The socket itself never dropped: no reconnect.
    expect(FakeSocket.all).toHaveLength(1);
    client.stop();
  });

  it('pings while open and starts over when the server falls silent', () => {
    const client = new RealtimeClient(1, handlers(), 'ws://test');
    client.start();
    FakeSocket.all[0]!.open();
    vi.advanceTimersByTime(25_000);
    expect(FakeSocket.all[0]!.sent).toContain('{"type":"ping"}');
    vi.advanceTimersByTime(50_000);
    expect(FakeSocket.all[0]!.closedWith).toBe(4000);
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(2);
    client.stop();
  });

  it('closes a socket still connecting only once it opens (no browser error)', () => {
    const client = new RealtimeClient(1, handlers(), 'ws://test');
    client.start();
    client.stop();
    const socket = FakeSocket.all[0]!;
    expect(socket.closedWith).toBeNull();
    socket.open();
    expect(socket.closedWith).toBe(1000);
  });
});
