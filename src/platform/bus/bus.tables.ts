import type { ColumnType, Generated } from 'kysely'

/** xid8 columns travel as decimal strings; queries cast them (`xid::text`, `$1::xid8`). */
type Xid8 = ColumnType<string, string | undefined, string>

/** An event waiting in the outbox (`bus.event`) or for the JetStream relay (`bus.relay_event`). */
export type OutboxEventTable = {
  seq: Generated<number>
  /** The publishing transaction's id: commit-safe ordering, see docs/bus.md. */
  xid: Xid8
  topic: string
  event: ColumnType<unknown, string, never>
  published_at: Generated<Date>
}

/** A durable outbox consumer: its cursor and what it knows about deliveries past the cursor. */
export type ConsumerTable = {
  name: string
  cursor_xid: Xid8
  cursor_seq: ColumnType<number, number | undefined, number>
  /** Deliveries begun of the event right after the cursor (exact across crashes). */
  head_deliveries: ColumnType<number, number | undefined, number>
  /** End of the last batch handed out: events up to it may have been delivered. */
  delivered_xid: Xid8
  delivered_seq: ColumnType<number, number | undefined, number>
  updated_at: ColumnType<Date, never, never>
}

/** Who drives a consumer (or the relay), until when. */
export type LeaseTable = {
  name: string
  holder: string
  expires_at: Date
}

export type DeadLetterTable = {
  id: Generated<number>
  consumer: string
  topic: string
  /** Where the event was in the bus (`outbox:<xid>:<seq>`, `jetstream:<stream>:<seq>`); dedupes. */
  position: string
  event_id: string | null
  /** The event as JSON when it parsed as JSON, else null and `raw` holds the text. */
  event: ColumnType<unknown, string | null, never>
  raw: string | null
  error: string
  attempts: number
  dead_at: Generated<Date>
}

/** The bus's tables, schema-qualified, for `db.withTables<BusTables>()`. */
export type BusTables = {
  'bus.event': OutboxEventTable
  'bus.relay_event': OutboxEventTable
  'bus.consumer': ConsumerTable
  'bus.lease': LeaseTable
  'bus.dead_letter': DeadLetterTable
}
