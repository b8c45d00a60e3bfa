import { type Kysely, type QueryExecutorProvider, sql } from 'kysely'
import type { BusTables } from './bus.tables.js'

/** An event a consumer gave up on, and why. */
export interface DeadLetter {
  readonly id: number
  readonly consumer: string
  readonly topic: string
  /** Where it was in the bus: `outbox:<xid>:<seq>` or `jetstream:<stream>:<seq>`. */
  readonly position: string
  readonly eventId: string | null
  /** The event as stored, or null when it was not JSON (then `raw` has the text). */
  readonly event: unknown
  readonly raw: string | null
  readonly error: string
  readonly attempts: number
  readonly deadAt: Date
}

export type NewDeadLetter = Omit<DeadLetter, 'id' | 'deadAt'>

/** Records a dead letter once per consumer and position, so a redelivered give-up adds nothing. */
export async function insertDeadLetter(
  executor: QueryExecutorProvider,
  letter: NewDeadLetter,
): Promise<void> {
  const event =
    letter.event === undefined || letter.event === null ? null : JSON.stringify(letter.event)
  await sql`
    insert into bus.dead_letter (consumer, topic, position, event_id, event, raw, error, attempts)
    values (${letter.consumer}, ${letter.topic}, ${letter.position}, ${letter.eventId},
      ${event}::jsonb, ${letter.raw}, ${letter.error}, ${letter.attempts})
    on conflict (consumer, position) do nothing`.execute(executor)
}

export interface ListDeadLettersOptions {
  consumer?: string
  /** Newest first; default 100. */
  limit?: number
}

/** Dead letters, newest first, for operators and tests. */
export async function listDeadLetters(
  db: Kysely<object>,
  options: ListDeadLettersOptions = {},
): Promise<DeadLetter[]> {
  let query = db
    .withTables<BusTables>()
    .selectFrom('bus.dead_letter')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100)
  if (options.consumer !== undefined) query = query.where('consumer', '=', options.consumer)
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    consumer: row.consumer,
    topic: row.topic,
    position: row.position,
    eventId: row.event_id,
    event: row.event,
    raw: row.raw,
    error: row.error,
    attempts: row.attempts,
    deadAt: row.dead_at,
  }))
}

/** Deletes dead letters (all of a consumer's, or the given ids) once handled; returns how many. */
export async function deleteDeadLetters(
  db: Kysely<object>,
  which: { consumer: string } | { ids: readonly number[] },
): Promise<number> {
  let query = db.withTables<BusTables>().deleteFrom('bus.dead_letter')
  if ('ids' in which) {
    if (which.ids.length === 0) return 0
    query = query.where('id', 'in', [...which.ids])
  } else {
    query = query.where('consumer', '=', which.consumer)
  }
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}
