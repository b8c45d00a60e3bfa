import type { Logger } from 'pino'
import type { Settings } from '../config/index.js'
import { type Database, migrate } from '../db/index.js'
import { busMigrations } from './bus.migrations.js'
import { type BusTuning, defaultBusTuning } from './bus-tuning.js'
import type { EventBus } from './event-bus.js'
import { createJetStreamEventBus } from './jetstream-event-bus.js'
import { createOutboxEventBus } from './outbox-event-bus.js'

export interface CreateEventBusOptions {
  readonly settings: Pick<Settings, 'bus'>
  /** The process's database: the outbox, dead letters and relay table live in its `bus` schema. */
  readonly database: Database
  readonly logger: Logger
  readonly tuning?: Partial<BusTuning>
}

/**
 * Opens the event bus: NATS JetStream when `bus.natsUrl` (NATS_URL) is set, else the outbox
 * table in the database. Brings the `bus` schema up to date first.
 *
 * @example
 * const bus = await createEventBus({ settings, database, logger })
 * await bus.subscribe({ consumer: 'reporting', topics: ['identity.>'], handler })
 */
export async function createEventBus(options: CreateEventBusOptions): Promise<EventBus> {
  const settings = options.settings.bus
  const tuning = { ...defaultBusTuning, ...options.tuning }
  const logger = options.logger.child({ component: 'bus' })
  await migrate(options.database.db, [busMigrations])
  if (settings.natsUrl) {
    return createJetStreamEventBus({
      natsUrl: settings.natsUrl,
      database: options.database,
      settings,
      logger,
      tuning,
    })
  }
  return createOutboxEventBus({ database: options.database, settings, logger, tuning })
}
