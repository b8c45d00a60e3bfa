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
    '0002_create_report_schedule': {
      async up(db) {
        // Scheduled email delivery of reports (delivery/). Recipients are one FieldCipher
        // ciphertext; the runner claims a due row by moving next_run_at with a compare-and-set.
        await sql`
          create table reporting.report_schedule (
            id varchar(36) not null,
            report_id varchar(64) not null,
            "window" varchar(32) not null,
            center varchar(5),
            threshold_hours integer,
            format varchar(8) not null,
            recipients text not null,
            cron varchar(200) not null,
            timezone varchar(64) not null default 'UTC',
            enabled boolean not null,
            created_by varchar(128) not null,
            created_at timestamptz not null,
            updated_at timestamptz not null,
            next_run_at timestamptz not null,
            last_run_at timestamptz,
            last_status varchar(16),
            last_error varchar(500),
            last_message_id varchar(36),
            constraint pk_report_schedule primary key (id),
            constraint ck_report_schedule_format check (format in ('csv', 'pdf')),
            constraint ck_report_schedule_timezone check (timezone = 'UTC')
          )`.execute(db)
        await sql`
          create index ix_report_schedule_due on reporting.report_schedule (next_run_at)
            where enabled`.execute(db)
      },
    },
    '0003_create_cdc_replication_checkpoint': {
      async up(db) {
        // One row per source read by logical replication (cdc/logical). LSNs are bigints.
        // `acked_commit_lsn` is the commit LSN of the last transaction the sink acknowledged in
        // full, `acked_end_lsn` the position confirmed to the slot; `partial_*` counts the
        // changes acknowledged of a transaction cut into batches. `version` detects two
        // connectors on one source; `tables` holds per-table counters for progress.
        await sql`
          create table reporting.cdc_replication_checkpoint (
            source varchar(128) not null,
            slot_name varchar(63) not null,
            snapshot_done boolean not null,
            acked_commit_lsn bigint not null,
            acked_end_lsn bigint not null,
            partial_commit_lsn bigint,
            partial_changes integer not null,
            caught_up_to timestamp,
            rows_delivered bigint not null,
            batches_delivered bigint not null,
            tables jsonb not null,
            version bigint not null,
            updated_at timestamp not null,
            constraint pk_cdc_replication_checkpoint primary key (source)
          )`.execute(db)
      },
    },
  },
}
