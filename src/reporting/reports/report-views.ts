import {
  registrationCenterVersions,
  registrationTransactionVersions,
  registrationVersions,
} from '../collation/collation-datasets.js'
import { latestVersionsView } from '../collation/latest-versions-view.js'
import { finalStatuses, failedStatuses } from '../report-definitions.js'
import type { LakeQuery } from './lake-query.js'
import { centerConditions, type ReportScope } from './report-scope-filter.js'

/*
 * DuckDB building blocks of the reports, each a SELECT over the lake's latest versions. They
 * follow `report-definitions.ts`: a registration is a live row of `registration` (soft-deleted
 * ones are left out by the view); its center is `center_id`, the RID's first 5 digits.
 */

/** A constant list as a SQL literal (constants of the definitions only, never user input). */
export const sqlList = (values: readonly string[]): string =>
  `(${values.map((v) => `'${v}'`).join(', ')})`

export const finalStatusList = sqlList(finalStatuses)
export const failedStatusList = sqlList(failedStatuses)

/**
 * Live registrations of the `center` parameter (if any) inside the scope. The center comes
 * from the RID, which no version changes, so the filter applies before deduplication.
 */
export function registrationsView(
  q: LakeQuery,
  center: string | undefined,
  scope: ReportScope,
): string {
  return latestVersionsView(registrationVersions, {
    keysWhere: `true${centerConditions(q, 'center_id', center, scope)}`,
  })
}

/**
 * The latest version of transactions, soft-deleted ones included: the oracle joins
 * `registration.latest_trn_id` and the transaction history without looking at `is_deleted`.
 * `keysWhere` limits it to some transactions before deduplication (see latestVersionsView).
 */
export const transactionsView = (keysWhere?: string): string =>
  latestVersionsView(registrationTransactionVersions, {
    includeDeleted: true,
    ...(keysWhere !== undefined && { keysWhere }),
  })

/**
 * One row per center id: its name and zone from the `eng` row, else the row whose lang_code
 * sorts first (bytewise). Soft-deleted (decommissioned) centers keep theirs.
 */
export const centersView = (): string =>
  `SELECT id, name, zone_code FROM (${latestVersionsView(registrationCenterVersions, {
    includeDeleted: true,
  })})
    QUALIFY row_number() OVER (PARTITION BY id ORDER BY (lang_code = 'eng') DESC, lang_code) = 1`

/** `ts` falls on a UTC day from the parameter `from` to `to` (both `$name`s of dates). */
export const inDays = (ts: string, from: string, to: string): string =>
  `(${ts} >= CAST(${from} AS DATE) AND ${ts} < CAST(${to} AS DATE) + 1)`

/** The days of a range, one row each: `day` (DATE) and `end_of_day` (TIMESTAMP, day + 1). */
export const daysView = (from: string, to: string): string =>
  `SELECT CAST(g AS DATE) AS day, g + INTERVAL 1 DAY AS end_of_day
    FROM generate_series(CAST(CAST(${from} AS DATE) AS TIMESTAMP),
      CAST(CAST(${to} AS DATE) AS TIMESTAMP), INTERVAL 1 DAY) AS t(g)`
