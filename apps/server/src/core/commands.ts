/**
 * The command convention: a command runs inside one transaction and hands back its result and
 * the events it caused; `runCommand` writes their webhook deliveries (the outbox) and
 * notifications in that transaction, commits, then `deliver` hands the events to the realtime publisher. Routes never
 * publish on their own.
 */
import type { RealtimeEvent } from '@bevatel/protocol';
import type { Kysely, Transaction } from 'kysely';
import type { DialectName } from '../db/dialect';
import type { Database } from '../db/schema';
import type { Audience } from '../realtime/bus';
import type { RealtimePublisher } from '../realtime/publisher';
import { recordNotifications } from './notifications';
import { recordWebhookEvents } from './webhook-outbox';

/** What commands need from the app (a FastifyInstance is one). */
export interface CoreDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  realtime: RealtimePublisher;
}

/** What a command works with: the open transaction and the dialect it speaks. */
export interface Tx {
  db: Transaction<Database>;
  dialect: DialectName;
}

/** Something that happened, told to the realtime bus after the commit. */
export type CoreEvent =
  | { kind: 'publish'; audience: Audience; event: RealtimeEvent }
  /** Who may see which inbox changed: sockets re-read their grants at once. */
  | { kind: 'membership'; accountId: number; userId: number | null }
  /** A user's sign-ins changed (signed out, token replaced): their sockets are checked now. */
  | { kind: 'credentials'; userId: number };

export interface Outcome<R> {
  result: R;
  events: CoreEvent[];
}

export const outcome = <R>(result: R, events: CoreEvent[] = []): Outcome<R> => ({
  result,
  events,
});

export const publishEvent = (audience: Audience, event: RealtimeEvent): CoreEvent => ({
  kind: 'publish',
  audience,
  event,
});

export const membershipChanged = (accountId: number, userId: number | null = null): CoreEvent => ({
  kind: 'membership',
  accountId,
  userId,
});

export const credentialsChanged = (userId: number): CoreEvent => ({ kind: 'credentials', userId });

/**
 * Hands events to the publisher in order. Never throws and never waits for the bus (the
 * publisher's outbox holds them while it is away): the change is committed already, and a bus
 * outage must not turn it into a failed request.
 */
export function deliver(realtime: RealtimePublisher, events: readonly CoreEvent[]): void {
  for (const item of events) {
    if (item.kind === 'publish') realtime.publish(item.audience, item.event);
    else if (item.kind === 'membership') realtime.membershipChanged(item.accountId, item.userId);
    else realtime.credentialsChanged(item.userId);
  }
}

/**
 * Runs `command` in a transaction, with the webhook deliveries and the notifications of its
 * events written in the same transaction (they commit or roll back with the change); after the
 * commit, delivers its events, and the notifications' own, to the realtime bus.
 */
export async function runCommand<R>(
  deps: CoreDeps,
  command: (tx: Tx) => Promise<Outcome<R>>,
): Promise<Outcome<R>> {
  const done = await deps.db.transaction().execute(async (trx) => {
    const result = await command({ db: trx, dialect: deps.dialect });
    await recordWebhookEvents(trx, result.events);
    const told = await recordNotifications(trx, result.events);
    return told.length === 0 ? result : { ...result, events: [...result.events, ...told] };
  });
  deliver(deps.realtime, done.events);
  return done;
}
