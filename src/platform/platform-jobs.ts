import { purgeOutboxEvents } from './bus/index.js'
import { type PeriodicJob, taskPurgeJob } from './jobs/index.js'
import { notifyJobs } from './notify/index.js'
import type { Platform } from './platform.js'

/** Housekeeping the platform itself needs: message retries and retention of its own tables. */
export function platformJobs(platform: Platform): PeriodicJob[] {
  const jobs: PeriodicJob[] = [...notifyJobs(platform.notify), taskPurgeJob(platform.db)]
  if (platform.bus.backend === 'outbox') {
    jobs.push({
      name: 'bus.purge-outbox',
      every: 3600,
      async run(ctx) {
        const olderThanDays = platform.settings.bus.retentionDays
        const deleted = await purgeOutboxEvents(platform.db, { olderThanDays })
        await ctx.progress(
          deleted,
          deleted,
          `deleted ${deleted} events older than ${olderThanDays} days`,
        )
      },
    })
  }
  return jobs
}
