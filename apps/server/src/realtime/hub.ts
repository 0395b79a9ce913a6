import { REALTIME_CLOSE_CODES, type RealtimeServerFrame } from '@bevatel/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { canSeeInbox, loadGrant, loadGrants, type Viewer } from '../core/visibility';
import type { Database } from '../db/schema';
import type { Audience, BusMessage, BusSignal, RealtimeBus } from './bus';
import { credentialKey, liveCredentials, type Credential } from './credentials';
import { ReplayBuffer } from './replay';

/** The part of a `ws` socket the hub uses (tests pass fakes). */
export interface HubSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Buffer | string, options: { binary: boolean }): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
}

const OPEN = 1;

export interface HubOptions {
  /** Ping every socket this often; one that has not answered since the last ping is dropped. */
  heartbeatMs: number;
  /** Re-read roles, inbox memberships and sign-ins this often. */
  refreshMs: number;
  /** Sockets one user may hold in this process (tabs, devices). */
  maxSocketsPerUser: number;
  /** A socket with more unsent bytes than this is a slow consumer and is dropped. */
  maxBufferedBytes: number;
  /** Recent events kept for clients that reconnect and resume: at most this many… */
  replaySize: number;
  /** …and at most this many bytes of JSON. */
  replayBytes: number;
}

export const DEFAULT_HUB_OPTIONS: HubOptions = {
  heartbeatMs: 25_000,
  refreshMs: 60_000,
  maxSocketsPerUser: 20,
  maxBufferedBytes: 1024 * 1024,
  replaySize: 5000,
  replayBytes: 16 * 1024 * 1024,
};

/** One socket: who holds it and what that person may see in the account it follows. */
export interface Connection {
  readonly socket: HubSocket;
  readonly userId: number;
  readonly credential: Credential;
  accountId: number | null;
  /** What its user may see in that account (the one visibility rule's viewer). */
  grant: Viewer | null;
  alive: boolean;
  /** Bumped on every (re)subscribe, so an answer for an older subscribe is ignored. */
  generation: number;
  subscribing: boolean;
}

export function canSee(connection: Connection, audience: Audience): boolean {
  if (audience.contactInboxId !== undefined) return false;
  if (connection.accountId !== audience.accountId || connection.grant === null) return false;
  if (audience.userId !== undefined && audience.userId !== connection.userId) return false;
  return canSeeInbox(connection.grant, audience.inboxId);
}

/** A website visitor's socket: it follows that visitor's conversations only. */
export interface VisitorConnection {
  readonly socket: HubSocket;
  readonly contactInboxId: number;
  alive: boolean;
}

/** Sockets one visitor may hold in this process (tabs). */
const MAX_SOCKETS_PER_VISITOR = 10;

export type SubscribeResult = 'subscribed' | 'not_found' | 'closed';

/**
 * Routes bus events to the sockets of this process: per account, filtered by what each user may
 * see. Owns the heartbeat, the membership refresh and the replay buffer.
 */
export class RealtimeHub {
  private readonly byAccount = new Map<number, Set<Connection>>();
  private readonly byUser = new Map<number, Set<Connection>>();
  private readonly all = new Set<Connection>();
  private readonly visitors = new Map<number, Set<VisitorConnection>>();
  private readonly replay: ReplayBuffer;
  private readonly stopFns: (() => void)[] = [];
  private refreshing: Promise<void> | null = null;
  /** Whether events flow between processes now (see RealtimeBus.live). */
  private live = true;

  constructor(
    private readonly db: Kysely<Database>,
    readonly options: HubOptions,
    private readonly log: FastifyBaseLogger,
  ) {
    this.replay = new ReplayBuffer(options.replaySize, options.replayBytes);
  }

  start(bus: RealtimeBus): void {
    this.live = bus.live;
    this.stopFns.push(bus.subscribe((message) => this.deliver(message)));
    this.stopFns.push(bus.onSignal((signal) => this.onSignal(signal)));
    this.stopFns.push(bus.onLink((live) => this.onLink(live)));
    const heartbeat = setInterval(() => this.heartbeat(), this.options.heartbeatMs).unref();
    const refresh = setInterval(() => void this.refresh(), this.options.refreshMs).unref();
    this.stopFns.push(
      () => clearInterval(heartbeat),
      () => clearInterval(refresh),
    );
  }

  stop(): void {
    for (const stop of this.stopFns.splice(0)) stop();
  }

  get size(): number {
    return this.all.size;
  }

  /** The latest event id this process has seen. */
  get lastId(): number {
    return this.replay.lastId;
  }

  sockets(): IterableIterator<Connection> {
    return this.all.values();
  }

  /** Registers a socket; null (and the socket closed) when its user already holds too many. */
  add(socket: HubSocket, userId: number, credential: Credential): Connection | null {
    const mine = this.byUser.get(userId) ?? new Set<Connection>();
    if (mine.size >= this.options.maxSocketsPerUser) {
      socket.close(REALTIME_CLOSE_CODES.tooManySockets, 'too many sockets for this user');
      return null;
    }
    const connection: Connection = {
      socket,
      userId,
      credential,
      accountId: null,
      grant: null,
      alive: true,
      generation: 0,
      subscribing: false,
    };
    mine.add(connection);
    this.byUser.set(userId, mine);
    this.all.add(connection);
    return connection;
  }

  /** Registers a visitor's socket; null (and the socket closed) beyond the per-visitor cap. */
  addVisitor(socket: HubSocket, contactInboxId: number): VisitorConnection | null {
    const mine = this.visitors.get(contactInboxId) ?? new Set<VisitorConnection>();
    if (mine.size >= MAX_SOCKETS_PER_VISITOR) {
      socket.close(REALTIME_CLOSE_CODES.tooManySockets, 'too many sockets for this visitor');
      return null;
    }
    const connection: VisitorConnection = { socket, contactInboxId, alive: true };
    mine.add(connection);
    this.visitors.set(contactInboxId, mine);
    return connection;
  }

  removeVisitor(connection: VisitorConnection): void {
    const mine = this.visitors.get(connection.contactInboxId);
    mine?.delete(connection);
    if (mine?.size === 0) this.visitors.delete(connection.contactInboxId);
  }

  /** How many visitor sockets this process holds. */
  get visitorSockets(): number {
    let count = 0;
    for (const set of this.visitors.values()) count += set.size;
    return count;
  }

  remove(connection: Connection): void {
    if (!this.all.delete(connection)) return;
    this.detach(connection);
    const mine = this.byUser.get(connection.userId);
    mine?.delete(connection);
    if (mine?.size === 0) this.byUser.delete(connection.userId);
  }

  markAlive(connection: Connection): void {
    connection.alive = true;
  }

  /** Checks membership, then follows the account (replaying what came after `after`). */
  async subscribe(
    connection: Connection,
    accountId: number,
    after?: number,
  ): Promise<SubscribeResult> {
    const generation = ++connection.generation;
    connection.subscribing = true;
    try {
      const grant = await loadGrant(this.db, accountId, connection.userId);
      if (!this.all.has(connection) || connection.generation !== generation) return 'closed';
      if (!grant) {
        this.detach(connection); // a refused switch leaves the socket following nothing
        return 'not_found';
      }
      this.attach(connection, accountId, grant, after);
      return 'subscribed';
    } finally {
      if (connection.generation === generation) connection.subscribing = false;
    }
  }

  /** Follows an account whose grant is already known (checked during the upgrade). */
  attach(connection: Connection, accountId: number, grant: Viewer, after?: number): void {
    this.detach(connection);
    connection.accountId = accountId;
    connection.grant = grant;
    const members = this.byAccount.get(accountId) ?? new Set<Connection>();
    members.add(connection);
    this.byAccount.set(accountId, members);
    this.sendFrame(connection, {
      type: 'subscribed',
      account_id: accountId,
      last_id: this.replay.lastId,
    });
    if (after !== undefined) this.resume(connection, after);
    if (!this.live) this.sendFrame(connection, { type: 'interrupted' });
  }

  /** Sends what the socket may see after `after`, or asks it to refetch when that is gone. */
  resume(connection: Connection, after: number): void {
    const missed = this.replay.since(after);
    if (missed === null) {
      this.sendFrame(connection, { type: 'resync' });
      return;
    }
    for (const { message, data } of missed) {
      if (canSee(connection, message.audience)) this.send(connection, data);
    }
  }

  deliver(message: BusMessage): void {
    // Encoded once for every socket (and the replay buffer), not once per send.
    const data = Buffer.from(JSON.stringify(message.envelope));
    if (this.replay.push(message, data) === 'gap') {
      // Events were lost (a Redis outage): nobody can tell which, so everyone refetches.
      this.log.warn({ id: message.envelope.id }, 'realtime events lost; clients told to resync');
      this.broadcast({ type: 'resync' });
    }
    const { contactInboxId } = message.audience;
    if (contactInboxId !== undefined) {
      for (const visitor of this.visitors.get(contactInboxId) ?? []) this.sendRaw(visitor, data);
      return;
    }
    const members = this.byAccount.get(message.audience.accountId);
    if (!members) return;
    for (const connection of members) {
      if (canSee(connection, message.audience)) this.send(connection, data);
    }
  }

  /** To a visitor's socket; a slow one is dropped (the widget refetches when it reconnects). */
  sendRaw(visitor: VisitorConnection, data: Buffer | string): void {
    const socket = visitor.socket;
    if (socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      socket.terminate();
      this.removeVisitor(visitor);
      return;
    }
    socket.send(data, { binary: false });
  }

  sendFrame(connection: Connection, frame: RealtimeServerFrame): void {
    this.send(connection, JSON.stringify(frame));
  }

  /** Pings everyone; drops sockets that did not answer the previous ping. */
  heartbeat(): void {
    for (const connection of this.all) {
      if (connection.socket.readyState !== OPEN) continue;
      if (!connection.alive) {
        connection.socket.terminate();
        this.remove(connection);
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
    for (const set of this.visitors.values()) {
      for (const visitor of set) {
        if (visitor.socket.readyState !== OPEN) continue;
        if (!visitor.alive) {
          visitor.socket.terminate();
          this.removeVisitor(visitor);
          continue;
        }
        visitor.alive = false;
        visitor.socket.ping();
      }
    }
  }

  /**
   * Re-reads sign-ins (all sockets) and grants (every followed account, or one), closing the
   * sockets whose sign-in ended or whose user left the account.
   */
  async refresh(accountId?: number): Promise<void> {
    // One full refresh at a time; a targeted one waits for it rather than racing it.
    while (this.refreshing) await this.refreshing;
    const run = this.runRefresh(accountId).catch((error: unknown) => {
      this.log.error({ err: error }, 'realtime membership refresh failed');
    });
    this.refreshing = run;
    try {
      await run;
    } finally {
      this.refreshing = null;
    }
  }

  private async runRefresh(onlyAccount?: number): Promise<void> {
    if (onlyAccount === undefined) {
      const entries = [...this.all];
      const live = await liveCredentials(this.db, entries);
      for (const connection of entries) {
        if (!live.has(credentialKey(connection.credential))) {
          this.close(connection, REALTIME_CLOSE_CODES.unauthorized, 'signed out');
        }
      }
    }
    const accounts = onlyAccount === undefined ? [...this.byAccount.keys()] : [onlyAccount];
    for (const accountId of accounts) {
      const members = [...(this.byAccount.get(accountId) ?? [])];
      if (members.length === 0) continue;
      const generations = members.map((c) => c.generation);
      const grants = await loadGrants(
        this.db,
        accountId,
        members.map((c) => c.userId),
      );
      members.forEach((connection, i) => {
        // Skip sockets that re-subscribed meanwhile: their grant is newer than ours.
        if (connection.generation !== generations[i] || !this.all.has(connection)) return;
        const grant = grants.get(connection.userId);
        if (!grant) {
          this.close(connection, REALTIME_CLOSE_CODES.forbidden, 'no longer a member');
          return;
        }
        connection.grant = grant;
      });
    }
  }

  /** Closes the sockets of `userId` whose session ended or whose access token was replaced. */
  private async closeEndedSignIns(userId: number): Promise<void> {
    const entries = [...this.all].filter((connection) => connection.userId === userId);
    if (entries.length === 0) return;
    try {
      const live = await liveCredentials(this.db, entries);
      for (const connection of entries) {
        if (!live.has(credentialKey(connection.credential))) {
          this.close(connection, REALTIME_CLOSE_CODES.unauthorized, 'signed out');
        }
      }
    } catch (error) {
      this.log.error({ err: error, userId }, 'realtime sign-in check failed');
    }
  }

  /** Tells every socket, whatever it follows (sockets of no account included). */
  private broadcast(frame: RealtimeServerFrame): void {
    const data = JSON.stringify(frame);
    for (const connection of this.all) this.send(connection, data);
    for (const set of this.visitors.values()) for (const v of set) this.sendRaw(v, data);
  }

  private onLink(live: boolean): void {
    this.live = live;
    this.broadcast({ type: live ? 'restored' : 'interrupted' });
  }

  private onSignal(signal: BusSignal): void {
    if (signal.kind === 'credentials') {
      void this.closeEndedSignIns(signal.userId);
      return;
    }
    if (signal.kind === 'resync') {
      // What the replay buffer holds no longer answers resumes from before the loss.
      this.replay.restart(signal.after ?? this.replay.lastId);
      this.broadcast({ type: 'resync' });
      return;
    }
    if (signal.kind === 'sequence') {
      this.replay.restart(signal.after);
      return;
    }
    const members = this.byAccount.get(signal.accountId);
    if (!members) return;
    if (signal.userId !== null && ![...members].some((c) => c.userId === signal.userId)) return;
    void this.refresh(signal.accountId);
  }

  private close(connection: Connection, code: number, reason: string): void {
    connection.socket.close(code, reason);
    this.remove(connection);
  }

  private detach(connection: Connection): void {
    if (connection.accountId === null) return;
    const members = this.byAccount.get(connection.accountId);
    members?.delete(connection);
    if (members?.size === 0) this.byAccount.delete(connection.accountId);
    connection.accountId = null;
    connection.grant = null;
  }

  /** Backpressure: a socket that cannot keep up is dropped; it reconnects and resumes by id. */
  private send(connection: Connection, data: Buffer | string): void {
    const socket = connection.socket;
    if (socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.log.warn(
        { userId: connection.userId, bufferedAmount: socket.bufferedAmount },
        'realtime socket too slow; dropped',
      );
      socket.terminate();
      this.remove(connection);
      return;
    }
    socket.send(data, { binary: false });
  }
}
