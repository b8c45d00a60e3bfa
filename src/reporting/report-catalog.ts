import type { z } from 'zod'
import {
  column,
  nullableColumn,
  rowSchemaOf,
  type ReportColumn,
  type RowOf,
} from './report-columns.js'
import {
  dayParamsSchema,
  dayThresholdParamsSchema,
  rangeCenterParamsSchema,
  rangeNoCenterParamsSchema,
  rangeParamsSchema,
  rangeThresholdParamsSchema,
} from './report-params.js'

/**
 * The nine operational reports of issue 4: ids, parameters, columns (in order) and row schemas.
 * Shared definitions (UTC days, what a registration is, its center, "became final", which
 * transaction gives a row's stage and reason) are in `report-definitions.ts`; each report's own
 * rules are below. Unless said otherwise a report with `center` counts only registrations whose
 * RID starts with it, and a per-day report has one row per day of the range, zeros included.
 */
export interface ReportDefinition<
  P extends z.ZodType = z.ZodType,
  Cs extends readonly ReportColumn[] = readonly ReportColumn[],
> {
  readonly id: string
  readonly description: string
  /** CLI/API parameters: `date`, or `from`/`to`; `center`; `thresholdHours`. */
  readonly params: P
  readonly columns: Cs
  readonly row: z.ZodType<RowOf<Cs>>
  /** The order of rows (deterministic; the oracle and the module both use it). */
  readonly order: string
  /** Who may run it, beyond the zone rule (staff see only their zones' centers). */
  readonly access: 'staff' | 'administrators'
}

function report<P extends z.ZodType, const Cs extends readonly ReportColumn[]>(
  definition: Omit<ReportDefinition<P, Cs>, 'row' | 'access'> & {
    access?: ReportDefinition['access']
  },
): ReportDefinition<P, Cs> {
  return {
    ...definition,
    access: definition.access ?? 'staff',
    row: rowSchemaOf(definition.columns),
  }
}

const date = column('date', 'date', 'UTC day')

export const reportCatalog = {
  /** NEW registrations (process = 'NEW') by the UTC day of pkt_cr_dtimes; every day of the range. */
  'registrations-per-day': report({
    id: 'registrations-per-day',
    description: 'NEW registrations per UTC day of packet creation',
    params: rangeParamsSchema,
    columns: [date, column('count', 'integer', 'NEW registrations created that day')],
    order: 'date ascending',
  }),
  /** UPDATE and RES_UPDATE registrations by the UTC day of pkt_cr_dtimes; every day of the range. */
  'uin-updates': report({
    id: 'uin-updates',
    description: 'UIN update requests (UPDATE at a center, RES_UPDATE by residents) per day',
    params: rangeParamsSchema,
    columns: [
      date,
      column('update', 'integer', 'UPDATE registrations created that day'),
      column('res_update', 'integer', 'RES_UPDATE registrations created that day'),
    ],
    order: 'date ascending',
  }),
  /**
   * Registrations of every type whose packet was created on --date, per center (RID prefix);
   * only centers with at least one registration that day (an idle center has no row).
   */
  'registrations-by-center': report({
    id: 'registrations-by-center',
    description: 'Registrations of all types per center for one day of packet creation',
    params: dayParamsSchema,
    columns: [
      column('center_id', 'text', 'first 5 digits of the RID'),
      nullableColumn('center_name', 'text', 'eng name from master data'),
      column('count', 'integer', 'registrations created that day'),
    ],
    order: 'center_id ascending',
  }),
  /**
   * UINs allocated in the range (an identity created: one `idrepo.anonymous_profile` row with
   * processName 'NEW', dated by its cr_dtimes, which is idrepo.uin.cr_dtimes), by age band and
   * gender code. The date of birth is encrypted per attribute in idrepo.uin.uin_data, and a
   * report must not decrypt personal data, so the age comes from the anonymous profile's
   * yearOfBirth: age = (UTC year of allocation) − yearOfBirth, the age reached in the year of
   * allocation (as MOSIP's AnonymousProfileTransform computes it). It is the exact age at
   * allocation or one more, for people whose birthday falls later that year. No usable year
   * (missing, or after the allocation year) is band UNKNOWN. Gender: see genderCodeOf. Later
   * status changes do not matter: an allocated UIN stays allocated. Only combinations with a
   * count; no center (the profile carries none, and joining it to a RID is not possible).
   */
  'uin-by-age-gender': report({
    id: 'uin-by-age-gender',
    description: 'UINs allocated in the range by age band at allocation and gender code',
    params: rangeNoCenterParamsSchema,
    columns: [
      column('age_band', 'text', '0-9 … 70-79, 80+, UNKNOWN'),
      column('gender', 'text', 'MLE, FLE, OTH, UNKNOWN (or a country code)'),
      column('count', 'integer', 'UINs allocated'),
    ],
    order: 'age band in the order 0-9 … 80+, UNKNOWN; then gender ascending',
  }),
  /**
   * Per center, registrations whose overall status became PROCESSED (approved) or REJECTED
   * (rejected) on --date: status_code and the UTC day of latest_trn_dtimes. FAILED and
   * REPROCESS_FAILED are not decisions and are left out. Only centers with a non-zero count.
   */
  'center-approval-eod': report({
    id: 'center-approval-eod',
    description: "End-of-day approvals and rejections per center for one day's decisions",
    params: dayParamsSchema,
    columns: [
      column('center_id', 'text', 'first 5 digits of the RID'),
      column('approved', 'integer', 'became PROCESSED that day'),
      column('rejected', 'integer', 'became REJECTED that day'),
    ],
    order: 'center_id ascending',
  }),
  /**
   * The center's registrations whose overall status became REJECTED in the range, one row each:
   * date = UTC day of latest_trn_dtimes; stage, reason_code, reason = trn_type_code,
   * sub_status_code, status_comment of the latest transaction (e.g. BIOGRAPHIC_VERIFICATION,
   * RPR-MNV-FAILED-002 "Match Found by Manual Verifier").
   */
  'center-rejections': report({
    id: 'center-rejections',
    description: 'Rejected registrations of one center in the range, with stage and reason',
    params: rangeCenterParamsSchema,
    columns: [
      column('reg_id', 'text', 'RID'),
      date,
      nullableColumn('stage', 'text', 'trn_type_code of the rejecting transaction'),
      nullableColumn('reason_code', 'text', 'its sub_status_code'),
      nullableColumn('reason', 'text', 'its status_comment'),
    ],
    order: 'date, then reg_id ascending',
  }),
  /**
   * Registrations whose overall status became FAILED or REPROCESS_FAILED in the range (UTC day
   * of latest_trn_dtimes), one row each, with the latest transaction's trn_type_code (stage),
   * sub_status_code and status_comment. Administrators only: comments can name internal errors.
   */
  'failed-packets': report({
    id: 'failed-packets',
    description: 'Packets that failed in the range, with stage and sub-status (administrators)',
    params: rangeParamsSchema,
    access: 'administrators',
    columns: [
      column('reg_id', 'text', 'RID'),
      column('center_id', 'text', 'first 5 digits of the RID'),
      column('process', 'text', 'registration type'),
      nullableColumn('stage', 'text', 'trn_type_code of the failing transaction'),
      nullableColumn('sub_status_code', 'text', 'its sub_status_code'),
      nullableColumn('status_comment', 'text', 'its status_comment'),
      date,
    ],
    order: 'date, then reg_id ascending',
  }),
  /**
   * One row per day of the range. new … res_reprint: registrations of that process created
   * that day (as registrations-per-day / uin-updates; ACTIVATED and DEACTIVATED have no
   * column). stuck: the stuck (in-flight) rows stuck-packets gives for that day with the same
   * thresholdHours; failed: its FAILED/REPROCESS_FAILED rows for that day (as failed-packets).
   */
  'packet-processing-stats': report({
    id: 'packet-processing-stats',
    description: 'Per day: packets created by type, stuck at the end of the day, failed that day',
    params: rangeThresholdParamsSchema,
    columns: [
      date,
      column('new', 'integer', 'NEW created'),
      column('update', 'integer', 'UPDATE created'),
      column('lost', 'integer', 'LOST created'),
      column('res_update', 'integer', 'RES_UPDATE created'),
      column('res_reprint', 'integer', 'RES_REPRINT created'),
      column('stuck', 'integer', 'in flight at the end of the day, idle ≥ threshold'),
      column('failed', 'integer', 'became FAILED or REPROCESS_FAILED that day'),
    ],
    order: 'date ascending',
  }),
  /**
   * As of T = end of --date (D+1 00:00 UTC), reconstructed from history so that a past date
   * answers as it would have then:
   * - stuck: a registration in flight at T (it has a transaction before T and had not become
   *   final before T: status not final, or latest_trn_dtimes ≥ T) whose last transaction
   *   before T (greatest cr_dtimes, then id) is at least thresholdHours (default 24) before T.
   *   stage = that transaction's trn_type_code; since = its cr_dtimes; status = the current
   *   status_code if nothing happened since T (latest_trn_dtimes < T: PROCESSING, REPROCESS,
   *   PAUSED…, all "PROCESSING" externally in MOSIP), else PROCESSING.
   * - failed: status FAILED or REPROCESS_FAILED that became so on --date; since =
   *   latest_trn_dtimes; stage = the latest transaction's trn_type_code.
   * hours = whole hours from since to T (rounded down). Transactions are matched by reg_id
   * (MOSIP's registration_transaction has no workflow instance column).
   */
  'stuck-packets': report({
    id: 'stuck-packets',
    description: 'Packets idle in flight for the threshold at the end of a day, or failed that day',
    params: dayThresholdParamsSchema,
    columns: [
      column('reg_id', 'text', 'RID'),
      column('process', 'text', 'registration type'),
      nullableColumn('stage', 'text', 'trn_type_code of the last transaction'),
      column('status', 'text', 'PROCESSING (or the in-flight status), FAILED, REPROCESS_FAILED'),
      column('since', 'timestamp', 'time of that transaction (UTC)'),
      column('hours', 'integer', 'whole hours from since to the end of the day'),
    ],
    order: 'since ascending (oldest first), then reg_id',
  }),
} as const

export type ReportCatalog = typeof reportCatalog
export type ReportId = keyof ReportCatalog
export const reportIds = Object.keys(reportCatalog) as ReportId[]

/** Parameters of a report after parsing (defaults applied). */
export type ReportParams<I extends ReportId> = z.output<ReportCatalog[I]['params']>
/** Parameters as a caller gives them. */
export type ReportParamsInput<I extends ReportId> = z.input<ReportCatalog[I]['params']>
/** One row of a report. */
export type ReportRow<I extends ReportId> = RowOf<ReportCatalog[I]['columns']>
