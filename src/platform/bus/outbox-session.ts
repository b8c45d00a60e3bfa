import type { Kysely, QueryExecutorProvider } from 'kysely'
import type { Logger } from 'pino'
import { eventIdOf } from './cloud-event.js'
import {
  type ConsumerState,
  type Fence,
  loadConsumer,
  saveConsumer,
} from './consumer-cursor.repository.js'
import type { ConsumerSpec } from './consumer-spec.js'
import { insertDeadLetter } from './dead-letter.repository.js'
import { deliverEvent, type DeliveryOutcome } from './deliver-event.js'
import { leaseLost, type Session } from './lease-runner.js'
import { readReadyEvents, ReadyPoll, type StoredEvent } from './outbox.repository.js'
import { comparePositions, formatPosition } from './position.js'
import type { StopSignal, Wakeup } from './stop-signal.js'

export interface OutboxSessionOptions {
  readonly db: Kysely<object>
  readonly spec: ConsumerSpec
  readonly fence: Fence
  readonly wakeup: Wakeup
  readonly batchSize: number
  readonly pollMs: number
  /** Longest time acknowledgements stay unflushed while events keep coming. */
  readonly flushMs: number
  readonly logger: Logger
}

class LeaseLostError extends Error {}

/**
 * Delivers one outbox consumer's events in (xid, seq) order, one at a time, while its lease is
 * held. Acks move an in-memory cursor that is saved per batch; before a batch is handed out its
 * end is saved as `delivered`, so after a crash the events that may have been delivered are
 * known: those are redelivered with their attempt counted and the cursor saved per event, which
 * lets an event that crashes the process reach maxDeliver and be dead-lettered.
 */
export function createOutboxSession(options: OutboxSessionOptions): Session {
  return {
    async run(stop) {
      try {
        await runSession(options, stop)
      } catch (error) {
        if (error instanceof LeaseLostError) stop.request(leaseLost)
        throw error
      }
    },
  }
}

async function runSession(options: OutboxSessionOptions, stop: StopSignal): Promise<void> {
  const { db, spec, fence, wakeup } = options
  let saved: ConsumerState = await loadConsumer(db, spec.name)
  const replayEnd = saved.delivered
  let cursor = saved.cursor
  let lastSave = Date.now()

  const save = async (state: ConsumerState, executor: QueryExecutorProvider = db) => {
    // A forced stop behaves like a crash: nothing more is written.
    if (stop.force) throw new LeaseLostError('bus closed by force')
    const held = await saveConsumer(executor, spec.name, fence, state)
    if (!held) throw new LeaseLostError(spec.name)
    saved = state
    lastSave = Date.now()
  }
  // Deliveries begun of the event right after `cursor`, as far as the database knows.
  const headDeliveries = () =>
    comparePositions(cursor, saved.cursor) === 0 ? saved.headDeliveries : 0

  const deliver = async (stored: StoredEvent): Promise<DeliveryOutcome> => {
    const replay = comparePositions(stored.position, replayEnd) <= 0
    const prior = replay ? Math.max(headDeliveries(), 1) : headDeliveries()
    return deliverEvent(
      spec,
      { topic: stored.topic, value: stored.event, priorDeliveries: prior },
      {
        stop,
        // Persist the count when it matters: redeliveries after a crash, and retries.
        beforeAttempt: async (attempt) => {
          if (replay || attempt > prior + 1) {
            await save({ ...saved, cursor, headDeliveries: attempt })
          }
        },
      },
    )
  }

  const readyPoll = new ReadyPoll(options.pollMs)
  while (!stop.requested) {
    const { events, waiting } = await readReadyEvents(
      db,
      'bus.event',
      cursor,
      options.batchSize,
      spec.regex,
    )
    const last = events.at(-1)
    if (!last) {
      if (comparePositions(cursor, saved.cursor) !== 0) {
        await save({ ...saved, cursor, headDeliveries: 0 })
      }
      await wakeup.wait(readyPoll.next(waiting), stop)
      continue
    }
    readyPoll.reset()
    if (comparePositions(last.position, saved.delivered) > 0) {
      await save({ cursor, headDeliveries: headDeliveries(), delivered: last.position })
    }
    for (const stored of events) {
      if (stop.requested) break
      if (!stored.wanted) {
        cursor = stored.position
        continue
      }
      const outcome = await deliver(stored)
      if (stop.force) return
      if (outcome.kind === 'interrupted') {
        await save({ ...saved, cursor, headDeliveries: outcome.attempts })
        break
      }
      if (outcome.kind === 'dead') {
        await db.transaction().execute(async (trx) => {
          await insertDeadLetter(trx, {
            consumer: spec.name,
            topic: stored.topic,
            position: formatPosition(stored.position),
            eventId: eventIdOf(stored.event),
            event: stored.event,
            raw: null,
            error: outcome.error,
            attempts: outcome.attempts,
          })
          await save({ ...saved, cursor: stored.position, headDeliveries: 0 }, trx)
        })
        options.logger.warn(
          {
            consumer: spec.name,
            topic: stored.topic,
            position: formatPosition(stored.position),
            error: outcome.error,
          },
          'bus event dead-lettered',
        )
      }
      cursor = stored.position
      const careful = comparePositions(stored.position, replayEnd) <= 0
      if (careful || Date.now() - lastSave >= options.flushMs) {
        await save({ ...saved, cursor, headDeliveries: 0 })
      }
    }
  }
  if (!stop.force) await save({ cursor, headDeliveries: headDeliveries(), delivered: cursor })
}
