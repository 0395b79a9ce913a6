/**
 * When a failed delivery is tried again: after about 5 s, 15 s and 45 s, then with exponential
 * backoff (doubling, capped, with jitter so that many deliveries failing together do not come
 * back together) until about a day has passed; then the delivery is marked failed.
 */
export interface RetrySchedule {
  /** Waits after the first failed tries, in order. */
  delaysMs: readonly number[];
  /** Longest wait of the backoff that follows. */
  maxDelayMs: number;
  /** No try is scheduled later than this after the schedule started. */
  giveUpAfterMs: number;
  /** ± this fraction of each backoff wait, at random. */
  jitter: number;
}

export interface WebhookDeliverySettings {
  /** Deadline of one delivery request (connect, send, answer). */
  timeoutMs: number;
  retry: RetrySchedule;
  /** How often each process looks for due deliveries. */
  pollMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  delaysMs: [5_000, 15_000, 45_000],
  maxDelayMs: 6 * 60 * 60 * 1000,
  giveUpAfterMs: 24 * 60 * 60 * 1000,
  jitter: 0.2,
};

export const DEFAULT_WEBHOOK_SETTINGS: WebhookDeliverySettings = {
  timeoutMs: 10_000,
  retry: DEFAULT_RETRY_SCHEDULE,
  pollMs: 500,
};

/** The wait after the `retries`-th failed try (1 for the first failure). */
export function retryDelayMs(
  schedule: RetrySchedule,
  retries: number,
  random: () => number = Math.random,
): number {
  const { delaysMs } = schedule;
  const listed = delaysMs[retries - 1];
  if (listed !== undefined) return listed;
  const last = delaysMs[delaysMs.length - 1] ?? 1000;
  const doubled = last * 2 ** (retries - delaysMs.length);
  const base = Math.min(doubled, schedule.maxDelayMs);
  const spread = base * schedule.jitter;
  return Math.round(base - spread + 2 * spread * random());
}

/**
 * When to try next after the `retries`-th failure, or null when that would be past the give-up
 * time: the delivery is then failed.
 */
export function nextAttemptAt(
  schedule: RetrySchedule,
  retries: number,
  scheduleStartedAt: number,
  now: number,
  random: () => number = Math.random,
): number | null {
  const at = now + retryDelayMs(schedule, retries, random);
  return at - scheduleStartedAt > schedule.giveUpAfterMs ? null : at;
}
