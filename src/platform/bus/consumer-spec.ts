import type { ZodType } from 'zod'
import { busErrors } from './errors.js'
import type { EventHandler, SubscribeOptions } from './event-bus.js'
import { isTopicPattern, topicPatternsRegex } from './topic.js'

/** Retry delays of a failing handler: `initialMs`, doubling, at most `maxMs`. */
export interface Backoff {
  readonly initialMs: number
  readonly maxMs: number
}

/** A validated subscription, as the backends run it. */
export interface ConsumerSpec {
  readonly name: string
  readonly patterns: readonly string[]
  /** The patterns as one regular expression (same meaning in JavaScript and PostgreSQL). */
  readonly regex: string
  readonly handler: EventHandler<unknown>
  readonly data: ZodType | undefined
  readonly maxDeliver: number
  readonly backoff: Backoff
}

const consumerName = /^[A-Za-z0-9_-]{1,100}$/

/** Checks subscribe options (throws MOS-BUS-003) and fills in the bus defaults. */
export function consumerSpec<T>(
  options: SubscribeOptions<T>,
  defaults: { maxDeliver: number; backoff: Backoff },
): ConsumerSpec {
  if (typeof options?.consumer !== 'string' || !consumerName.test(options.consumer)) {
    throw busErrors.invalidSubscription(
      `consumer name "${String(options?.consumer)}" is not [A-Za-z0-9_-]{1,100}`,
    )
  }
  if (!Array.isArray(options.topics) || options.topics.length === 0) {
    throw busErrors.invalidSubscription('topics must list at least one topic pattern')
  }
  const bad = options.topics.find(
    (pattern) => typeof pattern !== 'string' || !isTopicPattern(pattern),
  )
  if (bad !== undefined)
    throw busErrors.invalidSubscription(`"${String(bad)}" is not a topic pattern`)
  if (typeof options.handler !== 'function')
    throw busErrors.invalidSubscription('handler must be a function')
  const maxDeliver = options.maxDeliver ?? defaults.maxDeliver
  if (!Number.isInteger(maxDeliver) || maxDeliver < 1) {
    throw busErrors.invalidSubscription('maxDeliver must be a positive integer')
  }
  return {
    name: options.consumer,
    patterns: [...options.topics],
    regex: topicPatternsRegex(options.topics),
    // The handler is typed for T by the caller; `data` (when given) is what makes that true.
    handler: options.handler as EventHandler<unknown>,
    data: options.data,
    maxDeliver,
    backoff: defaults.backoff,
  }
}
