import { sql } from 'kysely'
import type { MigrationHistory } from '../../platform/db/index.js'

/**
 * Schema `seed`: what only the synthetic country knows. `fraud_truth` is the ground truth of
 * the planted fraud cases; only tests and evaluations may read it (a fraud module that read it
 * would grade its own homework). `run` records each seed run, so the country can be described.
 */
export const seedHistory: MigrationHistory = {
  schema: 'seed',
  migrations: {
    '0001_create_seed_tables': {
      async up(db) {
        await sql`create table seed.fraud_truth (
          case_id varchar(36) not null primary key,
          pattern varchar(64) not null,
          ref_id varchar(64) not null,
          ref_id_type varchar(36) not null,
          details jsonb not null)`.execute(db)
        await sql`create index idx_fraud_truth_pattern on seed.fraud_truth (pattern)`.execute(db)
        await sql`create table seed.run (
          seed varchar(128) not null,
          residents integer not null,
          days integer not null,
          until_dtimes timestamp not null,
          registrations integer not null)`.execute(db)
      },
    },
    '0002_create_deferred_index': {
      async up(db) {
        // Secondary indexes dropped while a seed loads (see deferred-indexes.ts), kept here
        // until rebuilt, so that a seed killed half-way loses none of them.
        await sql`create table seed.deferred_index (
          index_name text not null primary key,
          definition text not null)`.execute(db)
      },
    },
  },
}
