import { useRef, useState } from 'react'
import { useI18n } from '../../shared/i18n/index.js'
import { BarChart } from './charts/bar-chart.js'
import { defaultDay, defaultRange } from './report-dates.js'
import { CenterFilter, DayFilter, RangeFilter } from './report-filters.js'
import { ReportPanel } from './report-panel.js'
import { useReporting } from './reporting-context.js'
import { useReport } from './use-report.js'

/**
 * Registrations per center for a day and the day's approvals and rejections; choosing a center
 * (in the chart or the table) drills down to its rejections over a range.
 */
export function CentersDashboard() {
  const { t } = useI18n()
  const { extent } = useReporting()
  const [day, setDay] = useState(() => defaultDay(extent))
  const [center, setCenter] = useState('')
  const [range, setRange] = useState(() => defaultRange(extent))
  const byCenter = useReport('registrations-by-center', { date: day })
  const eod = useReport('center-approval-eod', { date: day })
  const rejections = useReport('center-rejections', { ...range, center }, center !== '')
  const drillDown = useRef<HTMLDivElement>(null)
  // Choosing a center moves focus to its rejections, so keyboard users land on the answer.
  const select = (id: string) => {
    setCenter(id)
    requestAnimationFrame(() => drillDown.current?.focus())
  }
  return (
    <div className="dashboard" data-testid="centers-dashboard">
      <div className="filters" role="group" aria-label={t('rpt.filters')}>
        <DayFilter value={day} onChange={setDay} />
      </div>
      <ReportPanel
        title={t('rpt.report.registrations-by-center')}
        report={byCenter}
        hint={t('rpt.drillHint')}
        onSelect={(row) => select(String(row.center_id))}
        chart={(rows) => (
          <BarChart
            testId="chart-registrations-by-center"
            label={t('rpt.report.registrations-by-center')}
            selected={center}
            onSelect={select}
            bars={rows.map((row) => ({
              key: String(row.center_id),
              label: row.center_name
                ? `${String(row.center_id)} · ${String(row.center_name)}`
                : String(row.center_id),
              value: Number(row.count),
            }))}
          />
        )}
      />
      <ReportPanel
        title={t('rpt.report.center-approval-eod')}
        report={eod}
        onSelect={(row) => select(String(row.center_id))}
      />
      <div data-testid="center-drilldown" ref={drillDown} tabIndex={-1}>
        <ReportPanel
          title={center ? t('rpt.rejectionsAt', { center }) : t('rpt.report.center-rejections')}
          report={rejections}
          filters={
            <>
              <CenterFilter value={center} onChange={setCenter} optional={false} />
              <RangeFilter value={range} onChange={setRange} />
            </>
          }
        />
      </div>
    </div>
  )
}
