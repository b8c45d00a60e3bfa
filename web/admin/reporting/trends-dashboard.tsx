import { useState } from 'react'
import { useI18n } from '../../shared/i18n/index.js'
import { TimeChart } from './charts/time-chart.js'
import { defaultRange } from './report-dates.js'
import { CenterFilter, RangeFilter } from './report-filters.js'
import { ReportPanel } from './report-panel.js'
import type { ReportRow } from './reporting-api.js'
import { useReporting } from './reporting-context.js'
import { useReport } from './use-report.js'

function numbers(rows: readonly ReportRow[], column: string): number[] {
  return rows.map((row) => Number(row[column] ?? 0))
}

function days(rows: readonly ReportRow[]): string[] {
  return rows.map((row) => String(row.date))
}

/** Registrations, UIN updates and packet processing per day over a range, for one or all centers. */
export function TrendsDashboard() {
  const { t } = useI18n()
  const { extent } = useReporting()
  const [range, setRange] = useState(() => defaultRange(extent))
  const [center, setCenter] = useState('')
  const params = { ...range, center }
  const perDay = useReport('registrations-per-day', params)
  const updates = useReport('uin-updates', params)
  const stats = useReport('packet-processing-stats', params)
  return (
    <div className="dashboard" data-testid="trends-dashboard">
      <div className="filters" role="group" aria-label={t('rpt.filters')}>
        <RangeFilter value={range} onChange={setRange} />
        <CenterFilter value={center} onChange={setCenter} optional />
      </div>
      <ReportPanel
        title={t('rpt.report.registrations-per-day')}
        report={perDay}
        chart={(rows) => (
          <TimeChart
            kind="bar"
            days={days(rows)}
            series={[{ name: t('rpt.series.new'), values: numbers(rows, 'count') }]}
            label={t('rpt.report.registrations-per-day')}
          />
        )}
      />
      <ReportPanel
        title={t('rpt.report.uin-updates')}
        report={updates}
        chart={(rows) => (
          <TimeChart
            kind="line"
            days={days(rows)}
            series={[
              { name: 'UPDATE', values: numbers(rows, 'update') },
              { name: 'RES_UPDATE', values: numbers(rows, 'res_update') },
            ]}
            label={t('rpt.report.uin-updates')}
          />
        )}
      />
      <ReportPanel
        title={t('rpt.report.packet-processing-stats')}
        report={stats}
        chart={(rows) => (
          <TimeChart
            kind="line"
            days={days(rows)}
            series={[
              { name: 'NEW', values: numbers(rows, 'new') },
              { name: 'UPDATE', values: numbers(rows, 'update') },
              { name: t('rpt.series.stuck'), values: numbers(rows, 'stuck') },
              { name: t('rpt.series.failed'), values: numbers(rows, 'failed') },
            ]}
            label={t('rpt.report.packet-processing-stats')}
          />
        )}
      />
    </div>
  )
}
