import { type CapturedTable, mosipCapturedTables } from '../cdc/captured-table.js'
import type { CdcChange } from '../cdc/watermark-connector.js'
import type { LakeRow } from '../lake/lake-dataset.js'
import { anonymousProfileVersions } from './anonymous-profile-versions.js'
import { auditEventVersions } from './audit-event-versions.js'
import { authTransactionVersions } from './auth-transaction-versions.js'
import type { CollatedTable } from './collated-table.js'
import { registrationCenterVersions } from './registration-center-versions.js'
import { registrationTransactionVersions } from './registration-transaction-versions.js'
import { registrationVersions } from './registration-versions.js'

export { centerOfRid, type CollatedTable, versionColumns } from './collated-table.js'
export {
  anonymousProfileVersions,
  auditEventVersions,
  authTransactionVersions,
  registrationCenterVersions,
  registrationTransactionVersions,
  registrationVersions,
}

/** Every collated table, by source table name. */
export const collatedTables: readonly CollatedTable[] = [
  registrationVersions,
  registrationTransactionVersions,
  registrationCenterVersions,
  anonymousProfileVersions,
  authTransactionVersions,
  auditEventVersions,
]

/** The captured tables a connector feeding the collation sink must read (MOSIP's defaults). */
export const collationCapturedTables: readonly CapturedTable[] = mosipCapturedTables.filter((t) =>
  collatedTables.some((c) => c.source === t.name),
)

/**
 * One lake row of a change: the dataset's columns, the version columns and `dt`, the UTC day of
 * the change time. The change time travels with microseconds; the lake keeps milliseconds (its
 * TIMESTAMP writer), so two versions within one millisecond are ordered by `change_key`.
 */
export function versionRow(table: CollatedTable, change: CdcChange): LakeRow {
  return {
    ...table.toRow(change),
    change_key: change.key,
    change_time: `${change.changeTime.slice(0, 23)}Z`,
    deleted: change.deleted,
    dt: change.changeTime.slice(0, 10),
  }
}
