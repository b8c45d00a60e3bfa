import type { ReactNode } from 'react'
import { describeError } from '../../shared/api.js'
import { useI18n } from '../../shared/i18n/index.js'
import { Alert, Card, Spinner } from '../../shared/ui/index.js'
import { ExportButtons } from './export-buttons.js'
import type { ReportParams, ReportRow } from './reporting-api.js'
import { ReportTable } from './report-table.js'
import type { useReport } from './use-report.js'

/**
 * A report on a dashboard: title, export buttons, then (once loaded) the chart the caller draws
 * from the rows and the table of the rows; a spinner while it runs and the server's message when
 * it fails.
 */
export function ReportPanel(props: {
  title: string
  report: ReturnType<typeof useReport>
  hint?: string
  filters?: ReactNode
  chart?: (rows: ReportRow[]) => ReactNode
  onSelect?: (row: ReportRow) => void
}) {
  const { t } = useI18n()
  const { state, entry, sent } = props.report
  if (entry === undefined) return null
  const params: ReportParams = sent
  return (
    <Card
      title={props.title}
      className="report-panel"
      headingLevel={3}
      data-testid={`panel-${entry.id}`}
      actions={
        <ExportButtons reportId={entry.id} params={params} disabled={state.status !== 'done'} />
      }
    >
      {props.filters ? <div className="report-panel__filters">{props.filters}</div> : null}
      <p className="muted report-panel__description">{props.hint ?? entry.description}</p>
      <div aria-live="polite" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' ? (
          <div className="report-panel__loading">
            <Spinner label={t('rpt.loading')} />
            <span className="muted">{t('rpt.loading')}</span>
          </div>
        ) : null}
        {state.status === 'failed' ? (
          <Alert tone="danger" data-testid={`error-${entry.id}`}>
            {describeError(state.error, t)}
          </Alert>
        ) : null}
        {state.status === 'idle' ? <p className="muted">{t('rpt.chooseFilters')}</p> : null}
      </div>
      {state.status === 'done' ? (
        <>
          {props.chart && state.rows.length > 0 ? props.chart(state.rows) : null}
          <ReportTable
            entry={entry}
            rows={state.rows}
            caption={t('rpt.tableCaption', { title: props.title, params: describeParams(params) })}
            emptyText={t('rpt.noRows')}
            {...(props.onSelect && { onSelect: props.onSelect })}
          />
        </>
      ) : null}
    </Card>
  )
}

/** "2025-12-01 – 2025-12-31, center 10001": the parameters a table shows. */
export function describeParams(params: ReportParams): string {
  const parts: string[] = []
  if (params.date) parts.push(params.date)
  if (params.from && params.to) parts.push(`${params.from} – ${params.to}`)
  if (params.center) parts.push(params.center)
  if (params.thresholdHours) parts.push(`${params.thresholdHours} h`)
  return parts.join(', ')
}
