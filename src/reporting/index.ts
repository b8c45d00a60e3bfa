export { reportingModule } from './reporting.module.js'
export { reportingHistory } from './cdc/reporting.migrations.js'
export { openReportingRuntime, type ReportingRuntime } from './reporting-runtime.js'
export {
  ReportService,
  parseReportRequest,
  type ReportResult,
  type ReportExport,
} from './report-service.js'
export { reportCatalog, reportIds, type ReportId } from './report-catalog.js'
export { exportFormats, type ExportFormat } from './export/export-format.js'
export { reportErrors } from './report-errors.js'
export { retentionPoliciesOf } from './retention-policies.js'
export { planRetention } from './retention/retention-plan.js'
export { applyRetention } from './retention/apply-retention.js'
export { recomputeRollups } from './rollups/recompute-rollups.js'
