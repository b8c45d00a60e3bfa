import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Session } from './lease-runner.js'
import { purgeOutboxEvents } from './outbox-purge.js'

export interface PurgeSessionOptions {
  readonly db: Kysely<object>
  readonly retentionDays: number
  readonly intervalMs: number
  readonly logger: Logger
}

/**
 * Applies `bus.retentionDays` to the outbox at start and then every `intervalMs`, in one
 * process at a time (it runs under a lease like a consumer).
 */
export function createPurgeSession(options: PurgeSessionOptions): Session {
  return {
    async run(stop) {
      while (!stop.requested) {
        const removed = await purgeOutboxEvents(options.db, {
          olderThanDays: options.retentionDays,
        })
        if (removed > 0) {
          options.logger.info(
            { removed, retentionDays: options.retentionDays },
            'bus outbox purged',
          )
        }
        await stop.wait(options.intervalMs)
      }
    },
  }
}
