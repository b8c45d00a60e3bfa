/**
 * Definitions every report shares: what a registration is, where its center comes from, which
 * statuses end a workflow, how ages and genders are banded. The reporting module and the
 * oracle (`report-oracle.test-kit.ts`) both follow these; `docs/reporting.md` quotes them.
 *
 * - **Time.** MOSIP stores UTC in `timestamp` columns. A report date D is the UTC day
 *   [D 00:00, D+1 00:00); a range `from`..`to` includes both days. No local time zone is used.
 * - **A registration** is one row of `regprc.registration` (one workflow instance; MOSIP's
 *   own dashboards count the same rows), not soft-deleted (`is_deleted` is not true). A RID
 *   run through two workflow instances counts twice.
 * - **Center** of a registration: the first 5 digits of its RID (`reg_id`), which MOSIP's RID
 *   generator fills with the center id (`src/identity/ids/rid.ts`). The seed writes the real
 *   center's id for kiosk packets (NEW, UPDATE, LOST) and the virtual centre `10000` for portal
 *   and administration requests (RES_UPDATE, RES_REPRINT, ACTIVATED, DEACTIVATED). The RID is
 *   used, not `registration_list.center_id`, because every registration has a RID but not every
 *   one has a sync record (the seed writes none), and a RID never changes.
 * - **Center name**: `master.registration_center.name` of the `eng` row of that id, else of
 *   the row whose `lang_code` sorts first; decommissioned centers keep their name; null when
 *   master data has no such center.
 * - **Packet creation date**: the UTC day of `pkt_cr_dtimes` (when the client created the
 *   packet). Registrations without it are in no per-day count.
 * - **Became final**: the overall status (`status_code`) is one of {@link finalStatuses} and
 *   the moment it became so is `latest_trn_dtimes`. A workflow writes no transaction after its
 *   terminal command (complete-as-processed/rejected/failed, or the reprocessor giving up), so
 *   its latest transaction is the one that ended it; MOSIP indexes
 *   (latest_trn_dtimes, latest_trn_status_code) for exactly this question. Reading
 *   `registration_transaction` instead would need the transaction status to say "the workflow
 *   ended", which it does not (a FAILED transaction ends as REJECTED after a dedupe stage).
 * - **The transaction of a row** (stage, reason): the registration's latest transaction,
 *   `registration_transaction.id = registration.latest_trn_id`. `stage` is its `trn_type_code`
 *   (VALIDATE_PACKET, BIOGRAPHIC_VERIFICATION, PACKET_REPROCESS, ...), as MOSIP's admin packet
 *   status shows; its `sub_status_code` and `status_comment` are the reason.
 */

/** Overall statuses that end a workflow instance. */
export const finalStatuses = ['PROCESSED', 'REJECTED', 'FAILED', 'REPROCESS_FAILED'] as const

/**
 * Statuses counted as failures: FAILED (a stage found the packet invalid, or a technical
 * failure) and REPROCESS_FAILED (the reprocessor gave up after its attempts). REJECTED is a
 * decision about the person (dedupe, adjudication), reported by center-rejections instead.
 */
export const failedStatuses = ['FAILED', 'REPROCESS_FAILED'] as const

/** Registration types of packet-processing-stats' columns, in column order. */
export const statsProcesses = ['NEW', 'UPDATE', 'LOST', 'RES_UPDATE', 'RES_REPRINT'] as const

/** Age bands of uin-by-age-gender, in output order; UNKNOWN when no usable year of birth. */
export const ageBands = [
  '0-9',
  '10-19',
  '20-29',
  '30-39',
  '40-49',
  '50-59',
  '60-69',
  '70-79',
  '80+',
  'UNKNOWN',
] as const
export type AgeBand = (typeof ageBands)[number]

/** The band of an age in whole years (null or negative: UNKNOWN). */
export function ageBandOf(age: number | null): AgeBand {
  if (age === null || !Number.isInteger(age) || age < 0) return 'UNKNOWN'
  return age >= 80 ? '80+' : (ageBands[Math.floor(age / 10)] ?? 'UNKNOWN')
}

/**
 * MOSIP's gender codes (`master.dynamic_field` name=gender). The anonymous profile keeps the
 * identity's first gender value, which is the code in the seed and may be the English label in
 * packets (`Female`), so labels map to codes; an empty value is UNKNOWN; any other value is kept
 * upper-cased (a country's own code).
 */
export const genderCodeOfLabel: Readonly<Record<string, string>> = {
  MLE: 'MLE',
  MALE: 'MLE',
  FLE: 'FLE',
  FEMALE: 'FLE',
  OTH: 'OTH',
  OTHER: 'OTH',
  OTHERS: 'OTH',
}

export function genderCodeOf(value: string | null | undefined): string {
  const upper = (value ?? '').trim().toUpperCase()
  if (!upper) return 'UNKNOWN'
  return genderCodeOfLabel[upper] ?? upper
}
