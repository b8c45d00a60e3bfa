import type { Kysely, Transaction } from 'kysely'
import { AppError } from '../errors.js'
import { busErrors } from './errors.js'
import type { TopicEvent } from './event-bus.js'
import { insertEvents, type OutboxTable, rowsPerInsert } from './outbox.repository.js'
import { prepareEvents } from './prepare-events.js'

/**
 * Validates and stores events in an outbox table: in the caller's transaction when given
 * (then they exist only if it commits), else atomically on our own.
 */
export async function publishToTable<DB>(
  db: Kysely<object>,
  table: OutboxTable,
  events: readonly TopicEvent[],
  trx: Transaction<DB> | undefined,
): Promise<void> {
  const prepared = prepareEvents(events)
  if (prepared.length === 0) return
  if (trx !== undefined && trx.isTransaction !== true) throw busErrors.notATransaction()
  try {
    if (trx) await insertEvents(trx, table, prepared)
    // One statement is atomic on its own; more need a transaction to stay all-or-nothing.
    else if (prepared.length <= rowsPerInsert) await insertEvents(db, table, prepared)
    else await db.transaction().execute((own) => insertEvents(own, table, prepared))
  } catch (error) {
    throw error instanceof AppError ? error : busErrors.unavailable(error)
  }
}
