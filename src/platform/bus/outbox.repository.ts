import { type QueryExecutorProvider, sql } from 'kysely'
import type { PreparedEvent } from './prepare-events.js'
import type { Position } from './position.js'

/** `bus.event` holds the outbox backend's events; `bus.relay_event` those awaiting the relay. */
export type OutboxTable = 'bus.event' | 'bus.relay_event'

/** Rows per INSERT statement, well under PostgreSQL's 65535 bind parameters. */
export const rowsPerInsert = 1000

/**
 * Appends events; `executor` may be the caller's transaction (any Kysely handle works, since the
 * statement is plain SQL). Several statements run in the given executor's transaction, if any.
 */
export async function insertEvents(
  executor: QueryExecutorProvider,
  table: OutboxTable,
  events: readonly PreparedEvent[],
): Promise<void> {
  for (let start = 0; start < events.length; start += rowsPerInsert) {
    const rows = events
      .slice(start, start + rowsPerInsert)
      .map((event) => sql`(${event.topic}, ${event.json}::jsonb)`)
    await sql`insert into ${sql.table(table)} (topic, event) values ${sql.join(rows)}`.execute(
      executor,
    )
  }
}

/** One stored event; `event` is null when it does not match the reader's topics. */
export interface StoredEvent {
  readonly position: Position
  readonly topic: string
  readonly wanted: boolean
  readonly event: unknown
}

interface Row {
  xid: string
  seq: number
  topic: string
  wanted: boolean
  event: unknown
  ready: boolean
}

/**
 * Events after `after` whose transactions have all finished, in (xid, seq) order. An event is
 * ready only when its xid is below the oldest running transaction (the snapshot's xmin): then
 * no transaction that could still commit an earlier event is running, so a cursor never skips
 * one. `waiting` says committed-but-not-yet-ready events exist (poll again soon).
 */
export async function readReadyEvents(
  executor: QueryExecutorProvider,
  table: OutboxTable,
  after: Position,
  limit: number,
  topicRegex: string | null,
): Promise<{ events: StoredEvent[]; waiting: boolean }> {
  const wanted = topicRegex === null ? sql<boolean>`true` : sql<boolean>`e.topic ~ ${topicRegex}`
  // Columns are qualified: a bare `xid` in ORDER BY would sort by the text alias ('999' > '1000').
  const { rows } = await sql<Row>`
    select e.xid::text as xid, e.seq, e.topic, ${wanted} as wanted,
      case when ${wanted} then e.event end as event,
      e.xid < pg_snapshot_xmin(pg_current_snapshot()) as ready
    from ${sql.table(table)} as e
    where (e.xid, e.seq) > (${after.xid}::xid8, ${after.seq}::bigint)
    order by e.xid, e.seq
    limit ${limit}`.execute(executor)
  const events: StoredEvent[] = []
  for (const row of rows) {
    if (!row.ready) return { events, waiting: true }
    events.push({
      position: { xid: row.xid, seq: row.seq },
      topic: row.topic,
      wanted: row.wanted,
      event: row.event,
    })
  }
  return { events, waiting: false }
}

/** Removes events the relay has forwarded. */
export async function deleteEvents(
  executor: QueryExecutorProvider,
  table: OutboxTable,
  seqs: readonly number[],
): Promise<void> {
  if (seqs.length === 0) return
  await sql`delete from ${sql.table(table)} where seq in (${sql.join(seqs.map((seq) => sql`${seq}::bigint`))})`.execute(
    executor,
  )
}

/**
 * How long to wait before reading again when nothing was ready. Committed events held back by
 * a running transaction become ready when it ends, which no NOTIFY announces: look again soon,
 * backing off towards `pollMs` while that transaction keeps running.
 */
export class ReadyPoll {
  #delay = 0

  constructor(readonly pollMs: number) {}

  next(waiting: boolean): number {
    this.#delay = waiting ? Math.min(this.pollMs, Math.max(10, this.#delay * 2)) : 0
    return waiting ? this.#delay : this.pollMs
  }

  /** Events were ready: the next wait starts short again. */
  reset(): void {
    this.#delay = 0
  }
}
