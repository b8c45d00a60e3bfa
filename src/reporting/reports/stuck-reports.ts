import { statsProcesses } from '../report-definitions.js'
import type { ReportParams } from '../report-catalog.js'
import { createdCount, createdPerDayView, type CreatedColumn } from './created-reports.js'
import type { LakeQuery } from './lake-query.js'
import { centerConditions, type ReportScope } from './report-scope-filter.js'
import {
  daysView,
  failedStatusList,
  finalStatusList,
  registrationsView,
  transactionsView,
} from './report-views.js'

/**
 * Each transaction with the time of the next one of its RID (ordered by cr_dtimes, then id):
 * a transaction is a RID's last before T exactly when `cr_dtimes < T <= next_at`, which turns
 * "the last transaction before the end of each day" into one range join instead of a
 * correlated lookup per day and registration. Of transactions sharing a time, only the one
 * with the greatest id can be last (the others' next_at equals their own time).
 */
const transactionSpans = (): string =>
  `SELECT id, reg_id, trn_type_code, cr_dtimes,
      coalesce(lead(cr_dtimes) OVER (PARTITION BY reg_id ORDER BY cr_dtimes, id),
        TIMESTAMP 'infinity') AS next_at
    FROM trns`

/**
 * The transactions of the registrations in the center and scope (the center is the RID's, so
 * a registration's history is all in or all out), for `trns`.
 */
const transactionsOf = (q: LakeQuery, options: Omit<StuckOptions, 'thresholdHours'>): string =>
  transactionsView(`true${centerConditions(q, 'center_id', options.center, options.scope)}`)

interface StuckOptions {
  readonly center: string | undefined
  readonly scope: ReportScope
  readonly thresholdHours: number
}

/**
 * Per row of the CTE `points` (day, end_of_day), with the CTE `trns` (transactionsOf): the
 * registrations in flight at end_of_day (not final, or final only at or after it) whose last
 * transaction before it is at least thresholdHours old. Columns: day, end_of_day, reg_id, process, status_code,
 * latest_trn_dtimes, stage and since (that transaction's type and time).
 */
function stuckAtPoints(q: LakeQuery, options: StuckOptions): string {
  const hours = q.bind('hours', options.thresholdHours)
  return `SELECT p.day, p.end_of_day, r.reg_id, r.process, r.status_code, r.latest_trn_dtimes,
      t.trn_type_code AS stage, t.cr_dtimes AS since
    FROM points AS p
    JOIN (${transactionSpans()}) AS t
      ON t.cr_dtimes < p.end_of_day AND t.next_at >= p.end_of_day
    JOIN (${registrationsView(q, options.center, options.scope)}) AS r ON r.reg_id = t.reg_id
    WHERE (r.status_code NOT IN ${finalStatusList} OR r.latest_trn_dtimes >= p.end_of_day)
      AND t.cr_dtimes <= p.end_of_day - to_hours(CAST(${hours} AS BIGINT))`
}

/** Per row of `points`: registrations that became FAILED / REPROCESS_FAILED on its day. */
function failedOnPoints(q: LakeQuery, options: Omit<StuckOptions, 'thresholdHours'>): string {
  return `SELECT p.day, p.end_of_day, r.reg_id, r.process, r.status_code, r.latest_trn_dtimes,
      r.latest_trn_id
    FROM points AS p
    JOIN (${registrationsView(q, options.center, options.scope)}) AS r
      ON r.latest_trn_dtimes >= p.day AND r.latest_trn_dtimes < p.end_of_day
    WHERE r.status_code IN ${failedStatusList}`
}

/** stuck-packets: idle in flight at the end of the day, plus failed that day. */
export function stuckPacketsSql(
  q: LakeQuery,
  params: ReportParams<'stuck-packets'>,
  scope: ReportScope,
): string {
  const date = q.bind('date', params.date)
  const options = { center: params.center, scope, thresholdHours: params.thresholdHours }
  return `WITH points AS (SELECT CAST(${date} AS DATE) AS day,
        CAST(CAST(${date} AS DATE) AS TIMESTAMP) + INTERVAL 1 DAY AS end_of_day),
      trns AS (${transactionsOf(q, options)}),
      stuck AS (${stuckAtPoints(q, options)}),
      failed AS (${failedOnPoints(q, options)}),
      listed AS (
        SELECT reg_id, process, stage,
          CASE WHEN latest_trn_dtimes < end_of_day THEN status_code ELSE 'PROCESSING' END AS status,
          since, end_of_day
        FROM stuck
        UNION ALL
        SELECT f.reg_id, f.process, t.trn_type_code, f.status_code, f.latest_trn_dtimes,
          f.end_of_day
        FROM failed AS f
        LEFT JOIN (${transactionsView('id IN (SELECT latest_trn_id FROM failed)')}) AS t
          ON t.id = f.latest_trn_id)
    SELECT reg_id AS "reg_id", process AS "process", stage AS "stage", status AS "status",
      since AS "since",
      CAST(date_diff('microsecond', since, end_of_day) // 3600000000 AS INTEGER) AS "hours"
    FROM listed
    ORDER BY since, reg_id`
}

const statsColumns: readonly CreatedColumn[] = statsProcesses.map(
  (process) => [process.toLowerCase(), process] as const,
)

/** packet-processing-stats: per day, created by type, stuck at its end, failed that day. */
export function packetProcessingStatsSql(
  q: LakeQuery,
  params: ReportParams<'packet-processing-stats'>,
  scope: ReportScope,
): string {
  const options = { center: params.center, scope, thresholdHours: params.thresholdHours }
  const days = daysView(q.bind('from', params.from), q.bind('to', params.to))
  return `WITH points AS (${days}),
      trns AS (${transactionsOf(q, options)}),
      created AS (${createdPerDayView(q, params, scope, statsColumns)}),
      stuck AS (SELECT day, count(*) AS n FROM (${stuckAtPoints(q, options)}) GROUP BY day),
      failed AS (SELECT day, count(*) AS n FROM (${failedOnPoints(q, options)}) GROUP BY day)
    SELECT points.day AS "date", ${statsColumns.map(([name]) => createdCount(name)).join(', ')},
      CAST(coalesce(stuck.n, 0) AS INTEGER) AS "stuck",
      CAST(coalesce(failed.n, 0) AS INTEGER) AS "failed"
    FROM points
    LEFT JOIN created ON created.day = points.day
    LEFT JOIN stuck ON stuck.day = points.day
    LEFT JOIN failed ON failed.day = points.day
    ORDER BY points.day`
}
