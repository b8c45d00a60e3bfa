import { sql } from 'kysely'
import type { MigrationHistory } from '../platform/db/index.js'

/**
 * The `integrity` schema: the log's entries and hash tiles (what /integrity/ serves), its head
 * (size, root and the compact range the sequencer appends to), each record's latest entry, and
 * every checkpoint it ever signed.
 */
export const integrityHistory: MigrationHistory = {
  schema: 'integrity',
  migrations: {
    '0001_create_log': {
      async up(db) {
        await sql`create table integrity.entry (
          idx bigint primary key,
          data bytea not null)`.execute(db)
        // One row per tile, at its widest: a narrower tile is a prefix of it.
        await sql`create table integrity.tile (
          level smallint not null,
          idx bigint not null,
          width smallint not null,
          hashes bytea not null,
          primary key (level, idx))`.execute(db)
        await sql`create table integrity.head (
          id smallint primary key check (id = 1),
          size bigint not null,
          root bytea not null,
          frontier bytea not null,
          updated_at timestamptz not null)`.execute(db)
        await sql`insert into integrity.head values (1, 0,
          decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'),
          ''::bytea, now())`.execute(db)
        await sql`create table integrity.record_head (
          record_key bytea primary key,
          last_idx bigint not null,
          version integer not null)`.execute(db)
        await sql`create table integrity.checkpoint (
          size bigint primary key,
          root bytea not null,
          note text not null,
          signed_at timestamptz not null,
          cosigned_by text[] not null default '{}')`.execute(db)
        await sql`create table integrity.witness_state (
          url text primary key,
          size bigint not null,
          updated_at timestamptz not null)`.execute(db)
      },
    },
  },
}
