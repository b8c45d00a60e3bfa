import { useState } from 'react'
import { describeError } from '../../shared/api.js'
import { useI18n } from '../../shared/i18n/index.js'
import { Button } from '../../shared/ui/index.js'
import { exportFormats, type ExportFormat, type ReportParams } from './reporting-api.js'
import { useReporting } from './reporting-context.js'

/** One button per export format; each downloads the report with the same parameters. */
export function ExportButtons(props: {
  reportId: string
  params: ReportParams
  disabled?: boolean
}) {
  const { t } = useI18n()
  const { reporting } = useReporting()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function download(format: ExportFormat) {
    setBusy(format)
    setError(null)
    try {
      await reporting.download(props.reportId, props.params, format)
    } catch (failure) {
      setError(describeError(failure, t))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="export-buttons" role="group" aria-label={t('rpt.export')}>
      {exportFormats.map((format) => (
        <Button
          key={format}
          variant="secondary"
          size="sm"
          busy={busy === format}
          disabled={props.disabled || (busy !== null && busy !== format)}
          onClick={() => void download(format)}
          data-testid={`export-${props.reportId}-${format}`}
          aria-label={t('rpt.exportAs', { format: format.toUpperCase() })}
        >
          {format.toUpperCase()}
        </Button>
      ))}
      {error ? (
        <p className="export-buttons__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
