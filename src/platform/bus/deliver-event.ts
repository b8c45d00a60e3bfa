import { describeIssues } from '../errors.js'
import { type CloudEvent, parseCloudEvent } from './cloud-event.js'
import type { ConsumerSpec } from './consumer-spec.js'
import type { StopSignal } from './stop-signal.js'

/**
 * How a delivery ended: acknowledged, given up (dead-letter it), or cut short by a stop after
 * `attempts` deliveries (it stays unacknowledged for the next holder).
 */
export type DeliveryOutcome =
  | { readonly kind: 'acked' }
  | {
      readonly kind: 'dead'
      readonly error: string
      readonly attempts: number
      readonly event?: CloudEvent
    }
  | { readonly kind: 'interrupted'; readonly attempts: number }

export interface Received {
  readonly topic: string
  /** The message body parsed as JSON (undefined when it was not JSON: see `unparsable`). */
  readonly value: unknown
  readonly unparsable?: string
  /** Deliveries of this event that began before this one (known from the backend). */
  readonly priorDeliveries: number
}

export interface DeliveryHooks {
  readonly stop: StopSignal
  /** Called before each handler call with its attempt number (persist it, extend ack wait). */
  beforeAttempt(attempt: number): Promise<void> | void
}

/** Longest error text kept in a dead letter or log line. */
const maxErrorLength = 2000

/**
 * Validates a received event and runs the handler, retrying a throw in-process with backoff
 * until `maxDeliver` deliveries, counting those of earlier sessions. A malformed event is given
 * up at once: retrying cannot fix it.
 */
export async function deliverEvent(
  spec: ConsumerSpec,
  received: Received,
  hooks: DeliveryHooks,
): Promise<DeliveryOutcome> {
  const prior = received.priorDeliveries
  if (received.unparsable !== undefined) {
    return { kind: 'dead', error: `not JSON: ${received.unparsable}`, attempts: prior }
  }
  const parsed = parseCloudEvent(received.value)
  if (!parsed.ok)
    return { kind: 'dead', error: `invalid CloudEvent: ${parsed.problem}`, attempts: prior }
  const event = parsed.event
  if (spec.data) {
    const data = spec.data.safeParse(event.data)
    if (!data.success) {
      return {
        kind: 'dead',
        error: `invalid data for ${spec.name}: ${describeIssues(data.error, '(event)', Infinity)}`,
        attempts: prior,
        event,
      }
    }
  }
  for (let attempt = prior + 1; ; attempt++) {
    if (attempt > spec.maxDeliver) {
      return {
        kind: 'dead',
        error: `not acknowledged after ${prior} deliveries (the consumer stopped or crashed while handling it)`,
        attempts: prior,
        event,
      }
    }
    await hooks.beforeAttempt(attempt)
    try {
      await spec.handler(event, { consumer: spec.name, topic: received.topic, attempt })
      return { kind: 'acked' }
    } catch (error) {
      if (attempt >= spec.maxDeliver) {
        return {
          kind: 'dead',
          error: `handler failed on attempt ${attempt}: ${describeError(error)}`,
          attempts: attempt,
          event,
        }
      }
    }
    if (hooks.stop.requested) return { kind: 'interrupted', attempts: attempt }
    await hooks.stop.wait(backoffMs(spec, attempt - prior))
    if (hooks.stop.requested) return { kind: 'interrupted', attempts: attempt }
  }
}

function backoffMs(spec: ConsumerSpec, failures: number): number {
  const delay = spec.backoff.initialMs * 2 ** (failures - 1)
  // Jitter spreads retries of many consumers failing on the same dependency.
  return Math.min(spec.backoff.maxMs, delay) * (0.8 + Math.random() * 0.4)
}

/** The error's name and message only: no stack, which could carry data or internals. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength)}…` : text
}
