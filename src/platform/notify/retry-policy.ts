/** How often and how long transient failures are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included; then the message fails. */
  readonly maxAttempts: number
  /** Wait after the first failed attempt; doubles with each further failure. */
  readonly baseDelayMs: number
  /** Longest wait between two attempts. */
  readonly maxDelayMs: number
  /**
   * How long one attempt may hold a message before another process may take it over (a
   * process that died mid-attempt). Longer than any transport timeout.
   */
  readonly leaseMs: number
}

/** 8 attempts over about an hour: 30 s, 1, 2, 4, 8, 16 and 32 min apart (±25%). */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  leaseMs: 300_000,
}

/**
 * Wait before the next attempt after `attempts` failed ones: exponential, capped, with jitter
 * so that messages that failed together (a relay outage) do not all return at once.
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random = Math.random): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1)
  const capped = Math.min(policy.maxDelayMs, exponential)
  return Math.round(capped * (0.75 + random() * 0.5))
}
