import { z } from 'zod'
import { type CapturedTable, mosipCapturedTables } from '../cdc/captured-table.js'
import type { CdcChange } from '../cdc/watermark-connector.js'
import {
  defineLakeDataset,
  type LakeColumn,
  type LakeDataset,
  type LakeRow,
} from '../lake/lake-dataset.js'

/** The columns every row-version dataset ends with (see `versionColumns`). */
const versionColumns: readonly LakeColumn[] = [
  { name: 'change_key', type: 'VARCHAR', nullable: false },
  { name: 'change_time', type: 'TIMESTAMP', nullable: false },
  { name: 'deleted', type: 'BOOLEAN', nullable: false },
]

const text = z.string()
const optionalText = z.string().nullish()
const optionalTime = z.date().nullish()

/**
 * How one captured source table becomes a lake dataset of row versions (an append-only change
 * log): an explicit list of non-personal columns, each checked with zod as it leaves the source,
 * plus the version columns. `primaryKey` is what `latestVersionsView` partitions by.
 */
export interface CollatedTable {
  /** The captured source table, `schema.table`. */
  readonly source: string
  readonly dataset: LakeDataset
  readonly primaryKey: readonly string[]
  /** Maps a change to the dataset's own columns (the version columns and dt are added). */
  readonly toRow: (change: CdcChange) => Record<string, unknown>
}

/** The center of a registration: the first 5 digits of its RID (as the reports define it). */
export function centerOfRid(regId: string): string {
  return regId.slice(0, 5)
}

const registrationRow = z.object({
  workflow_instance_id: text,
  reg_id: text,
  process: text,
  status_code: text,
  latest_trn_id: optionalText,
  latest_trn_dtimes: optionalTime,
  pkt_cr_dtimes: optionalTime,
})

/** `regprc.registration`: one row per packet's workflow; the reports' status and dates. */
export const registrationVersions: CollatedTable = {
  source: 'regprc.registration',
  primaryKey: ['workflow_instance_id'],
  dataset: defineLakeDataset({
    name: 'registration',
    columns: [
      { name: 'workflow_instance_id', type: 'VARCHAR', nullable: false },
      { name: 'reg_id', type: 'VARCHAR', nullable: false },
      { name: 'center_id', type: 'VARCHAR', nullable: false },
      { name: 'process', type: 'VARCHAR', nullable: false },
      { name: 'status_code', type: 'VARCHAR', nullable: false },
      { name: 'latest_trn_id', type: 'VARCHAR', nullable: true },
      { name: 'latest_trn_dtimes', type: 'TIMESTAMP', nullable: true },
      { name: 'pkt_cr_dtimes', type: 'TIMESTAMP', nullable: true },
      ...versionColumns,
    ],
  }),
  toRow(change) {
    const row = registrationRow.parse(change.row)
    return { ...row, center_id: centerOfRid(row.reg_id) }
  },
}

const transactionRow = z.object({
  id: text,
  reg_id: text,
  trn_type_code: text,
  sub_status_code: optionalText,
  status_comment: optionalText,
  cr_dtimes: z.date(),
})

/** `regprc.registration_transaction`: one row per stage transaction (stage, reason, time). */
export const registrationTransactionVersions: CollatedTable = {
  source: 'regprc.registration_transaction',
  primaryKey: ['id'],
  dataset: defineLakeDataset({
    name: 'registration_transaction',
    columns: [
      { name: 'id', type: 'VARCHAR', nullable: false },
      { name: 'reg_id', type: 'VARCHAR', nullable: false },
      { name: 'center_id', type: 'VARCHAR', nullable: false },
      { name: 'trn_type_code', type: 'VARCHAR', nullable: false },
      { name: 'sub_status_code', type: 'VARCHAR', nullable: true },
      { name: 'status_comment', type: 'VARCHAR', nullable: true },
      { name: 'cr_dtimes', type: 'TIMESTAMP', nullable: false },
      ...versionColumns,
    ],
  }),
  toRow(change) {
    const row = transactionRow.parse(change.row)
    return { ...row, center_id: centerOfRid(row.reg_id) }
  },
}

/** Every collated table, by source table name. */
export const collatedTables: readonly CollatedTable[] = [
  registrationVersions,
  registrationTransactionVersions,
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
