import type { Backoff } from './consumer-spec.js'

/**
 * Knobs below the operator settings (`settings.bus`): sensible defaults for production; tests
 * and benchmarks shorten them.
 */
export interface BusTuning {
  /** How long a consumer's (or the relay's) lease lasts without renewal: the failover time. */
  readonly leaseSeconds: number
  /** Fallback poll when no NOTIFY arrives (outbox consumers and the relay). */
  readonly pollMs: number
  /** Events read per outbox query; acks are saved about once per batch. */
  readonly batchSize: number
  /** Longest time outbox acks stay unsaved while a batch is being handled. */
  readonly flushMs: number
  /** Delay between in-process retries of a failing handler. */
  readonly backoff: Backoff
  /** How often the outbox applies `bus.retentionDays` (also once at start). */
  readonly purgeIntervalMs: number
  /** JetStream subject prefix (`<prefix>.<topic>`); default: the stream name. */
  readonly subjectPrefix?: string
  /** JetStream duplicate window: re-sends of an event id within it are dropped. */
  readonly duplicateWindowSeconds: number
}

export const defaultBusTuning: BusTuning = {
  leaseSeconds: 15,
  pollMs: 1000,
  batchSize: 200,
  flushMs: 500,
  backoff: { initialMs: 100, maxMs: 5000 },
  purgeIntervalMs: 3_600_000,
  duplicateWindowSeconds: 120,
}
