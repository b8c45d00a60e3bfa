import type { Logger } from 'pino'
import type { Settings } from '../config/index.js'
import type { Database } from '../db/index.js'
import { eventChannel } from './bus.migrations.js'
import type { BusTuning } from './bus-tuning.js'
import { consumerSpec } from './consumer-spec.js'
import { ensureConsumer } from './consumer-cursor.repository.js'
import { createDbLease } from './db-lease.js'
import type { EventBus } from './event-bus.js'
import { newHolderId } from './lease.js'
import { runWithLease } from './lease-runner.js'
import { createOutboxSession } from './outbox-session.js'
import { publishToTable } from './publish-to-table.js'
import { createPurgeSession } from './purge-session.js'
import { StopSignal, Wakeup } from './stop-signal.js'
import { stopBus, Subscriptions } from './subscriptions.js'
import { busErrors } from './errors.js'
import { countBusRows } from './bus-counts.js'

export interface OutboxEventBusOptions {
  readonly database: Database
  readonly settings: Settings['bus']
  readonly logger: Logger
  readonly tuning: BusTuning
}

/**
 * The embedded backend: events are rows of `bus.event` in the process's own database, read by
 * each consumer from its durable (xid, seq) cursor. Woken by NOTIFY, polling as a fallback.
 * One process at a time also purges events past `bus.retentionDays` that all consumers passed.
 */
export async function createOutboxEventBus(options: OutboxEventBusOptions): Promise<EventBus> {
  const { database, settings, logger, tuning } = options
  const db = database.db
  const holder = newHolderId()
  const wakeups = new Set<Wakeup>()
  const unlisten = await database.listen(eventChannel, () => {
    for (const wakeup of wakeups) wakeup.notify()
  })
  const subscriptions = new Subscriptions()
  const purgeStop = new StopSignal()
  const purging = runWithLease({
    lease: createDbLease(db, 'purge', holder, tuning.leaseSeconds),
    leaseMs: tuning.leaseSeconds * 1000,
    stop: purgeStop,
    logger,
    session: () =>
      createPurgeSession({
        db,
        retentionDays: settings.retentionDays,
        intervalMs: tuning.purgeIntervalMs,
        logger,
      }),
  })
  let closed = false

  return {
    backend: 'outbox',
    async publish(events, publishOptions) {
      if (closed) throw busErrors.closed()
      await publishToTable(db, 'bus.event', events, publishOptions?.trx)
    },
    async subscribe(subscribeOptions) {
      if (closed) throw busErrors.closed()
      const spec = consumerSpec(subscribeOptions, {
        maxDeliver: settings.maxDeliver,
        backoff: tuning.backoff,
      })
      subscriptions.reserve(spec.name)
      await ensureConsumer(db, spec.name)
      const leaseName = `consumer:${spec.name}`
      const wakeup = new Wakeup()
      wakeups.add(wakeup)
      return subscriptions.start(spec.name, (stop) =>
        runWithLease({
          lease: createDbLease(db, leaseName, holder, tuning.leaseSeconds),
          leaseMs: tuning.leaseSeconds * 1000,
          stop,
          logger,
          session: () =>
            createOutboxSession({
              db,
              spec,
              fence: { lease: leaseName, holder },
              wakeup,
              batchSize: tuning.batchSize,
              pollMs: tuning.pollMs,
              flushMs: tuning.flushMs,
              logger,
            }),
        }).finally(() => wakeups.delete(wakeup)),
      )
    },
    async health() {
      const { deadLetters } = await countBusRows(db)
      return {
        up: !closed,
        details: { backend: 'outbox', consumers: subscriptions.size, deadLetters },
      }
    },
    async close(closeOptions) {
      if (closed) return
      closed = true
      const force = closeOptions?.force ?? false
      await stopBus(subscriptions, { stop: purgeStop, done: purging }, unlisten, force)
    },
  }
}
