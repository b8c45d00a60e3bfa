import { type QueryExecutorProvider, sql } from 'kysely'
import { origin, type Position } from './position.js'

/** What `bus.consumer` remembers of an outbox consumer. */
export interface ConsumerState {
  /** Every event up to here is acknowledged or dead-lettered. */
  readonly cursor: Position
  /** Deliveries begun of the event right after the cursor. */
  readonly headDeliveries: number
  /** Events up to here may have been delivered (acks are flushed in batches). */
  readonly delivered: Position
}

/** The lease a write is fenced on: it only happens while `holder` still holds `lease`. */
export interface Fence {
  readonly lease: string
  readonly holder: string
}

interface Row {
  cursor_xid: string
  cursor_seq: number
  head_deliveries: number
  delivered_xid: string
  delivered_seq: number
}

/** Creates the consumer at the start of the outbox if it is new. */
export async function ensureConsumer(executor: QueryExecutorProvider, name: string): Promise<void> {
  await sql`insert into bus.consumer (name) values (${name}) on conflict (name) do nothing`.execute(
    executor,
  )
}

export async function loadConsumer(
  executor: QueryExecutorProvider,
  name: string,
): Promise<ConsumerState> {
  const { rows } = await sql<Row>`
    select cursor_xid::text as cursor_xid, cursor_seq, head_deliveries,
      delivered_xid::text as delivered_xid, delivered_seq
    from bus.consumer where name = ${name}`.execute(executor)
  const row = rows[0]
  if (!row) return { cursor: origin, headDeliveries: 0, delivered: origin }
  return {
    cursor: { xid: row.cursor_xid, seq: row.cursor_seq },
    headDeliveries: row.head_deliveries,
    delivered: { xid: row.delivered_xid, seq: row.delivered_seq },
  }
}

/**
 * Saves the consumer's state if we still hold its lease; false if we do not (stop consuming).
 * The lease row is share-locked, so a takeover waits for this write and then reads its result.
 */
export async function saveConsumer(
  executor: QueryExecutorProvider,
  name: string,
  fence: Fence,
  state: ConsumerState,
): Promise<boolean> {
  const result = await sql`
    with held as (
      select 1 from bus.lease where name = ${fence.lease} and holder = ${fence.holder} for share
    )
    update bus.consumer set
      cursor_xid = ${state.cursor.xid}::xid8, cursor_seq = ${state.cursor.seq}::bigint,
      head_deliveries = ${state.headDeliveries}::integer,
      delivered_xid = ${state.delivered.xid}::xid8, delivered_seq = ${state.delivered.seq}::bigint,
      updated_at = now()
    where name = ${name} and exists (select 1 from held)`.execute(executor)
  return Number(result.numAffectedRows ?? 0) === 1
}
