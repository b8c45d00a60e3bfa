import { sql } from 'kysely'
import type { Db } from '../db/index.js'
import type { JobsTables } from './jobs.tables.js'
import type { PeriodicJob } from './periodic-job.js'

/** Deletes succeeded and dead tasks that finished more than `olderThanSeconds` ago; returns how many. */
export async function purgeFinishedTasks(db: Db, olderThanSeconds: number): Promise<number> {
  const result = await db
    .withTables<JobsTables>()
    .deleteFrom('jobs.task')
    .where('status', 'in', ['succeeded', 'dead'])
    .where('finished_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * A periodic job that keeps jobs.task small: hourly, it deletes tasks finished more than
 * `retentionDays` ago (default 14). Register it with one runner set per deployment.
 */
export function taskPurgeJob(db: Db, retentionDays = 14): PeriodicJob {
  return {
    name: 'jobs.purge-finished-tasks',
    every: 3600,
    async run(ctx) {
      const deleted = await purgeFinishedTasks(db, retentionDays * 86_400)
      await ctx.progress(deleted, deleted, `deleted ${deleted} finished tasks`)
    },
  }
}
