import { staff } from '../platform/auth/index.js'
import type { Module } from '../platform/module.js'
import { reportingHistory } from './cdc/reporting.migrations.js'
import {
  createReportScheduleService,
  registerScheduleRoutes,
  reportScheduleJob,
} from './delivery/index.js'
import { LiveStream } from './live/live-stream.js'
import { registerLiveRoutes } from './live/live.routes.js'
import { registerReportRoutes } from './report.routes.js'
import { ReportService } from './report-service.js'
import { openReportingRuntime } from './reporting-runtime.js'
import { lakeReport } from './reports/lake-report.js'
import { retentionJob } from './retention/retention-job.js'
import { retentionPoliciesOf } from './retention-policies.js'
import { rollupJob } from './rollups/rollup-job.js'

/**
 * Reporting: change data capture from MOSIP's tables into an anonymised Parquet lake read with
 * DuckDB, and the nine operational reports over it (API here, CLI in `mosaic report`).
 */
export const reportingModule: Module = {
  name: 'reporting',
  description:
    'Reporting: change data capture into a Parquet lake (DuckDB), live counters, rollups, retention, operational reports',
  dependsOn: ['identity'],
  migrations: [reportingHistory],
  async start({ platform, app }) {
    const runtime = await openReportingRuntime(platform, { background: true })
    const reports = new ReportService(runtime, () => platform.auth.zoneHierarchy())
    registerReportRoutes(app, reports)
    const live = await LiveStream.start({
      db: platform.db,
      bus: platform.bus,
      logger: platform.logger,
      metrics: platform.metrics,
    })
    registerLiveRoutes(app, live, (request) =>
      reports.scope({ kind: 'staff', principal: staff(request) }),
    )
    const schedules = createReportScheduleService({
      db: platform.db,
      cipher: platform.cipher,
      notify: platform.notify,
      logger: platform.logger,
      language: platform.settings.notify.defaultLanguage,
      // A schedule is made by ADMIN or OPERATIONS staff and reports on the whole country (or
      // its center); the lake is brought up to date first so the file is complete.
      runReport: async (id, params) => {
        await runtime.catchUp().catch(() => {})
        return lakeReport(runtime.reader, id, params)
      },
    })
    registerScheduleRoutes(app, schedules)
    platform.health.register({
      name: 'reportingCdc',
      groups: [],
      // CDC falling behind degrades reports' freshness, not the server: not a readiness probe.
      async check() {
        const tables = runtime.progress()
        const failing = tables.filter((p) => p.lastError !== null).length
        const lags = tables.map((p) => p.lagSeconds ?? 0)
        return {
          status: failing === 0 ? 'UP' : 'OUT_OF_SERVICE',
          details: {
            owner: runtime.writer !== null,
            tables: tables.length,
            failing,
            maxLagSeconds: lags.length ? Math.max(...lags) : null,
          },
        }
      },
    })
    const { writer } = runtime
    // Rollups and retention write the lake: only its owner runs them.
    const lakeJobs =
      writer === null
        ? []
        : [
            rollupJob({ reader: runtime.reader, writer }),
            retentionJob({
              writer,
              archiveRoot: runtime.archiveRoot,
              db: platform.db,
              policies: retentionPoliciesOf(platform.settings),
            }),
          ]
    return {
      jobs: [reportScheduleJob(schedules), ...lakeJobs],
      async stop() {
        await live.close()
        await runtime.close()
      },
    }
  },
}
