import { z } from 'zod'
import { reportCatalog, type ReportId, type ReportParamsInput } from '../report-catalog.js'
import { centerIdSchema } from '../report-params.js'

/** The windows a schedule may ask for, relative to the moment it runs (UTC days). */
export const reportWindows = ['today', 'previous-day', 'previous-7-days', 'previous-month'] as const
export type ReportWindow = (typeof reportWindows)[number]

/** A schedule's report parameters: a relative window instead of dates, plus the fixed ones. */
export const scheduleParamsSchema = z.strictObject({
  window: z.enum(reportWindows),
  center: centerIdSchema.optional(),
  // The report's own default (24) applies when left out, so it is not filled in here.
  thresholdHours: z.number().int().min(1).max(720).optional(),
})
export type ScheduleParams = z.output<typeof scheduleParamsSchema>

/** The UTC days a window covers when run at `at`, both ends included. */
export function windowDays(window: ReportWindow, at: Date): { from: string; to: string } {
  const day = (offset: number) =>
    new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + offset))
      .toISOString()
      .slice(0, 10)
  switch (window) {
    case 'today':
      return { from: day(0), to: day(0) }
    case 'previous-day':
      return { from: day(-1), to: day(-1) }
    case 'previous-7-days':
      return { from: day(-7), to: day(-1) }
    case 'previous-month': {
      const first = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1))
      const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 0))
      return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) }
    }
  }
}

/** True for reports that take one `date` rather than a `from`/`to` range. */
export function takesOneDay(reportId: ReportId): boolean {
  return 'date' in reportCatalog[reportId].params.shape
}

/** The report's own parameters for a window run at `at`, or why they cannot be formed. */
export type ResolvedParams<I extends ReportId> =
  | { readonly ok: true; readonly params: ReportParamsInput<I>; readonly period: string }
  | { readonly ok: false; readonly problems: string[] }

/**
 * Maps a schedule's relative window to the report's `date` or `from`/`to` and checks the
 * result with the catalog's own schema, so a window or a parameter the report does not take
 * (a range for a one-day report, a center for a report without one) is refused.
 */
export function resolveParams<I extends ReportId>(
  reportId: I,
  scheduled: ScheduleParams,
  at: Date,
): ResolvedParams<I> {
  const { from, to } = windowDays(scheduled.window, at)
  const oneDay = takesOneDay(reportId)
  if (oneDay && from !== to) {
    return {
      ok: false,
      problems: [`window: ${reportId} covers one day; use today or previous-day`],
    }
  }
  const candidate = {
    ...(oneDay ? { date: from } : { from, to }),
    ...(scheduled.center !== undefined && { center: scheduled.center }),
    ...(scheduled.thresholdHours !== undefined && { thresholdHours: scheduled.thresholdHours }),
  }
  const parsed = reportCatalog[reportId].params.safeParse(candidate)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`),
    }
  }
  return {
    ok: true,
    params: candidate as ReportParamsInput<I>,
    period: from === to ? from : `${from} to ${to}`,
  }
}
