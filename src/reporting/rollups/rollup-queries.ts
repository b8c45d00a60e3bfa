import {
  anonymousProfileVersions,
  registrationTransactionVersions,
  registrationVersions,
} from '../collation/collation-datasets.js'
import { latestVersionsView } from '../collation/latest-versions-view.js'

/**
 * The rollup rules, as DuckDB SQL over the collated datasets (read through their latest
 * versions, so copies and superseded versions never count). Periods are UTC hours or days;
 * a period holds the instants [start, next start).
 *
 * Dimensions of `registration_rollup_hourly` / `_daily`, all from the registration as it
 * stands when the rollup is computed (its latest version):
 * - `period_start`: the hour (TIMESTAMP) or day (DATE) the counted event fell in;
 * - `center_id`: the first 5 digits of the RID;
 * - `zone_code`: the center's zone in `registration_center`: the latest version of its `eng`
 *   row, else of its first language's, soft-deleted or not (a decommissioned center keeps its
 *   zone, as it keeps its name); null when the center is unknown (the portal's virtual center);
 * - `process`, `status_code`: the registration's current ones;
 * - `stage`: `trn_type_code` of the registration's latest transaction (`latest_trn_id`), null
 *   when that transaction is not in the lake.
 *
 * Measures (each event counts once, in the period its own time falls in):
 * - `created`: registrations whose `pkt_cr_dtimes` is in the period;
 * - `became_final`: registrations whose status is PROCESSED, REJECTED, FAILED or
 *   REPROCESS_FAILED and whose `latest_trn_dtimes` is in the period;
 * - `transactions`: `registration_transaction` rows whose `cr_dtimes` is in the period,
 *   grouped by their own center and by the dimensions of their registration (the latest
 *   created workflow of that RID); process, status and stage are null when the RID has none.
 *
 * Because status and stage are current, a past period's split by status is the one seen at
 * its last recompute; the sums over status and stage do not depend on when it ran.
 *
 * `uin_rollup_daily`: `anonymous_profile` rows with `process_name` 'NEW' (one per UIN
 * allocated) by the UTC day of `cr_dtimes`, `age_band` and `gender` as collated.
 */

const finalStatuses = `('PROCESSED', 'REJECTED', 'FAILED', 'REPROCESS_FAILED')`

/** `column` falls in [$from 00:00, $to + 1 day 00:00). */
const inRange = (column: string) =>
  `(${column} >= CAST($from AS DATE)::TIMESTAMP
    AND ${column} < (CAST($to AS DATE) + INTERVAL 1 DAY)::TIMESTAMP)`

/**
 * The rows of `registration_rollup_hourly` (`hour`) or `_daily` (`day`) for the days $from to
 * $to (strings YYYY-MM-DD, both included), each with its `dt`.
 */
export function registrationRollupSql(period: 'hour' | 'day'): string {
  const bucket = (ts: string) =>
    period === 'hour' ? `date_trunc('hour', ${ts})` : `CAST(${ts} AS DATE)`
  return `
    WITH reg AS (${latestVersionsView(registrationVersions)}),
    trn AS (${latestVersionsView(registrationTransactionVersions)}),
    center_zone AS (
      SELECT id AS center_id, zone_code FROM registration_center
      QUALIFY row_number() OVER (PARTITION BY id
        ORDER BY (lang_code = 'eng') DESC, lang_code, change_time DESC, change_key DESC) = 1
    ),
    reg_dims AS (
      SELECT r.workflow_instance_id, r.reg_id, r.center_id, r.process, r.status_code,
        t.trn_type_code AS stage, r.pkt_cr_dtimes, r.latest_trn_dtimes
      FROM reg r LEFT JOIN trn t ON t.id = r.latest_trn_id
    ),
    rid_dims AS (
      SELECT * FROM reg_dims
      QUALIFY row_number() OVER (PARTITION BY reg_id
        ORDER BY pkt_cr_dtimes DESC NULLS LAST, workflow_instance_id DESC) = 1
    ),
    counted AS (
      SELECT ${bucket('pkt_cr_dtimes')} AS period_start, center_id, process, status_code, stage,
        1 AS created, 0 AS became_final, 0 AS transactions
      FROM reg_dims WHERE ${inRange('pkt_cr_dtimes')}
      UNION ALL
      SELECT ${bucket('latest_trn_dtimes')}, center_id, process, status_code, stage, 0, 1, 0
      FROM reg_dims WHERE status_code IN ${finalStatuses} AND ${inRange('latest_trn_dtimes')}
      UNION ALL
      SELECT ${bucket('t.cr_dtimes')}, t.center_id, d.process, d.status_code, d.stage, 0, 0, 1
      FROM trn t LEFT JOIN rid_dims d ON d.reg_id = t.reg_id WHERE ${inRange('t.cr_dtimes')}
    )
    SELECT c.period_start, c.center_id, z.zone_code, c.process, c.status_code, c.stage,
      CAST(sum(c.created) AS BIGINT) AS created,
      CAST(sum(c.became_final) AS BIGINT) AS became_final,
      CAST(sum(c.transactions) AS BIGINT) AS transactions,
      CAST(c.period_start AS DATE) AS dt
    FROM counted c LEFT JOIN center_zone z ON z.center_id = c.center_id
    GROUP BY c.period_start, c.center_id, z.zone_code, c.process, c.status_code, c.stage
    ORDER BY ALL`
}

/** The rows of `uin_rollup_daily` for the days $from to $to, each with its `dt`. */
export function uinRollupSql(): string {
  return `
    SELECT CAST(cr_dtimes AS DATE) AS day, age_band, gender, CAST(count(*) AS BIGINT) AS count,
      CAST(cr_dtimes AS DATE) AS dt
    FROM (${latestVersionsView(anonymousProfileVersions)}) AS profile
    WHERE process_name = 'NEW' AND ${inRange('cr_dtimes')}
    GROUP BY ALL ORDER BY ALL`
}
