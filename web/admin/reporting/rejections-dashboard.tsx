import { useState } from 'react'
import { useI18n } from '../../shared/i18n/index.js'
import { BarChart } from './charts/bar-chart.js'
import { groupCounts } from './live-snapshot.js'
import { defaultRange } from './report-dates.js'
import { CenterFilter, RangeFilter } from './report-filters.js'
import { ReportPanel } from './report-panel.js'
import type { ReportRow } from './reporting-api.js'
import { canRun, useReporting } from './reporting-context.js'
import { useReport } from './use-report.js'

function byStage(rows: readonly ReportRow[]) {
  return groupCounts(
    rows.map((row) => ({ stage: String(row.stage ?? '—'), count: 1 })),
    (row) => row.stage,
  ).map((row) => ({ key: row.label, label: row.label, value: row.value }))
}

/**
 * A center's rejections over a range and, for administrators (when the catalog lists it), the
 * packets that failed; each with its count per stage.
 */
export function RejectionsDashboard() {
  const { t } = useI18n()
  const { extent, centers, catalog } = useReporting()
  const [range, setRange] = useState(() => defaultRange(extent))
  // The virtual center 10000 (resident portal, administration) rejects little: start elsewhere.
  const [center, setCenter] = useState(
    () => (centers.find((c) => c.id !== '10000') ?? centers[0])?.id ?? '',
  )
  const rejections = useReport('center-rejections', { ...range, center }, center !== '')
  const failed = useReport('failed-packets', range)
  return (
    <div className="dashboard" data-testid="rejections-dashboard">
      <div className="filters" role="group" aria-label={t('rpt.filters')}>
        <RangeFilter value={range} onChange={setRange} />
      </div>
      <ReportPanel
        title={t('rpt.report.center-rejections')}
        report={rejections}
        filters={<CenterFilter value={center} onChange={setCenter} optional={false} />}
        chart={(rows) => <BarChart bars={byStage(rows)} label={t('rpt.byStage')} />}
      />
      {canRun(catalog, 'failed-packets') ? (
        <ReportPanel
          title={t('rpt.report.failed-packets')}
          report={failed}
          chart={(rows) => <BarChart bars={byStage(rows)} label={t('rpt.byStage')} />}
        />
      ) : null}
    </div>
  )
}
