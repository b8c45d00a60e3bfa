/**
 * @module
 * Scheduled delivery of reports by email (CSV or PDF attached) through platform notify.
 * See docs/reporting.md, "Scheduled delivery".
 */
export { deliveryErrors } from './delivery-errors.js'
export { reportScheduleJob } from './report-schedule.job.js'
export type { ReportSchedule, RunReport } from './report-schedule.js'
export {
  createScheduleSchema,
  updateScheduleSchema,
  type CreateScheduleInput,
  type UpdateScheduleInput,
} from './report-schedule.schema.js'
export {
  createReportScheduleService,
  type ReportScheduleService,
  type ReportScheduleServiceOptions,
  type RunDueReport,
  type ScheduleActor,
} from './report-schedule.service.js'
export type { ReportScheduleTables } from './report-schedule.tables.js'
export { reportWindows, type ReportWindow, type ScheduleParams } from './report-window.js'
export type { RunOutcome } from './schedule-run.js'
export { registerScheduleRoutes } from './schedule.routes.js'
