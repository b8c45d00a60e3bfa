import type { PeriodicJob } from '../../platform/jobs/index.js'
import type { LakeReader } from '../lake/lake-reader.js'
import type { LakeWriter } from '../lake/lake-writer.js'
import { recomputeRollups } from './recompute-rollups.js'

/** What the rollup job needs. */
export interface RollupJobDependencies {
  /** A reader exposing the collated datasets (see `rollupSourceDatasetNames`). */
  readonly reader: LakeReader
  /** The lake's one writer (shared with the collation sink). */
  readonly writer: LakeWriter
  /** Minutes between runs; 15 by default. */
  readonly everyMinutes?: number
  /** The clock; the current time by default. */
  readonly now?: () => Date
}

/** The job's name in the platform's job runner. */
export const rollupJobName = 'reporting.rollups'

/**
 * The periodic job that keeps rollups fresh: every run recomputes yesterday and today (UTC),
 * so late facts of yesterday land too; older days change only by an explicit recompute.
 */
export function rollupJob(deps: RollupJobDependencies): PeriodicJob {
  const now = deps.now ?? (() => new Date())
  return {
    name: rollupJobName,
    every: Math.max(1, Math.round((deps.everyMinutes ?? 15) * 60)),
    run: async (ctx) => {
      const today = now().toISOString().slice(0, 10)
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10)
      await recomputeRollups(
        deps.reader,
        deps.writer,
        { from: yesterday, to: today, granularity: 'all' },
        {
          signal: ctx.signal,
          onProgress: (done, total) => ctx.progress(done, total, 'days recomputed'),
        },
      )
    },
  }
}
