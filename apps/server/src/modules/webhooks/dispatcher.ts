/**
 * The webhook dispatcher of one server process: every `pollMs` (or when woken) it claims due
 * deliveries (claims.ts), tries each (attempt.ts) with a bounded number in flight, and records
 * the outcome. Every process runs one; the claims keep them from trying the same delivery.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { OutboundPolicy } from '../../core/outbound/client';
import type { DialectName } from '../../db/dialect';
import type { Database, WebhookDeliveryRow } from '../../db/schema';
import { nowMs } from '../../lib/time';
import { attemptDelivery, type AttemptOutcome } from './attempt';
import { claimDueDeliveries, recordAttempt } from './claims';
import type { WebhookDeliverySettings } from './schedule';
import { openWebhookSecret } from './secret';

export interface DispatcherDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The webhook request policy (attempt.ts `webhookPolicy`). */
  policy: OutboundPolicy;
  secretKeyBase: string;
  settings: WebhookDeliverySettings;
  log: FastifyBaseLogger;
}

/** Tries in flight per process at most. */
const CONCURRENCY = 8;
/** Finished deliveries are kept this long for the log, then removed. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** A claim outlives the longest try with room to record it; then someone else may retry. */
export const leaseMsFor = (timeoutMs: number) => 2 * timeoutMs + 5000;

export class WebhookDispatcher {
  readonly #inFlight = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | null = null;
  #ticking: Promise<void> | null = null;
  #again = false;
  #stopped = true;
  #lastPrune = 0;

  constructor(private readonly deps: DispatcherDeps) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Look for due deliveries now (a Redeliver, a test) instead of at the next poll. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  /**
   * Stops claiming and waits up to `graceMs` for tries in flight. Any still running keep their
   * lease, so they are tried again elsewhere (or after a restart) once it expires.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const deadline = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([
      Promise.allSettled([this.#ticking, ...this.#inFlight]).then(() => undefined),
      deadline,
    ]);
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#ticking = this.#tick().finally(() => {
        this.#ticking = null;
        const again = this.#again;
        this.#again = false;
        this.#schedule(again ? 0 : this.deps.settings.pollMs);
      });
    }, delayMs);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    const room = CONCURRENCY - this.#inFlight.size;
    if (room <= 0) return;
    try {
      const { db, dialect, settings } = this.deps;
      const claim = await claimDueDeliveries(db, dialect, room, leaseMsFor(settings.timeoutMs));
      if (claim.rows.length > 0) {
        const targets = await this.#targets(claim.rows);
        for (const row of claim.rows) {
          const run = this.#deliver(row, claim.token, targets.get(row.webhook_id));
          this.#inFlight.add(run);
          void run.finally(() => {
            this.#inFlight.delete(run);
            // A slot came free while more may be due.
            if (claim.rows.length === room) this.wake();
          });
        }
      }
      await this.#pruneNowAndThen();
    } catch (error) {
      // The database is away or busy: the next poll tries again; claims expire on their own.
      this.deps.log.warn({ err: error }, 'webhook dispatcher could not claim deliveries');
    }
  }

  async #targets(rows: WebhookDeliveryRow[]) {
    const ids = [...new Set(rows.map((row) => row.webhook_id))];
    const hooks = await this.deps.db
      .selectFrom('webhooks')
      .select(['id', 'account_id', 'url', 'secret_sealed'])
      .where('id', 'in', ids)
      .execute();
    return new Map(hooks.map((hook) => [hook.id, hook]));
  }

  async #deliver(
    row: WebhookDeliveryRow,
    token: string,
    hook: { id: number; account_id: number; url: string; secret_sealed: string } | undefined,
  ): Promise<void> {
    // Deleted meanwhile: its deliveries went with it (cascade); nothing to record.
    if (!hook) return;
    const { secretKeyBase, policy, settings, db, log } = this.deps;
    const secret = openWebhookSecret(
      hook.secret_sealed,
      { accountId: hook.account_id, webhookId: hook.id },
      secretKeyBase,
    );
    let outcome: AttemptOutcome;
    if (secret === null) {
      // Never send unsigned: the administrator rotates the secret to get going again.
      outcome = {
        ok: false,
        statusCode: null,
        durationMs: 0,
        error: 'The signing secret cannot be opened (SECRET_KEY_BASE changed?): rotate it',
        response: null,
      };
    } else {
      outcome = await attemptDelivery(
        { url: hook.url, secret, uuid: row.uuid, event: row.event, payload: row.payload },
        policy,
      );
    }
    try {
      await recordAttempt(db, row, token, outcome, settings.retry);
    } catch (error) {
      // Not recorded: the lease expires and the delivery is tried again (receivers dedupe).
      log.warn({ err: error, delivery: row.uuid }, 'webhook attempt could not be recorded');
    }
  }

  async #pruneNowAndThen(): Promise<void> {
    const now = nowMs();
    if (now - this.#lastPrune < PRUNE_EVERY_MS) return;
    this.#lastPrune = now;
    await this.deps.db
      .deleteFrom('webhook_deliveries')
      .where('status', '!=', 'pending')
      .where('updated_at', '<', now - DELIVERY_RETENTION_MS)
      .execute();
  }
}
