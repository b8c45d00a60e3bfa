import { z } from 'zod'
import { defineLakeDataset } from '../lake/lake-dataset.js'
import { collatedValues as v, type CollatedTable, versionColumns } from './collated-table.js'

const authRow = z.object({
  id: v.text,
  request_dtimes: v.time,
  auth_type_code: v.text,
  status_code: v.text,
  ref_id_type: v.optionalText,
  requested_entity_id: v.optionalText,
  cr_dtimes: v.time,
})

/**
 * `ida.auth_transaction`: one row per authentication: when, which types (comma-joined codes),
 * the outcome, the kind of id used and the partner that asked. Never the id itself (`ref_id`),
 * the token, the partner's display name or the status comment.
 */
export const authTransactionVersions: CollatedTable = {
  source: 'ida.auth_transaction',
  primaryKey: ['id'],
  dataset: defineLakeDataset({
    name: 'auth_transaction',
    columns: [
      { name: 'id', type: 'VARCHAR', nullable: false },
      { name: 'request_dtimes', type: 'TIMESTAMP', nullable: false },
      { name: 'auth_type_code', type: 'VARCHAR', nullable: false },
      { name: 'status_code', type: 'VARCHAR', nullable: false },
      { name: 'ref_id_type', type: 'VARCHAR', nullable: true },
      { name: 'requested_entity_id', type: 'VARCHAR', nullable: true },
      { name: 'cr_dtimes', type: 'TIMESTAMP', nullable: false },
      ...versionColumns,
    ],
  }),
  toRow(change) {
    return authRow.parse(change.row)
  },
}
