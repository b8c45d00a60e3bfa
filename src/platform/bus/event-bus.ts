import type { Transaction } from 'kysely'
import type { ZodType } from 'zod'
import type { CloudEvent } from './cloud-event.js'

/** An event and the topic it is published to (e.g. `identity.created`). */
export interface TopicEvent<T = unknown> {
  readonly topic: string
  readonly event: CloudEvent<T>
}

export interface PublishOptions<DB = object> {
  /**
   * Publish as part of the caller's transaction (transactional outbox): the events exist if and
   * only if it commits, and they are delivered only after it commits.
   */
  readonly trx?: Transaction<DB>
}

/** What a handler learns about the delivery besides the event. */
export interface Delivery {
  readonly consumer: string
  readonly topic: string
  /** 1 on first delivery; higher when retried or redelivered after a crash. */
  readonly attempt: number
}

/** Returning acknowledges the event; throwing retries it (then dead-letters it). */
export type EventHandler<T = unknown> = (
  event: CloudEvent<T>,
  delivery: Delivery,
) => Promise<void> | void

export interface SubscribeOptions<T = unknown> {
  /** Durable name `[A-Za-z0-9_-]+`; its position survives restarts and one process drives it. */
  readonly consumer: string
  /** Topic patterns: `identity.created`, `identity.*` (one token), `identity.>` (the rest). */
  readonly topics: readonly string[]
  readonly handler: EventHandler<T>
  /** Validates `event.data`; an event whose data fails is dead-lettered without retries. */
  readonly data?: ZodType<T>
  /** Deliveries before an event is dead-lettered; defaults to `bus.maxDeliver`. */
  readonly maxDeliver?: number
}

export interface Subscription {
  readonly consumer: string
  /** Stops this consumer gracefully: finishes the in-flight handler and flushes acks. */
  close(): Promise<void>
}

export interface CloseOptions {
  /**
   * Stop at once, as a crash would: in-flight handlers are abandoned, unflushed acks are lost
   * and leases are left to expire, so unacknowledged events go to the next holder. For
   * shutdown deadlines and tests.
   */
  readonly force?: boolean
}

/** What /health shows of the bus; `up` false means publishing or delivering cannot work now. */
export interface BusHealth {
  readonly up: boolean
  readonly details: Readonly<Record<string, unknown>>
}

/**
 * Durable publish/subscribe of CloudEvents by topic, at least once, ordered per topic within
 * a consumer. See docs/bus.md for the guarantees and the two backends.
 */
export interface EventBus {
  readonly backend: 'outbox' | 'jetstream'
  /** Resolves once every event is durable; rejects the whole batch if one event is invalid. */
  publish<DB>(events: readonly TopicEvent[], options?: PublishOptions<DB>): Promise<void>
  /** Starts a durable consumer; resolves once it is registered (delivery starts with its lease). */
  subscribe<T = unknown>(options: SubscribeOptions<T>): Promise<Subscription>
  /** Whether the bus can work now, with its backlog and dead letters. */
  health(): Promise<BusHealth>
  /** Stops every subscription (see CloseOptions) and releases the bus's connections. */
  close(options?: CloseOptions): Promise<void>
}
