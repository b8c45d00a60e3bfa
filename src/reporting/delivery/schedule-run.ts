import type { NotifyService } from '../../platform/notify/index.js'
import { AppError } from '../../platform/errors.js'
import { renderReport } from '../export/render-report.js'
import { reportCatalog } from '../report-catalog.js'
import type { ReportSchedule, RunReport } from './report-schedule.js'
import { resolveParams } from './report-window.js'

/** How one run ended, as stored in last_status / last_error / last_message_id. */
export interface RunOutcome {
  /** notify's status ('sent', 'queued' for its own retries, 'held'), or 'failed'. */
  readonly status: 'sent' | 'queued' | 'held' | 'failed'
  readonly error: string | null
  readonly messageId: string | null
  readonly rowCount: number | null
}

/** What a run needs besides the schedule. */
export interface RunDependencies {
  readonly runReport: RunReport
  readonly notify: Pick<NotifyService, 'send'>
  /** Language of the email's text ('eng' by default; the report itself is not translated). */
  readonly language?: string
}

/**
 * Computes the schedule's report for the window as of `at`, renders it, and hands one email
 * with the file attached to notify. Never throws: a failure becomes an outcome to record, and
 * its text is an error code or type, never report data or an address.
 */
export async function runSchedule(
  deps: RunDependencies,
  schedule: ReportSchedule,
  at: Date,
  idempotencyKey?: string,
): Promise<RunOutcome> {
  let rowCount: number | null = null
  try {
    const resolved = resolveParams(schedule.reportId, schedule.params, at)
    if (!resolved.ok) return failed(`MOS-RPT-901 ${resolved.problems.join('; ')}`, null)
    const definition = reportCatalog[schedule.reportId]
    const rows = await deps.runReport(schedule.reportId, resolved.params)
    rowCount = rows.length
    const parameters = resolved.params as Record<string, string | number | undefined>
    const rendered = await renderReport(schedule.format, definition, rows, {
      reportId: definition.id,
      parameters,
      generatedAt: at,
      generatedBy: 'report schedule',
    })
    const fileName = `${definition.id}_${resolved.period.replace(' to ', '_')}.${rendered.fileExtension}`
    const result = await deps.notify.send({
      channel: 'email',
      to: [...schedule.recipients],
      template: 'report',
      language: deps.language ?? 'eng',
      variables: {
        reportName: definition.description,
        period: resolved.period,
        rowCount: rows.length,
        fileName,
      },
      attachments: [
        {
          filename: fileName,
          contentType: rendered.contentType,
          content: Buffer.isBuffer(rendered.body) ? rendered.body : Buffer.from(rendered.body),
        },
      ],
      ...(idempotencyKey !== undefined && { idempotencyKey }),
    })
    if (result.status === 'failed') return failed('notify failed', result.id, rowCount)
    return { status: result.status, error: null, messageId: result.id, rowCount }
  } catch (error) {
    return failed(describe(error), null, rowCount)
  }
}

function failed(
  error: string,
  messageId: string | null,
  rowCount: number | null = null,
): RunOutcome {
  return { status: 'failed', error: error.slice(0, 500), messageId, rowCount }
}

// An AppError's message is written to hold no personal data; any other error is reduced to
// its type, since its message could quote a query or a value.
function describe(error: unknown): string {
  if (error instanceof AppError) return `${error.code} ${error.message}`
  return `internal error (${error instanceof Error ? error.name : typeof error})`
}
