import type { JetStreamClient, JsMsg } from '@nats-io/jetstream'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { eventIdOf } from './cloud-event.js'
import type { ConsumerSpec } from './consumer-spec.js'
import { insertDeadLetter } from './dead-letter.repository.js'
import { deliverEvent, type DeliveryOutcome, describeError } from './deliver-event.js'
import type { Session } from './lease-runner.js'
import type { StopSignal } from './stop-signal.js'

export interface JetStreamSessionOptions {
  readonly js: JetStreamClient
  readonly db: Kysely<object>
  readonly stream: string
  readonly prefix: string
  readonly spec: ConsumerSpec
  readonly ackWaitMs: number
  readonly logger: Logger
}

/**
 * Pulls one JetStream consumer's events while its lease is held. The consumer allows one
 * unacked event (see ensureJetStreamConsumer), so events arrive one at a time, in order.
 */
export function createJetStreamSession(options: JetStreamSessionOptions): Session {
  return { run: (stop) => runSession(options, stop) }
}

async function runSession(options: JetStreamSessionOptions, stop: StopSignal): Promise<void> {
  const consumer = await options.js.consumers.get(options.stream, options.spec.name)
  const messages = await consumer.consume({ max_messages: 16 })
  const wanted = new RegExp(options.spec.regex)
  let busy = false
  const off = stop.onStop(() => {
    if (!busy || stop.force) messages.stop()
  })
  try {
    for await (const message of messages) {
      busy = true
      const outcome = await handle(options, message, wanted, stop)
      if (stop.force) return
      if (stop.requested) {
        // Stop the pull before acking, or the server sends the next event to it at once. (Not
        // close(): that waits for this loop to take the next item, which it never will.)
        messages.stop()
        await settle(message, outcome, true)
        return
      }
      await settle(message, outcome, false)
      busy = false
      // A stop that arrived while we settled found us busy and left the pull open: end it here.
      if (stop.requested) {
        messages.stop()
        return
      }
    }
  } finally {
    off()
  }
  if (!stop.requested) throw new Error(`JetStream consumer ${options.spec.name} stopped delivering`)
}

async function handle(
  options: JetStreamSessionOptions,
  message: JsMsg,
  wanted: RegExp,
  stop: StopSignal,
): Promise<DeliveryOutcome> {
  const { spec } = options
  const topic = message.subject.slice(options.prefix.length + 1)
  // Several patterns share one server filter on NATS 2.9; the rest are skipped here, in order.
  if (!wanted.test(topic)) return { kind: 'acked' }
  const text = message.string()
  let value: unknown
  let unparsable: string | undefined
  try {
    value = JSON.parse(text)
  } catch (error) {
    unparsable = describeError(error)
  }
  // Long handlers and retry waits must not let the ack wait run out (that would redeliver).
  const keepAlive = setInterval(() => {
    // After a forced close the connection is gone and the event is left to its ack wait.
    if (stop.force) clearInterval(keepAlive)
    else workingQuietly(message)
  }, options.ackWaitMs / 2)
  try {
    const outcome = await deliverEvent(
      spec,
      { topic, value, unparsable, priorDeliveries: message.info.deliveryCount - 1 },
      { stop, beforeAttempt: (attempt) => (attempt > 1 ? workingQuietly(message) : undefined) },
    )
    if (outcome.kind === 'dead' && !stop.force) {
      const position = `jetstream:${options.stream}:${message.seq}`
      await insertDeadLetter(options.db, {
        consumer: spec.name,
        topic,
        position,
        eventId: eventIdOf(value),
        event: unparsable === undefined ? value : null,
        raw: unparsable === undefined ? null : text,
        error: outcome.error,
        attempts: outcome.attempts,
      })
      options.logger.warn(
        { consumer: spec.name, topic, position, error: outcome.error },
        'bus event dead-lettered',
      )
    }
    return outcome
  } finally {
    clearInterval(keepAlive)
  }
}

async function settle(message: JsMsg, outcome: DeliveryOutcome, last: boolean): Promise<void> {
  if (outcome.kind === 'interrupted') {
    // Our pull is closed, so the server hands it straight to the next holder.
    message.nak()
  } else if (last) {
    // Confirmed, so that a process taking over next does not see it pending.
    await message.ackAck()
  } else {
    message.ack()
  }
}

/** Extends the ack wait; a failure (connection lost) only means the event may be redelivered. */
function workingQuietly(message: JsMsg): void {
  try {
    message.working()
  } catch {
    // Redelivery after the ack wait is the at-least-once fallback.
  }
}
