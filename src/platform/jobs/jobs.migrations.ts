import { sql } from 'kysely'
import type { MigrationHistory } from '../db/index.js'

/** Migration history of the job scheduler (schema `jobs`). */
export const jobsHistory: MigrationHistory = {
  schema: 'jobs',
  migrations: {
    '0001_create_jobs': {
      async up(db) {
        await db.schema
          .createTable('jobs.periodic')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('schedule', 'text', (c) => c.notNull())
          .addColumn('next_run_at', 'timestamptz', (c) => c.notNull())
          .addColumn('status', 'text', (c) =>
            c
              .notNull()
              .check(sql`status in ('idle', 'running', 'succeeded', 'failed', 'interrupted')`),
          )
          .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('run_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('last_started_at', 'timestamptz')
          .addColumn('last_finished_at', 'timestamptz')
          .addColumn('last_error', 'text')
          .addColumn('lease_owner', 'text')
          .addColumn('lease_until', 'timestamptz')
          .addColumn('progress_done', 'double precision')
          .addColumn('progress_total', 'double precision')
          .addColumn('progress_note', 'text')
          .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .execute()

        await db.schema
          .createTable('jobs.task')
          .addColumn('id', 'bigserial', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('payload', 'jsonb', (c) => c.notNull())
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'dead')`),
          )
          .addColumn('run_at', 'timestamptz', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('max_attempts', 'integer', (c) => c.notNull().check(sql`max_attempts >= 1`))
          .addColumn('dedupe_key', 'text')
          .addColumn('last_error', 'text')
          .addColumn('lease_owner', 'text')
          .addColumn('lease_until', 'timestamptz')
          .addColumn('progress_done', 'double precision')
          .addColumn('progress_total', 'double precision')
          .addColumn('progress_note', 'text')
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('started_at', 'timestamptz')
          .addColumn('finished_at', 'timestamptz')
          .execute()
        // What runners scan: due queued tasks, and running tasks whose lease may have expired.
        await sql`create index task_due on jobs.task (run_at, id) where status = 'queued'`.execute(
          db,
        )
        await sql`create index task_leased on jobs.task (lease_until) where status = 'running'`.execute(
          db,
        )
        // A dedupe key names at most one live (queued or running) task per task name.
        await sql`create unique index task_live_dedupe_key on jobs.task (name, dedupe_key)
          where dedupe_key is not null and status in ('queued', 'running')`.execute(db)
        await sql`create index task_finished on jobs.task (finished_at) where finished_at is not null`.execute(
          db,
        )
        await db.schema
          .createIndex('task_created')
          .on('jobs.task')
          .columns(['created_at', 'id'])
          .execute()
      },
    },
  },
}
