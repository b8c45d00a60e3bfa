import type { JetStreamClient } from '@nats-io/jetstream'
import type { Kysely } from 'kysely'
import { eventIdOf } from './cloud-event.js'
import type { Session } from './lease-runner.js'
import { deleteEvents, readReadyEvents, ReadyPoll } from './outbox.repository.js'
import { origin } from './position.js'
import type { Wakeup } from './stop-signal.js'

export interface RelaySessionOptions {
  readonly db: Kysely<object>
  readonly js: JetStreamClient
  readonly prefix: string
  readonly wakeup: Wakeup
  readonly batchSize: number
  readonly pollMs: number
}

/**
 * Forwards events published in callers' transactions from `bus.relay_event` to JetStream, in
 * commit-safe (xid, seq) order, and deletes them once the stream acknowledged them. A crash
 * between the two re-sends them; the stream drops the copies by Nats-Msg-Id (the event id)
 * within its duplicate window.
 */
export function createRelaySession(options: RelaySessionOptions): Session {
  return {
    async run(stop) {
      const { db, js } = options
      const readyPoll = new ReadyPoll(options.pollMs)
      while (!stop.requested) {
        const { events, waiting } = await readReadyEvents(
          db,
          'bus.relay_event',
          origin,
          options.batchSize,
          null,
        )
        if (events.length === 0) {
          await options.wakeup.wait(readyPoll.next(waiting), stop)
          continue
        }
        readyPoll.reset()
        await Promise.all(
          events.map((stored) =>
            js.publish(`${options.prefix}.${stored.topic}`, JSON.stringify(stored.event), {
              msgID:
                eventIdOf(stored.event) ?? `relay:${stored.position.xid}:${stored.position.seq}`,
            }),
          ),
        )
        if (stop.force) return
        await deleteEvents(
          db,
          'bus.relay_event',
          events.map((stored) => stored.position.seq),
        )
      }
    },
  }
}
