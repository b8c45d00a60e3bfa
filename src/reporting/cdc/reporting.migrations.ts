import { sql } from 'kysely'
import type { MigrationHistory } from '../../platform/db/index.js'

/**
 * Migration history of the reporting module (schema `reporting`). It starts with the change
 * data capture checkpoints; later reporting tables belong in this same history (one schema,
 * one history).
 */
export const reportingHistory: MigrationHistory = {
  schema: 'reporting',
  migrations: {
    '0001_create_cdc_checkpoint': {
      async up(db) {
        // One row per captured table of a source. `watermark` is the greatest change time
        // delivered; `caught_up_to` the source time up to which every visible version was
        // delivered (lag = now - caught_up_to); `version` detects two connectors on one source.
        await sql`
          create table reporting.cdc_checkpoint (
            source varchar(128) not null,
            table_name varchar(128) not null,
            watermark timestamp,
            caught_up_to timestamp,
            rows_delivered bigint not null default 0,
            batches_delivered bigint not null default 0,
            version bigint not null,
            updated_at timestamp not null,
            constraint pk_cdc_checkpoint primary key (source, table_name)
          )`.execute(db)
        // Row versions delivered inside the overlap window below the watermark: re-read on
        // every poll (to catch late commits) and skipped when already acknowledged.
        await sql`
          create table reporting.cdc_delivered (
            source varchar(128) not null,
            table_name varchar(128) not null,
            row_key varchar(1024) not null,
            change_time timestamp not null,
            constraint pk_cdc_delivered primary key (source, table_name, row_key, change_time),
            constraint fk_cdc_delivered_checkpoint foreign key (source, table_name)
              references reporting.cdc_checkpoint (source, table_name) on delete cascade
          )`.execute(db)
      },
    },
  },
}
