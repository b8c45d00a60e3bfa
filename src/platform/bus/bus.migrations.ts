import { type Kysely, sql } from 'kysely'
import type { MigrationHistory } from '../db/index.js'

/** NOTIFY channels: an insert wakes consumers (outbox) or the relay (JetStream) at commit. */
export const eventChannel = 'mosaic_bus_event'
export const relayChannel = 'mosaic_bus_relay'

/** The bus's tables in schema `bus`; every process has them, whichever backend it uses. */
export const busMigrations: MigrationHistory = {
  schema: 'bus',
  migrations: {
    '0001_create_bus': {
      async up(db: Kysely<unknown>) {
        for (const table of ['event', 'relay_event']) {
          await sql`
            create table ${sql.table(`bus.${table}`)} (
              seq bigserial primary key,
              xid xid8 not null default pg_current_xact_id(),
              topic text not null,
              event jsonb not null,
              published_at timestamptz not null default now()
            )`.execute(db)
          await sql`create index ${sql.id(`${table}_xid_seq`)} on ${sql.table(`bus.${table}`)} (xid, seq)`.execute(
            db,
          )
        }
        await sql`create index event_published_at on bus.event (published_at)`.execute(db)
        // One NOTIFY per inserting statement; PostgreSQL sends it at commit, never on rollback.
        for (const [table, channel] of [
          ['event', eventChannel],
          ['relay_event', relayChannel],
        ] as const) {
          await sql`
            create function ${sql.id('bus', `notify_${table}`)}() returns trigger language plpgsql as $$
            begin perform pg_notify(${sql.lit(channel)}, ''); return null; end $$`.execute(db)
          await sql`
            create trigger ${sql.id(`${table}_notify`)} after insert on ${sql.table(`bus.${table}`)}
            for each statement execute function ${sql.id('bus', `notify_${table}`)}()`.execute(db)
        }
        await sql`
          create table bus.consumer (
            name text primary key,
            cursor_xid xid8 not null default '0',
            cursor_seq bigint not null default 0,
            head_deliveries integer not null default 0,
            delivered_xid xid8 not null default '0',
            delivered_seq bigint not null default 0,
            updated_at timestamptz not null default now()
          )`.execute(db)
        await sql`
          create table bus.lease (
            name text primary key,
            holder text not null,
            expires_at timestamptz not null
          )`.execute(db)
        await sql`
          create table bus.dead_letter (
            id bigserial primary key,
            consumer text not null,
            topic text not null,
            position text not null,
            event_id text,
            event jsonb,
            raw text,
            error text not null,
            attempts integer not null,
            dead_at timestamptz not null default now(),
            unique (consumer, position)
          )`.execute(db)
        await sql`create index dead_letter_dead_at on bus.dead_letter (dead_at)`.execute(db)
      },
    },
  },
}
