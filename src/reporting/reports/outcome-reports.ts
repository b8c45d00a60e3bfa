import type { ReportParams } from '../report-catalog.js'
import type { LakeQuery } from './lake-query.js'
import type { ReportScope } from './report-scope-filter.js'
import { failedStatusList, inDays, registrationsView, transactionsView } from './report-views.js'

/** center-approval-eod: per center, became PROCESSED / REJECTED on the day. */
export function centerApprovalEodSql(
  q: LakeQuery,
  params: ReportParams<'center-approval-eod'>,
  scope: ReportScope,
): string {
  const date = q.bind('date', params.date)
  return `SELECT r.center_id AS "center_id",
      CAST(count(*) FILTER (WHERE r.status_code = 'PROCESSED') AS INTEGER) AS "approved",
      CAST(count(*) FILTER (WHERE r.status_code = 'REJECTED') AS INTEGER) AS "rejected"
    FROM (${registrationsView(q, params.center, scope)}) AS r
    WHERE r.status_code IN ('PROCESSED', 'REJECTED')
      AND ${inDays('r.latest_trn_dtimes', date, date)}
    GROUP BY r.center_id
    ORDER BY r.center_id`
}

/** center-rejections: the center's registrations that became REJECTED in the range. */
export function centerRejectionsSql(
  q: LakeQuery,
  params: ReportParams<'center-rejections'>,
  scope: ReportScope,
): string {
  const [from, to] = [q.bind('from', params.from), q.bind('to', params.to)]
  return `WITH r AS (SELECT * FROM (${registrationsView(q, params.center, scope)})
      WHERE status_code = 'REJECTED' AND ${inDays('latest_trn_dtimes', from, to)})
    SELECT r.reg_id AS "reg_id", CAST(r.latest_trn_dtimes AS DATE) AS "date",
      t.trn_type_code AS "stage", t.sub_status_code AS "reason_code", t.status_comment AS "reason"
    FROM r LEFT JOIN (${transactionsView('id IN (SELECT latest_trn_id FROM r)')}) AS t
      ON t.id = r.latest_trn_id
    ORDER BY CAST(r.latest_trn_dtimes AS DATE), r.reg_id`
}

/** failed-packets: registrations that became FAILED / REPROCESS_FAILED in the range. */
export function failedPacketsSql(
  q: LakeQuery,
  params: ReportParams<'failed-packets'>,
  scope: ReportScope,
): string {
  const [from, to] = [q.bind('from', params.from), q.bind('to', params.to)]
  return `WITH r AS (SELECT * FROM (${registrationsView(q, params.center, scope)})
      WHERE status_code IN ${failedStatusList} AND ${inDays('latest_trn_dtimes', from, to)})
    SELECT r.reg_id AS "reg_id", r.center_id AS "center_id", r.process AS "process",
      t.trn_type_code AS "stage", t.sub_status_code AS "sub_status_code",
      t.status_comment AS "status_comment", CAST(r.latest_trn_dtimes AS DATE) AS "date"
    FROM r LEFT JOIN (${transactionsView('id IN (SELECT latest_trn_id FROM r)')}) AS t
      ON t.id = r.latest_trn_id
    ORDER BY CAST(r.latest_trn_dtimes AS DATE), r.reg_id`
}
