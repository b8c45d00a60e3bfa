import type { QueryExecutorProvider } from 'kysely'
import type { PeriodicJob } from '../../platform/jobs/index.js'
import type { LakeWriter } from '../lake/lake-writer.js'
import { applyRetention } from './apply-retention.js'
import type { RetentionPolicies } from './retention-policy.js'

/** What the retention job needs. */
export interface RetentionJobDependencies {
  readonly writer: LakeWriter
  readonly archiveRoot: string
  /** The database whose audit log records each action. */
  readonly db: QueryExecutorProvider
  /** `defaultRetentionPolicies` when left out. */
  readonly policies?: RetentionPolicies
  /** When to run (croner syntax, UTC); daily at 02:30 by default, after the day's rollups. */
  readonly cron?: string
}

/** The job's name in the platform's job runner. */
export const retentionJobName = 'reporting.retention'

/** Retention as a periodic job: applies the policies as SYSTEM, reporting progress. */
export function retentionJob(deps: RetentionJobDependencies): PeriodicJob {
  return {
    name: retentionJobName,
    cron: deps.cron ?? '30 2 * * *',
    run: async (ctx) => {
      await applyRetention({
        writer: deps.writer,
        archiveRoot: deps.archiveRoot,
        db: deps.db,
        ...(deps.policies === undefined ? {} : { policies: deps.policies }),
        today: ctx.scheduledAt.toISOString().slice(0, 10),
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done, total, 'partitions'),
      })
    },
  }
}
