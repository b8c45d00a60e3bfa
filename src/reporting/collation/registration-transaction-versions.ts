import { z } from 'zod'
import { defineLakeDataset } from '../lake/lake-dataset.js'
import {
  centerOfRid,
  collatedValues as v,
  type CollatedTable,
  versionColumns,
} from './collated-table.js'

const transactionRow = z.object({
  id: v.text,
  reg_id: v.text,
  trn_type_code: v.text,
  sub_status_code: v.optionalText,
  status_comment: v.optionalText,
  cr_dtimes: v.time,
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
