import type { JobContext } from './job-context.js'
import { jobNameSchema } from './job-name.js'
import { jobErrors } from './errors.js'
import { type Schedule, scheduleOf } from './schedule.js'

/**
 * Work that runs on a schedule, once per period across every runner sharing the database.
 * Give `every` (seconds) or `cron` (croner syntax, 5 or 6 fields, UTC).
 */
export type PeriodicJob = {
  readonly name: string
  run(ctx: JobContext): Promise<void>
} & (
  | { readonly every: number; readonly cron?: never }
  | { readonly cron: string; readonly every?: never }
)

/** A periodic job with its schedule checked. */
export interface CheckedPeriodicJob {
  readonly job: PeriodicJob
  readonly schedule: Schedule
}

/** Checks a job's name and schedule; throws MOS-JOB-001. */
export function checkPeriodicJob(job: PeriodicJob): CheckedPeriodicJob {
  if (!jobNameSchema.safeParse(job.name).success) {
    throw jobErrors.invalidDefinition(`job name ${JSON.stringify(job.name)}`)
  }
  return { job, schedule: scheduleOf(job) }
}
