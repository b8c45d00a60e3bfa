import type { Kysely } from 'kysely'
import type {
  Channel,
  MessageRow,
  MessageStatus,
  MessageUpdate,
  NewMessageRow,
  NotifyTables,
} from './notify.tables.js'

type NotifyDb = Kysely<NotifyTables>

/**
 * Stores a new message. With an idempotency key already used, stores nothing and resolves
 * to the message stored the first time.
 */
export async function insertMessage(db: NotifyDb, row: NewMessageRow): Promise<MessageRow> {
  const inserted = await db
    .insertInto('notify.message')
    .values(row)
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (inserted) return inserted
  return db
    .selectFrom('notify.message')
    .selectAll()
    .where('idempotency_key', '=', row.idempotency_key as string)
    .executeTakeFirstOrThrow()
}

/** Records an attempt's result. */
export async function updateMessage(
  db: NotifyDb,
  id: string,
  changes: MessageUpdate,
): Promise<MessageRow> {
  return db
    .updateTable('notify.message')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Takes up to `limit` queued messages that are due and leases them until `leaseUntil`, so
 * that other processes sweeping at the same time skip them (SKIP LOCKED) and a process that
 * dies mid-attempt only delays them.
 */
export async function claimDueMessages(
  db: NotifyDb,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<MessageRow[]> {
  return db
    .updateTable('notify.message')
    .set({ next_attempt_at: leaseUntil, updated_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notify.message')
        .select('id')
        .where('status', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute()
}

export async function findMessage(db: NotifyDb, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('notify.message').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Filters and page of an outbox listing. */
export interface MessageQuery {
  readonly channel?: Channel
  readonly status?: MessageStatus
  readonly limit: number
  readonly offset: number
}

/** One page of messages, newest first, and how many match in all. */
export async function listMessages(
  db: NotifyDb,
  query: MessageQuery,
): Promise<{ rows: MessageRow[]; total: number }> {
  let filtered = db.selectFrom('notify.message')
  if (query.channel) filtered = filtered.where('channel', '=', query.channel)
  if (query.status) filtered = filtered.where('status', '=', query.status)
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.total) }
}

/** Deletes messages created before `before` that are no longer waiting to be sent. */
export async function purgeMessages(db: NotifyDb, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('notify.message')
    .where('created_at', '<', before)
    .where('status', '!=', 'queued')
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
