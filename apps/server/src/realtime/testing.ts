/** Helpers for realtime tests and benchmarks: real `ws` clients against a listening server. */
import type { Message, RealtimeServerMessage } from '@bevatel/protocol';
import { WebSocket, type ClientOptions } from 'ws';

export interface TestSocket {
  ws: WebSocket;
  received: RealtimeServerMessage[];
  /** Resolves with the first message (already received or coming) that matches. */
  next(
    match?: (message: RealtimeServerMessage) => boolean,
    timeoutMs?: number,
  ): Promise<RealtimeServerMessage>;
  /** Resolves with nothing received that matches within `ms`; rejects otherwise. */
  quiet(match: (message: RealtimeServerMessage) => boolean, ms?: number): Promise<void>;
  send(frame: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export class UpgradeRejected extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: string,
  ) {
    super(`upgrade rejected with ${statusCode}: ${body}`);
  }
}

/** Opens a socket; rejects with UpgradeRejected when the server answers the upgrade with HTTP. */
export function openSocket(url: string, options: ClientOptions = {}): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    const received: RealtimeServerMessage[] = [];
    const waiters = new Set<() => void>();
    let closeInfo: { code: number; reason: string } | null = null;
    const closed = new Promise<{ code: number; reason: string }>((done) => {
      ws.on('close', (code, reason) => {
        closeInfo = { code, reason: reason.toString() };
        for (const wake of waiters) wake();
        done(closeInfo);
      });
    });
    ws.on('message', (data) => {
      received.push(JSON.parse(data.toString()) as RealtimeServerMessage);
      for (const wake of waiters) wake();
    });
    ws.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => reject(new UpgradeRejected(response.statusCode ?? 0, body)));
      response.on('error', () => reject(new UpgradeRejected(response.statusCode ?? 0, body)));
    });
    ws.on('error', reject);
    ws.on('open', () => {
      const socket: TestSocket = {
        ws,
        received,
        next(match = () => true, timeoutMs = 5000) {
          return new Promise((found, fail) => {
            let index = 0;
            const check = () => {
              for (; index < received.length; index += 1) {
                const message = received[index] as RealtimeServerMessage;
                if (match(message)) {
                  finish();
                  found(message);
                  return;
                }
              }
              if (closeInfo) {
                finish();
                fail(new Error(`socket closed (${closeInfo.code}) before the expected message`));
              }
            };
            const timer = setTimeout(() => {
              finish();
              fail(new Error(`no matching message within ${timeoutMs} ms`));
            }, timeoutMs);
            const finish = () => {
              clearTimeout(timer);
              waiters.delete(check);
            };
            waiters.add(check);
            check();
          });
        },
        async quiet(match, ms = 300) {
          await new Promise((done) => setTimeout(done, ms));
          const hit = received.find(match);
          if (hit) throw new Error(`unexpected message: ${JSON.stringify(hit)}`);
        },
        send(frame) {
          ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
        },
        closed,
        async close() {
          if (ws.readyState === ws.CLOSED) return;
          ws.close();
          await closed;
        },
      };
      resolve(socket);
    });
  });
}

export function isEvent(
  name: string,
  check: (data: Record<string, unknown>) => boolean = () => true,
) {
  return (message: RealtimeServerMessage): boolean =>
    'event' in message &&
    message.event === name &&
    check(message.data as unknown as Record<string, unknown>);
}

export function isFrame(type: string) {
  return (message: RealtimeServerMessage): boolean => 'type' in message && message.type === type;
}

/** A message entity as the messages presenter would produce it (for bus-level tests). */
export function fakeMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: 1,
    content: 'hello',
    inbox_id: 1,
    conversation_id: 1,
    account_id: 1,
    message_type: 1,
    content_type: 'text',
    content_attributes: {},
    created_at: Math.floor(Date.now() / 1000),
    private: false,
    status: 'sent',
    source_id: null,
    sender_type: null,
    sender_id: null,
    sender: null,
    ...overrides,
  };
}
