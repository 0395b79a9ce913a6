import type { FastifyBaseLogger } from 'fastify';
import type { BusDraft, BusSignal, RealtimeBus } from './bus';

/** What the outbox holds: events for sockets, and notices for the other processes. */
export type OutboxItem =
  | { kind: 'event'; message: BusDraft; bytes?: number }
  | { kind: 'signal'; signal: BusSignal; bytes?: number };

export interface OutboxOptions {
  /** Items held while the bus is unreachable, at most; the oldest go first beyond it… */
  maxItems: number;
  /** …and at most this many bytes of JSON. */
  maxBytes: number;
  /** Waits between tries while the bus fails: doubling from the first to the last. */
  retryMs: [first: number, longest: number];
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  maxItems: 10_000,
  maxBytes: 64 * 1024 * 1024,
  retryMs: [50, 1000],
};

const sizeOf = (item: OutboxItem) =>
  Buffer.byteLength(JSON.stringify(item.kind === 'event' ? item.message : item.signal));

/**
 * Publishes events in order, after the command that caused them, without ever making it wait:
 * `push` returns at once. While the bus is unreachable (a Redis outage) events are held, bounded
 * by count and bytes, and sent when it is back; when the bound forced the oldest out, a `resync`
 * signal goes first, so every socket of every process refetches at once instead of missing them.
 */
export class Outbox {
  readonly #queue: OutboxItem[] = [];
  #bytes = 0;
  #draining = false;
  #failing = false;
  /** The resync signal queued because of an overflow, until it is sent. */
  #resync: OutboxItem | null = null;
  #dropped = 0;
  #wake: (() => void) | null = null;
  #closed = false;

  constructor(
    private readonly bus: RealtimeBus,
    private readonly options: OutboxOptions = DEFAULT_OUTBOX_OPTIONS,
    private readonly log?: FastifyBaseLogger,
  ) {}

  /** Items waiting (the one being sent included). */
  get size(): number {
    return this.#queue.length;
  }

  push(item: OutboxItem): void {
    if (this.#closed) return;
    // Sizes matter only for what accumulates: measured when something is already waiting.
    if (this.#queue.length > 0) this.#measure(item);
    this.#queue.push(item);
    this.#trim();
    void this.#drain();
  }

  /** Try again now (the bus says it is back) instead of at the end of the current wait. */
  retryNow(): void {
    this.#wake?.();
  }

  /** Sends what it can within `graceMs` (shutdown), then drops the rest. */
  async close(graceMs: number): Promise<void> {
    const deadline = Date.now() + graceMs;
    while (this.#queue.length > 0 && !this.#failing && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    this.#closed = true;
    this.#wake?.();
    if (this.#queue.length > 0) {
      this.log?.warn({ events: this.#queue.length }, 'realtime events not sent before shutdown');
    }
    this.#queue.length = 0;
  }

  #measure(item: OutboxItem): number {
    item.bytes ??= sizeOf(item);
    return item.bytes;
  }

  #trim(): void {
    const { maxItems, maxBytes } = this.options;
    this.#bytes = this.#queue.reduce((sum, item) => sum + (item.bytes ?? 0), 0);
    // The resync signal is not counted: it is tiny, and it must not push out an event.
    const held = () => this.#queue.length - (this.#resync ? 1 : 0);
    while (held() > maxItems || (this.#bytes > maxBytes && held() > 1)) {
      const at = this.#queue.findIndex((item) => item !== this.#resync);
      if (at < 0) break;
      const [dropped] = this.#queue.splice(at, 1) as [OutboxItem];
      this.#bytes -= dropped.bytes ?? 0;
      this.#dropped += 1;
      if (!this.#resync) {
        this.#resync = { kind: 'signal', signal: { kind: 'resync' }, bytes: 0 };
        this.#queue.unshift(this.#resync);
        this.log?.warn(
          { maxItems, maxBytes },
          'realtime outbox full: dropping the oldest events; clients will be told to resync',
        );
      }
    }
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    const [first, longest] = this.options.retryMs;
    let delay = first;
    try {
      while (this.#queue.length > 0 && !this.#closed) {
        const item = this.#queue[0] as OutboxItem;
        try {
          await this.#send(item);
        } catch (error) {
          if (!this.#failing) {
            this.#failing = true;
            this.log?.warn(
              { err: error },
              'realtime bus unreachable: holding events until it is back',
            );
          }
          for (const waiting of this.#queue) this.#measure(waiting);
          this.#trim();
          await this.#sleep(delay);
          delay = Math.min(delay * 2, longest);
          continue;
        }
        this.#remove(item);
        delay = first;
        if (this.#failing && this.#queue.length === 0) {
          this.#failing = false;
          this.log?.info({ dropped: this.#dropped }, 'realtime bus back: held events sent');
          this.#dropped = 0;
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  #send(item: OutboxItem): Promise<void> {
    return item.kind === 'event' ? this.bus.publish(item.message) : this.bus.signal(item.signal);
  }

  #remove(item: OutboxItem): void {
    // Not simply the head: an overflow may have put the resync signal in front meanwhile.
    const at = this.#queue.indexOf(item);
    if (at >= 0) {
      this.#queue.splice(at, 1);
      this.#bytes -= item.bytes ?? 0;
    }
    if (item === this.#resync) this.#resync = null;
  }

  /** Waits `ms`, or less when `retryNow()` or `close()` wakes it. */
  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.#wake?.(), ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
    });
  }
}
