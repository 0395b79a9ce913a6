import type { BusMessage } from './bus';

export interface ReplayEntry {
  message: BusMessage;
  /** The envelope as sent on the wire (UTF-8 JSON), encoded once. */
  data: Buffer;
}

export type PushResult = 'next' | 'gap' | 'stale';

/**
 * The last events this process saw, for clients that reconnect and ask for what they missed,
 * bounded by count and by bytes (a message may carry 150 kB of text). Bus ids rise by one per
 * event, so the buffer is one unbroken run of ids: finding an id is arithmetic, and a message
 * that does not follow the previous one means some were lost.
 */
export class ReplayBuffer {
  private entries: ReplayEntry[] = [];
  private head = 0;
  private bytes = 0;
  private last = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {}

  get lastId(): number {
    return this.last;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  /**
   * Adds a message: `next` when it follows the previous one, `gap` when some between were lost
   * (the run restarts with it), `stale` for an id at or below the last (not kept: late, or from
   * before a restart of the sequence).
   */
  push(message: BusMessage, data = Buffer.from(JSON.stringify(message.envelope))): PushResult {
    const id = message.envelope.id;
    if (this.last !== 0 && id <= this.last) return 'stale';
    const follows = this.last === 0 || id === this.last + 1;
    if (!follows) this.clear(); // keep only what is known complete
    this.entries.push({ message, data });
    this.bytes += data.length;
    this.last = id;
    while (this.size > 1 && (this.size > this.maxEntries || this.bytes > this.maxBytes)) {
      this.bytes -= (this.entries[this.head] as ReplayEntry).data.length;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return follows ? 'next' : 'gap';
  }

  /**
   * Starts a new run after `lastId`: the sequence restarted there, or events were lost, so
   * what is kept can no longer answer resumes from before it.
   */
  restart(lastId: number): void {
    this.clear();
    this.last = Math.max(this.last, lastId);
  }

  private clear(): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
  }

  /** Every entry after `after`, oldest first, or null when some are no longer here. */
  since(after: number): ReplayEntry[] | null {
    if (after >= this.last) return [];
    if (this.size === 0) return null;
    const first = (this.entries[this.head] as ReplayEntry).message.envelope.id;
    if (after + 1 < first) return null;
    return this.entries.slice(this.head + (after + 1 - first));
  }
}
