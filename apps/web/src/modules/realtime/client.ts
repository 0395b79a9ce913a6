import {
  REALTIME_CLOSE_CODES,
  type RealtimeClientFrame,
  type RealtimeEnvelope,
  type RealtimeServerMessage,
} from '@bevatel/protocol';
import { backoffDelay, SeenIds } from './backoff';

/**
 * `interrupted`: the socket is open but the server says live updates are paused (it lost its
 * link to the other server processes); updates resume with `restored` or `resync`.
 */
export type RealtimeStatus = 'connecting' | 'open' | 'interrupted' | 'closed';

export interface RealtimeHandlers {
  onEnvelope(envelope: RealtimeEnvelope): void;
  /** Reconnected after a drop, or the server lost events: refetch what is on screen. */
  onCatchUp(): void;
  onStatus(status: RealtimeStatus): void;
  /** The session is gone (close code 4401). */
  onUnauthorized(): void;
}

const PING_EVERY_MS = 25_000;
const SILENCE_LIMIT_MS = 60_000;

/**
 * One WebSocket per tab to `/cable`, subscribed to one account. Reconnects with exponential
 * backoff and jitter, resumes after the last envelope id it saw, and drops repeats by id.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private lastId = 0;
  private everOpened = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  private readonly seen = new SeenIds();

  constructor(
    private readonly accountId: number,
    private readonly handlers: RealtimeHandlers,
    private readonly baseUrl: string = defaultBaseUrl(),
  ) {}

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) closeQuietly(socket, 1000, 'bye');
    this.handlers.onStatus('closed');
  }

  private connect(): void {
    if (this.stopped) return;
    this.clearTimers();
    this.handlers.onStatus('connecting');
    const params = new URLSearchParams({ account_id: String(this.accountId) });
    if (this.lastId > 0) params.set('after', String(this.lastId));
    const socket = new WebSocket(`${this.baseUrl}/cable?${params.toString()}`);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      this.attempt = 0;
      this.handlers.onStatus('open');
      if (this.everOpened) this.handlers.onCatchUp();
      this.everOpened = true;
      this.pingTimer = setInterval(() => this.heartbeat(socket), PING_EVERY_MS);
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      if (typeof event.data === 'string') this.receive(event.data);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      if (event.code === REALTIME_CLOSE_CODES.unauthorized) {
        this.drop(null);
        this.handlers.onUnauthorized();
      } else if (event.code === REALTIME_CLOSE_CODES.forbidden) {
        this.drop(null);
      } else {
        this.drop(event.code === REALTIME_CLOSE_CODES.tooManySockets ? 60_000 : undefined);
      }
    };
  }

  /** Forgets the current socket and, unless `retryIn` is null, schedules the next attempt. */
  private drop(retryIn: number | null | undefined): void {
    const socket = this.socket;
    this.socket = null;
    this.clearTimers();
    if (socket) closeQuietly(socket, 4000, 'reconnecting');
    this.handlers.onStatus('closed');
    if (this.stopped || retryIn === null) return;
    const delay = retryIn ?? backoffDelay(this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private receive(raw: string): void {
    let message: RealtimeServerMessage;
    try {
      message = JSON.parse(raw) as RealtimeServerMessage;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    if ('event' in message) {
      if (typeof message.id !== 'number' || !this.seen.add(message.id)) return;
      this.lastId = Math.max(this.lastId, message.id);
      if (message.account_id !== this.accountId) return;
      this.handlers.onEnvelope(message);
      return;
    }
    if (message.type === 'subscribed') {
      if (this.lastId === 0) this.lastId = message.last_id;
    } else if (message.type === 'interrupted') {
      this.handlers.onStatus('interrupted');
    } else if (message.type === 'restored') {
      this.handlers.onStatus('open');
    } else if (message.type === 'resync') {
      this.handlers.onStatus('open');
      this.handlers.onCatchUp();
    }
  }

  private heartbeat(socket: WebSocket): void {
    if (this.socket !== socket) return;
    if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
      // Half-open connection (laptop slept, a proxy dropped it): start over.
      this.drop(undefined);
      return;
    }
    this.send({ type: 'ping' });
  }

  private send(frame: RealtimeClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private readonly reconnectNow = () => {
    if (this.stopped || this.socket) return;
    this.attempt = 0;
    this.connect();
  };

  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.reconnectNow();
  };

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }
}

/** Closing a socket still connecting makes the browser log an error: close it once open. */
function closeQuietly(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState === WebSocket.CONNECTING) {
    socket.onopen = () => socket.close(code, reason);
  } else if (socket.readyState === WebSocket.OPEN) {
    socket.close(code, reason);
  }
}

function defaultBaseUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`;
}
