import type { PeriodicJob } from '../../platform/jobs/index.js'
import type { ReportScheduleService } from './report-schedule.service.js'

/**
 * Sends the report schedules that are due, once a minute. Several processes may run it: each
 * run is claimed in the database before it is sent, so it goes out once.
 */
export function reportScheduleJob(service: ReportScheduleService): PeriodicJob {
  return {
    name: 'reporting.schedules',
    every: 60,
    run: async () => {
      await service.runDue()
    },
  }
}
