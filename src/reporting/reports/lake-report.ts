import type { LakeReader } from '../lake/lake-reader.js'
import {
  reportCatalog,
  type ReportId,
  type ReportParams,
  type ReportParamsInput,
  type ReportRow,
} from '../report-catalog.js'
import { createdPerDaySql, registrationsByCenterSql } from './created-reports.js'
import { LakeQuery } from './lake-query.js'
import { lakeReportErrors } from './lake-report-errors.js'
import { centerApprovalEodSql, centerRejectionsSql, failedPacketsSql } from './outcome-reports.js'
import { uinByAgeGenderSql } from './profile-report.js'
import { parseScope, type ReportScope } from './report-scope-filter.js'
import { packetProcessingStatsSql, stuckPacketsSql } from './stuck-reports.js'

export { centerZones } from './center-zones.js'
export type { ReportScope } from './report-scope-filter.js'

type SqlOf<I extends ReportId> = (
  q: LakeQuery,
  params: ReportParams<I>,
  scope: ReportScope,
) => string

const statements: { [I in ReportId]: SqlOf<I> } = {
  'registrations-per-day': (q, p, scope) => createdPerDaySql(q, p, scope, [['count', 'NEW']]),
  'uin-updates': (q, p, scope) =>
    createdPerDaySql(q, p, scope, [
      ['update', 'UPDATE'],
      ['res_update', 'RES_UPDATE'],
    ]),
  'registrations-by-center': registrationsByCenterSql,
  'uin-by-age-gender': (q, p, scope) => {
    // The profile carries no RID, so no center: a zone-limited caller cannot be answered.
    if (scope.centers !== 'all') throw lakeReportErrors.noCenterToScope('uin-by-age-gender')
    return uinByAgeGenderSql(q, p)
  },
  'center-approval-eod': centerApprovalEodSql,
  'center-rejections': centerRejectionsSql,
  'failed-packets': failedPacketsSql,
  'packet-processing-stats': packetProcessingStatsSql,
  'stuck-packets': stuckPacketsSql,
}

/**
 * Computes report `id` from the lake (the collated datasets, read through their latest
 * versions, so a version delivered twice counts once). Parameters are validated with the
 * catalog's schema (a bad one throws its ZodError) and every row is parsed with the catalog's
 * row schema; rows come in the catalog's order, text compared bytewise. With a scope listing
 * centers, only registrations of those centers count, as if each report were filtered by them
 * (uin-by-age-gender, which has no center, is then refused with MOS-RPT-302).
 */
export async function lakeReport<I extends ReportId>(
  reader: LakeReader,
  id: I,
  params: ReportParamsInput<I>,
  scope?: ReportScope,
): Promise<ReportRow<I>[]> {
  const definition = reportCatalog[id]
  const parsed = definition.params.parse(params) as ReportParams<I>
  const q = new LakeQuery()
  const statement = (statements[id] as SqlOf<I>)(q, parsed, parseScope(scope))
  const rows = await reader.query(statement, q.params())
  return rows.map((row) => definition.row.parse(row) as ReportRow<I>)
}
