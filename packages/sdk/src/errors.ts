/** Thrown (as a rejection) by `fetchContext()` when the host did not answer in time. */
export class FetchContextTimeoutError extends Error {
  override readonly name = 'FetchContextTimeoutError';
  readonly code = 'TIMEOUT';
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`The dashboard did not send a context within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}
