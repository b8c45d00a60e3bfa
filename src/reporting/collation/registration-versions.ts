import { z } from 'zod'
import { defineLakeDataset } from '../lake/lake-dataset.js'
import {
  centerOfRid,
  collatedValues as v,
  type CollatedTable,
  versionColumns,
} from './collated-table.js'

const registrationRow = z.object({
  workflow_instance_id: v.text,
  reg_id: v.text,
  process: v.text,
  status_code: v.text,
  latest_trn_id: v.optionalText,
  latest_trn_dtimes: v.optionalTime,
  pkt_cr_dtimes: v.optionalTime,
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
