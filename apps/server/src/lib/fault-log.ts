import type { FastifyBaseLogger } from 'fastify';
import { DatabaseUnavailableError, type DatabaseFault } from '../db/faults';

const WHAT: Record<DatabaseFault, [down: string, back: string]> = {
  unavailable: ['database unavailable', 'database answering again'],
  storage_full: ['database storage full', 'database storage writable again'],
};

/**
 * Logs each database outage once, with its cause, and once more when it is over, instead of a
 * stack trace per failed request (hundreds a second under load).
 */
export class FaultLog {
  readonly #active = new Map<DatabaseFault, number>();

  constructor(private readonly log: FastifyBaseLogger) {}

  report(fault: DatabaseFault, error: unknown): void {
    const seen = this.#active.get(fault);
    if (seen !== undefined) {
      this.#active.set(fault, seen + 1);
      return;
    }
    this.#active.set(fault, 1);
    this.log.error({ err: error }, `${WHAT[fault][0]}: ${messageOf(error)}`);
  }

  /** A request the fault would have failed succeeded: the outage is over. */
  recovered(fault: DatabaseFault): void {
    const failed = this.#active.get(fault);
    if (failed === undefined) return;
    this.#active.delete(fault);
    this.log.info({ failedRequests: failed }, WHAT[fault][1]);
  }

  get active(): boolean {
    return this.#active.size > 0;
  }
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof DatabaseUnavailableError) return error.message;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code)
    ? `${error.message} (${code})`
    : error.message;
}
