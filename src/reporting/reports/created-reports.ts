import type { ReportParams } from '../report-catalog.js'
import type { LakeQuery } from './lake-query.js'
import type { ReportScope } from './report-scope-filter.js'
import { centersView, daysView, inDays, registrationsView } from './report-views.js'

/** A column of registrations of one process created that day: `[column name, process]`. */
export type CreatedColumn = readonly [name: string, process: string]

/**
 * Per UTC day of packet creation in the range, the registrations of each column's process:
 * a SELECT of `created.day` and one count column per process (days without any are absent;
 * callers left-join the days of the range).
 */
export function createdPerDayView(
  q: LakeQuery,
  range: { from: string; to: string; center?: string | undefined },
  scope: ReportScope,
  columns: readonly CreatedColumn[],
): string {
  const from = q.bind('from', range.from)
  const to = q.bind('to', range.to)
  const counts = columns
    .map(([name, process]) => `count(*) FILTER (WHERE r.process = '${process}') AS "${name}"`)
    .join(', ')
  return `SELECT CAST(r.pkt_cr_dtimes AS DATE) AS day, ${counts}
    FROM (${registrationsView(q, range.center, scope)}) AS r
    WHERE ${inDays('r.pkt_cr_dtimes', from, to)}
    GROUP BY 1`
}

/** The integer count of a created column for `days.day`, 0 on days without registrations. */
export const createdCount = (name: string): string =>
  `CAST(coalesce(created."${name}", 0) AS INTEGER) AS "${name}"`

/** registrations-per-day and uin-updates: every day of the range with its counts. */
export function createdPerDaySql(
  q: LakeQuery,
  params: { from: string; to: string; center?: string | undefined },
  scope: ReportScope,
  columns: readonly CreatedColumn[],
): string {
  const created = createdPerDayView(q, params, scope, columns)
  return `WITH days AS (${daysView(q.bind('from', params.from), q.bind('to', params.to))}),
      created AS (${created})
    SELECT days.day AS "date", ${columns.map(([name]) => createdCount(name)).join(', ')}
    FROM days LEFT JOIN created ON created.day = days.day
    ORDER BY days.day`
}

/** registrations-by-center: per center (with its name), registrations created that day. */
export function registrationsByCenterSql(
  q: LakeQuery,
  params: ReportParams<'registrations-by-center'>,
  scope: ReportScope,
): string {
  const date = q.bind('date', params.date)
  return `WITH per_center AS (
      SELECT r.center_id, count(*) AS n FROM (${registrationsView(q, params.center, scope)}) AS r
      WHERE ${inDays('r.pkt_cr_dtimes', date, date)} GROUP BY r.center_id),
    centers AS (${centersView()})
    SELECT p.center_id AS "center_id", centers.name AS "center_name",
      CAST(p.n AS INTEGER) AS "count"
    FROM per_center AS p LEFT JOIN centers ON centers.id = p.center_id
    ORDER BY p.center_id`
}
