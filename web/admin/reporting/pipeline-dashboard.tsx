import { useState } from 'react'
import { useI18n } from '../../shared/i18n/index.js'
import { Card, Spinner } from '../../shared/ui/index.js'
import { BarChart } from './charts/bar-chart.js'
import { LiveIndicator } from './live-indicator.js'
import { pipelineSteps } from './pipeline-stages.js'
import { defaultDay } from './report-dates.js'
import { DayFilter } from './report-filters.js'
import { ReportPanel } from './report-panel.js'
import { useReporting } from './reporting-context.js'
import { useLiveSnapshot } from './use-live-snapshot.js'
import { useReport } from './use-report.js'

/**
 * The processing pipeline: packets in flight per step (live) as a funnel, with the packets stuck
 * at each step at the end of a chosen day (stuck-packets) beside them.
 */
export function PipelineDashboard() {
  const { t } = useI18n()
  const { extent } = useReporting()
  const [day, setDay] = useState(() => defaultDay(extent))
  const [threshold, setThreshold] = useState('24')
  const live = useLiveSnapshot()
  const stuck = useReport('stuck-packets', { date: day, thresholdHours: threshold })
  const stuckRows =
    stuck.state.status === 'done'
      ? stuck.state.rows.map((row) => ({
          stage: row.stage === null ? null : String(row.stage),
          status: String(row.status),
        }))
      : []
  const steps = pipelineSteps(live.snapshot?.inFlight.byStage ?? [], stuckRows)
  return (
    <div className="dashboard" data-testid="pipeline-dashboard">
      <div className="filters" role="group" aria-label={t('rpt.filters')}>
        <DayFilter value={day} onChange={setDay} />
        <div className="filter">
          <label className="filter__label" htmlFor="threshold-hours">
            {t('rpt.threshold')}
          </label>
          <input
            id="threshold-hours"
            className="filter__input filter__input--short"
            type="number"
            min={1}
            max={720}
            value={threshold}
            data-testid="filter-threshold"
            onChange={(event) => event.target.value && setThreshold(event.target.value)}
          />
        </div>
      </div>
      <Card title={t('rpt.funnel')} headingLevel={3} data-testid="pipeline-funnel">
        <LiveIndicator state={live.state} at={live.snapshot?.at} error={live.error} />
        {live.snapshot === null ? <Spinner label={t('rpt.loading')} /> : null}
        <BarChart
          centered
          label={t('rpt.funnel')}
          bars={steps.map((step) => ({
            key: step.step,
            label: step.step,
            value: step.inFlight,
            ...(step.stuck + step.failed > 0 && {
              note: t('rpt.stuckNote', { stuck: step.stuck, failed: step.failed }),
            }),
          }))}
        />
        <table className="report-table" data-testid="pipeline-table">
          <caption>{t('rpt.funnelCaption', { day })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rpt.stage')}</th>
              <th scope="col" className="report-table__number">
                {t('rpt.inFlightNow')}
              </th>
              <th scope="col" className="report-table__number">
                {t('rpt.stuck')}
              </th>
              <th scope="col" className="report-table__number">
                {t('rpt.failed')}
              </th>
            </tr>
          </thead>
          <tbody aria-live="polite">
            {steps.map((step) => (
              <tr key={step.step}>
                <th scope="row">{step.step}</th>
                <td className="report-table__number">{step.inFlight}</td>
                <td className="report-table__number" data-column="stuck">
                  {step.stuck}
                </td>
                <td className="report-table__number" data-column="failed">
                  {step.failed}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <ReportPanel title={t('rpt.report.stuck-packets')} report={stuck} />
    </div>
  )
}
